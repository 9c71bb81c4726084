//! The checker without a connection (docs/adr/0005-offline.md). The service worker answers every
//! checker step it cannot fetch with the flow's offline page (`/<lang>/check/<flow>/offline`,
//! kept when the reader first opened the checker). That page holds every question and every
//! outcome, drawn by the server and hidden; this island reads the step's address, walks the
//! answers with the same engine as the server, and shows the question or outcome they lead to.
//! Its question forms are the usual ones: sent, they move to the next step's address, which the
//! worker answers with this page again.
use crate::eligibility::flow::Deadline;
use crate::eligibility::walker::Route;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an outcome's dates and calendar file need: its title, and each deadline with its texts
/// already in the page's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeDates {
    pub id: String,
    pub title: String,
    pub deadlines: Vec<Deadline>,
}

#[island(lazy)]
pub fn OfflineChecker(
    walker: Route,
    outcomes: Vec<OutcomeDates>,
    /// Error messages by `<question>:<error code>`, in the page's language; a date range's ends
    /// are `{from}` and `{to}`, worked out on the device.
    errors: BTreeMap<String, String>,
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(root) = root.get() {
            show::step(&root, &walker, &outcomes, &errors);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&walker, &outcomes, &errors);
    });
    view! { <div class="offline-checker" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod show {
    use super::OutcomeDates;
    use crate::dates::Date;
    use crate::eligibility::calendar::ics;
    use crate::eligibility::engine::{Answers, Next, Walk};
    use crate::eligibility::flow::{Kind, Question};
    use crate::eligibility::outcome::{DeadlineOut, Summary};
    use crate::eligibility::steps::{
        accepted, date_parts, href, kept, next_step, question_state, Step, ANSWERED_FIELD,
        DATE_PARTS,
    };
    use crate::eligibility::walker::Route;
    use std::collections::BTreeMap;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    /// The address this page was drawn for: nav.js names it before hydrating a page it fetched;
    /// on a page load it is the document's.
    fn address() -> Option<web_sys::Url> {
        let window = leptos::prelude::window();
        let given = js_sys::Reflect::get(&window, &"smsiteUrl".into())
            .ok()
            .and_then(|v| v.as_string());
        let href = given.or_else(|| window.location().href().ok())?;
        web_sys::Url::new(&href).ok()
    }

    pub fn step(
        root: &web_sys::HtmlDivElement,
        walker: &Route,
        outcomes: &[OutcomeDates],
        errors: &BTreeMap<String, String>,
    ) {
        let Some(url) = address() else { return };
        let params = url.search_params();
        let answers = walker.answers(|k| {
            params
                .get_all(k)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        });
        let walker = &on_this_day(walker);
        let walk = walker.walk(&answers);
        let (lang, flow) = (walker.locale.as_str(), walker.flow.id.as_str());
        let last = url
            .pathname()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let mut step = match last.as_str() {
            "answers" | "result" => Step::Result,
            id if walker.flow.questions.iter().any(|q| q.id == id) => Step::Question(id.into()),
            _ => next_step(&walk),
        };
        // As the server's pages redirect: a step the answers do not reach shows the one they do.
        for _ in 0..3 {
            match (&step, &walk.next) {
                (Step::Result | Step::Answers, Next::Outcome(o)) => {
                    let Some(dates) = outcomes.iter().find(|d| d.id == *o) else {
                        return;
                    };
                    let Some(section) = show_only(root, &format!("o:{o}")) else {
                        return;
                    };
                    fill_outcome(&section, dates, &answers, walker, &url);
                    fill_answers(root, &section, walker, &walk, &answers);
                    let back = walk.path.last().map(|q| Step::Question(q.clone()));
                    set_href(
                        &section,
                        ".back-link",
                        &href(lang, flow, &back.unwrap_or(Step::Start), &answers),
                    );
                    return set_title(root, &dates.title);
                }
                (Step::Question(id), _) => match question_state(&walk, &answers, id) {
                    Ok(state) => {
                        let Some(section) = show_only(root, &format!("q:{id}")) else {
                            return;
                        };
                        carry_answers(&section, &answers, id);
                        // As on the server's page: Back carries the accepted answers, not a
                        // refused one.
                        let back = href(lang, flow, &state.back, &accepted(&answers, &walk));
                        set_href(&section, ".back-link", &back);
                        let question = walker.flow.questions.iter().find(|q| q.id == *id);
                        if let Some(q) = question {
                            fill_value(&section, q, state.value.as_deref().unwrap_or_default());
                        }
                        let error = state
                            .error
                            .and_then(|e| errors.get(&format!("{id}:{}", e.code())).cloned())
                            .map(|m| match question {
                                Some(q) => date_range(&m, q, walker.today, lang),
                                None => m,
                            });
                        let prefix = error.as_deref().and_then(|m| show_error(&section, id, m));
                        let heading = section.query_selector("h1").ok().flatten();
                        let heading = heading.and_then(|h| h.text_content()).unwrap_or_default();
                        return set_title(
                            root,
                            &match prefix {
                                Some(p) => format!("{p} {}", heading.trim()),
                                None => heading,
                            },
                        );
                    }
                    Err(other) => step = other,
                },
                _ => step = next_step(&walk),
            }
        }
    }

    /// The walk as of today in Azerbaijan (UTC+4) by the device's clock: the page may have been
    /// kept for days. A clock behind the day the page was drawn is wrong, so never before it.
    fn on_this_day(walker: &Route) -> Route {
        let seconds = (js_sys::Date::now() / 1000.0) as i64;
        let device = Date::from_days((seconds + 4 * 3600).div_euclid(86_400));
        let mut walker = walker.clone();
        walker.today = walker.today.max(device);
        walker
    }

    /// A date range's ends in the message, from the walk's today (as the server words them).
    fn date_range(message: &str, q: &Question, today: Date, lang: &str) -> String {
        let (from, to) = q.date_range(today);
        message
            .replace("{from}", &from.long(lang))
            .replace("{to}", &to.long(lang))
    }

    /// What the address says was answered, back in the fields (a refused answer to correct, or an
    /// earlier one reached with Back), as the server's page draws them. The combobox keeps its
    /// own state and starts empty.
    fn fill_value(section: &Element, question: &Question, value: &str) {
        let id = &question.id;
        let set = |selector: &str, value: &str| {
            if let Ok(Some(input)) = section.query_selector(selector) {
                // The default value: the page is fresh, so it is also the value shown.
                let _ = input.set_attribute("value", value);
            }
        };
        match question.kind {
            Kind::Single | Kind::Multiple => {
                let chosen: Vec<&str> = value.split(',').collect();
                for choice in &question.options {
                    let Ok(Some(input)) =
                        section.query_selector(&format!("[id=\"{id}-{}\"]", choice.value))
                    else {
                        continue;
                    };
                    let _ = if chosen.contains(&choice.value.as_str()) {
                        input.set_attribute("checked", "")
                    } else {
                        input.remove_attribute("checked")
                    };
                }
            }
            Kind::Date => {
                for (part, typed) in DATE_PARTS.iter().zip(date_parts(value)) {
                    set(&format!("[id=\"{id}-{part}\"]"), &typed);
                }
            }
            Kind::Number => set(&format!("input[id=\"{id}\"]"), value),
            Kind::Country => {}
        }
    }

    /// A refused answer, shown as on the server's page: the error summary (focused), the message
    /// above the field, named by the field's description, and the field marked (the page draws
    /// the summary and the message empty and hidden). Returns "Error:"
    /// for the page's title.
    fn show_error(section: &Element, id: &str, message: &str) -> Option<String> {
        let slot = section.query_selector("[data-error]").ok()??;
        let summary = slot.query_selector(".error-summary").ok()??;
        if let Ok(Some(link)) = summary.query_selector("a") {
            link.set_text_content(Some(message));
        }
        set_hidden(&slot, false);
        let _ = summary.set_attribute("tabindex", "-1");
        let prefix = slot.get_attribute("data-prefix").unwrap_or_default();
        let group = section.query_selector(".form-group").ok()??;
        add_class(&group, "form-group--error");
        let error_id = format!("{id}-error");
        // The message by the field, drawn empty and hidden by the page (`QuestionForm`).
        if let Ok(Some(by_field)) = group.query_selector("[data-error-message]") {
            if let Ok(Some(p)) = by_field.query_selector(".error-message") {
                let _ = p.append_with_str_1(message);
            }
            set_hidden(&by_field, false);
        }
        if let Ok(inputs) = group.query_selector_all("input.input") {
            for i in 0..inputs.length() {
                if let Some(el) = inputs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    add_class(&el, "input--error");
                }
            }
        }
        if let Ok(Some(described)) = group.query_selector("fieldset, input.input, select") {
            let names = described
                .get_attribute("aria-describedby")
                .unwrap_or_default();
            let _ =
                described.set_attribute("aria-describedby", format!("{names} {error_id}").trim());
        }
        // On a page nav.js puts in place the summary is not in the document yet: nav.js
        // focuses it then (the first focusable summary).
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
        Some(prefix)
    }

    fn add_class(el: &Element, name: &str) {
        let _ = el.set_attribute("class", &format!("{} {name}", el.class_name()));
    }

    /// The page's title is the step's, as on the server's pages. On a page nav.js is putting in
    /// place, it reads `data-page-title` once the page's head is in (the island may run first).
    fn set_title(root: &web_sys::HtmlDivElement, title: &str) {
        let document = leptos::prelude::document();
        let site = document.title();
        let site = site.rsplit(" – ").next().unwrap_or_default();
        let title = format!("{} – {site}", title.trim());
        let _ = root.set_attribute("data-page-title", &title);
        document.set_title(&title);
    }

    /// Shows the section named `step` and hides the others.
    fn show_only(root: &web_sys::HtmlDivElement, step: &str) -> Option<Element> {
        let all = root.query_selector_all("[data-step]").ok()?;
        let mut shown = None;
        for i in 0..all.length() {
            let Some(el) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let this = el.get_attribute("data-step").as_deref() == Some(step);
            set_hidden(&el, !this);
            if this {
                shown = Some(el);
            }
        }
        shown
    }

    fn set_hidden(el: &Element, hidden: bool) {
        let _ = if hidden {
            el.set_attribute("hidden", "")
        } else {
            el.remove_attribute("hidden")
        };
    }

    fn set_href(section: &Element, selector: &str, to: &str) {
        if let Ok(Some(a)) = section.query_selector(selector) {
            let _ = a.set_attribute("href", to);
        }
    }

    /// The answers so far ride in the question's form as hidden fields, as on the server's page.
    fn carry_answers(section: &Element, answers: &Answers, id: &str) {
        let Ok(Some(form)) = section.query_selector("form") else {
            return;
        };
        if let Ok(old) = form.query_selector_all("input[data-carried]") {
            for i in 0..old.length() {
                if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    el.remove();
                }
            }
        }
        let document = leptos::prelude::document();
        for (name, value) in answers
            .iter()
            .filter(|(k, _)| *k != id && *k != ANSWERED_FIELD)
        {
            let Ok(input) = document.create_element("input") else {
                continue;
            };
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", name);
            let _ = input.set_attribute("value", value);
            let _ = input.set_attribute("data-carried", "");
            let _ = form.prepend_with_node_1(&input);
        }
    }

    /// "Your answers": a copy of the page's row for each question on the path, with the answer
    /// as the server words it and its Change link.
    fn fill_answers(
        root: &web_sys::HtmlDivElement,
        section: &Element,
        walker: &Route,
        walk: &Walk,
        answers: &Answers,
    ) {
        let Ok(Some(list)) = section.query_selector("[data-answers]") else {
            return;
        };
        list.set_inner_html("");
        let (lang, flow) = (walker.locale.as_str(), walker.flow.id.as_str());
        let kept = kept(answers, walk);
        for id in &walk.path {
            let Some(q) = walker.flow.questions.iter().find(|q| q.id == *id) else {
                continue;
            };
            let Ok(Some(row)) =
                root.query_selector(&format!("[data-answer-rows] [data-answer=\"{id}\"]"))
            else {
                continue;
            };
            let Some(row) = row
                .clone_node_with_deep(true)
                .ok()
                .and_then(|n| n.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let raw = answers.get(id).map(String::as_str).unwrap_or_default();
            if let Ok(Some(value)) = row.query_selector(".summary-list__value") {
                value.set_text_content(Some(&answer_text(root, q, raw, lang)));
            }
            set_href(
                &row,
                "a",
                &href(lang, flow, &Step::Question(id.clone()), &kept),
            );
            let _ = list.append_with_node_1(&row);
        }
    }

    /// An answer in words, as the server's "Your answers" puts it: a choice's label and a
    /// country's name as this page draws them, a date in the page's language.
    fn answer_text(root: &web_sys::HtmlDivElement, q: &Question, raw: &str, lang: &str) -> String {
        let text_of = |selector: String| {
            root.query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|el| el.text_content())
                .map(|t| t.trim().to_string())
        };
        match q.kind {
            Kind::Single | Kind::Multiple => raw
                .split(',')
                .map(|v| {
                    text_of(format!("label[for=\"{}-{v}\"]", q.id)).unwrap_or_else(|| v.into())
                })
                .collect::<Vec<_>>()
                .join(", "),
            Kind::Country => text_of(format!("select[name=\"{}\"] option[value=\"{raw}\"]", q.id))
                .unwrap_or_else(|| raw.into()),
            Kind::Date => Date::parse_iso(raw)
                .map(|d| d.long(lang))
                .unwrap_or_else(|| raw.into()),
            Kind::Number => raw.into(),
        }
    }

    /// The outcome's dates for these answers, and its calendar file as a link that needs no server.
    fn fill_outcome(
        section: &Element,
        dates: &OutcomeDates,
        answers: &Answers,
        walker: &Route,
        url: &web_sys::Url,
    ) {
        let lang = walker.locale.as_str();
        // Row i of the page is deadline i; a date the answers do not give hides its row (the
        // server's page leaves it out).
        let mut deadlines = Vec::new();
        for (i, d) in dates.deadlines.iter().enumerate() {
            let date = answers
                .get(&d.from)
                .and_then(|a| Date::parse_iso(a))
                .map(|from| from.add_days(d.days).iso());
            let Ok(Some(slot)) = section.query_selector(&format!("[data-deadline=\"{i}\"]")) else {
                continue;
            };
            if let Some(row) = slot.closest(".summary-list__row").ok().flatten() {
                set_hidden(&row, date.is_none());
            }
            let Some(date) = date else { continue };
            // The page's empty `<span>` becomes the `<time>` the server's page has.
            if let Ok(filled) = leptos::prelude::document().create_element("time") {
                let _ = filled.set_attribute("class", "check-result__date");
                let _ = filled.set_attribute("data-deadline", &i.to_string());
                let _ = filled.set_attribute("datetime", &date);
                filled.set_text_content(Some(&crate::dates::long_date(&date, lang)));
                let _ = slot.replace_with_with_node_1(&filled);
            }
            deadlines.push(DeadlineOut {
                label: d.label.clone(),
                event: d.event.clone(),
                date,
            });
        }
        let result = format!(
            "{}{}",
            url.origin(),
            href(lang, &walker.flow.id, &Step::Result, answers)
        );
        let summary = Summary {
            flow: walker.flow.id.clone(),
            locale: lang.to_string(),
            outcome: dates.id.clone(),
            title: dates.title.clone(),
            body: Vec::new(),
            documents: Vec::new(),
            fees: Vec::new(),
            guides: Vec::new(),
            deadlines,
            answered: Vec::new(),
        };
        let text = ics(&summary, &result, walker.today);
        let data = format!(
            "data:text/calendar;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&text))
        );
        set_href(section, "[data-ics]", &data);
    }
}
