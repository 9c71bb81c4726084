//! Choosing a country from the full list. Without JavaScript: a native `<select>` (phones give
//! it a searchable picker). Once hydrated it becomes a combobox: type any part of the name, in
//! the page's language or in English, and pick from the matches with the keyboard or a tap.
//! The form still sends the country's code under the same name.
//! An island: its texts (`country_hint`, `no_country`, `country_matches` with `{count}`) come
//! translated from the server; its options come from the `<select>` it replaces.
use super::texts::Texts;
use crate::search::fold;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct CountryOption {
    pub code: String,
    /// In the page's language.
    pub name: String,
    pub english: String,
}

/// Most matches listed at once; typing more narrows them.
const MAX_SHOWN: usize = 50;

/// Indexes of the options matching `typed`: names starting with it first, then names with a
/// word starting with it, then the code.
pub fn matches(options: &[CountryOption], typed: &str) -> Vec<usize> {
    let typed = fold(typed.trim());
    if typed.is_empty() {
        return Vec::new();
    }
    let word_starts = |name: &str| {
        fold(name)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with(&typed))
    };
    let mut first = Vec::new();
    let mut then = Vec::new();
    for (i, o) in options.iter().enumerate() {
        if fold(&o.name).starts_with(&typed) || fold(&o.english).starts_with(&typed) {
            first.push(i);
        } else if word_starts(&o.name) || word_starts(&o.english) || fold(&o.code) == typed {
            then.push(i);
        }
    }
    first.extend(then);
    first.truncate(MAX_SHOWN);
    first
}

/// The option whose name (or English name, or code) is exactly what was typed.
fn exact(options: &[CountryOption], typed: &str) -> Option<usize> {
    let typed = fold(typed.trim());
    options
        .iter()
        .position(|o| fold(&o.name) == typed || fold(&o.english) == typed || fold(&o.code) == typed)
}

#[island(lazy)]
pub fn CountrySelect(
    /// The field's id and name (the question's id).
    id: String,
    /// The code chosen before, or what was typed if it matched no country.
    selected: String,
    described_by: String,
    invalid: bool,
    texts: Texts,
) -> impl IntoView {
    // The options, read once hydrated from the server's `<select>` (`NativeCountrySelect`, just
    // before this island): the field without JavaScript, which the combobox then replaces. So
    // the ~200 countries are sent once, not also as props.
    let read = RwSignal::new(None::<Vec<CountryOption>>);
    let here = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    {
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(found) = here.get().and_then(|el| from_select(&el, &id)) {
                read.set(Some(found));
            }
        });
    }
    let described = (!described_by.is_empty()).then_some(described_by);
    view! {
        <div class="country-select" node_ref=here>
            {move || read.get().map(|options| {
                view! { <Combobox id=id.clone() options selected=selected.clone() described=described.clone() invalid texts=texts.clone()/> }
            })}
        </div>
    }
}

/// The options of the form's `<select>` named `id`, with their English names from `data-en`;
/// the `<select>` itself is taken off the page (the combobox sends the same field; a disabled
/// field is not sent either). Looked up
/// from the island's own element: a page is hydrated before it is put in place (nav.js).
#[cfg(feature = "hydrate")]
fn from_select(near: &web_sys::Element, id: &str) -> Option<Vec<CountryOption>> {
    use wasm_bindgen::JsCast;
    let select = near
        .closest("form")
        .ok()??
        .query_selector(&format!("select[name='{id}']"))
        .ok()??
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()?;
    let list = select.options();
    let options = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlOptionElement>().ok())
        .filter(|o| !o.value().is_empty())
        .map(|o| {
            let name = o.text();
            CountryOption {
                code: o.value(),
                english: o.get_attribute("data-en").unwrap_or_else(|| name.clone()),
                name,
            }
        })
        .collect();
    // The checker's offline page keeps it, out of the form, for the names in "Your answers".
    if select.closest(".offline-checker").ok().flatten().is_some() {
        select.set_disabled(true);
        select.set_hidden(true);
        // Its label now names the combobox, which has the same id.
        let _ = select.remove_attribute("id");
    } else {
        select.remove();
    }
    Some(options)
}

/// The country field without JavaScript: a native `<select>` (phones give it a searchable
/// picker). The combobox reads its options from it.
#[cfg(feature = "ssr")]
#[component]
pub fn NativeCountrySelect(
    id: String,
    options: Vec<CountryOption>,
    /// The code chosen before.
    selected: String,
    described_by: String,
    invalid: bool,
    /// "Select a country".
    placeholder: String,
) -> impl IntoView {
    let items = options
        .into_iter()
        .map(|o| {
            let is = o.code.eq_ignore_ascii_case(&selected);
            let english = (o.english != o.name).then_some(o.english);
            view! { <option value=o.code selected=is data-en=english>{o.name}</option> }
        })
        .collect_view();
    view! {
        <select
            class=if invalid { "select select--error" } else { "select" }
            id=id.clone()
            name=id
            aria-describedby=(!described_by.is_empty()).then_some(described_by)
        >
            <option value="">{placeholder}</option>
            {items}
        </select>
    }
}

#[component]
fn Combobox(
    id: String,
    options: Vec<CountryOption>,
    selected: String,
    described: Option<String>,
    invalid: bool,
    texts: Texts,
) -> impl IntoView {
    let start = options
        .iter()
        .find(|o| o.code.eq_ignore_ascii_case(&selected))
        .map(|o| o.name.clone())
        .unwrap_or_else(|| selected.clone());
    let options = StoredValue::new(options);
    let typed = RwSignal::new(start);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let shown = Memo::new(move |_| options.with_value(|o| matches(o, &typed.get())));
    // What the form sends: the code of the country named, or the text itself, which the server
    // refuses with "select a country from the list".
    let value = Memo::new(move |_| {
        options.with_value(|o| match exact(o, &typed.get()) {
            Some(i) => o[i].code.clone(),
            None => typed.get().trim().to_string(),
        })
    });
    let choose = move |i: usize| {
        options.with_value(|o| typed.set(o[i].name.clone()));
        open.set(false);
        active.set(None);
    };
    let list_id = format!("{id}-list");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-option-{i}")
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = shown.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" if open.get() => {
                if let Some(i) = active.get().and_then(|a| shown.with(|s| s.get(a).copied())) {
                    ev.prevent_default();
                    choose(i);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    let active_id = {
        let option_id = option_id.clone();
        move || active.get().map(&option_id)
    };
    let hint = texts.get("country_hint");
    let status = move || {
        if !open.get() || typed.with(|t| t.trim().is_empty()) {
            String::new()
        } else {
            match shown.with(Vec::len) {
                0 => texts.get("no_country"),
                count => texts.count("country_matches", count),
            }
        }
    };
    view! {
        <div class="combobox">
            <div class="hint" id=format!("{id}-how")>{hint}</div>
            <input
                class=if invalid { "input input--error combobox__input" } else { "input combobox__input" }
                id=id.clone()
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || if open.get() && shown.with(|s| !s.is_empty()) { "true" } else { "false" }
                aria-activedescendant=active_id
                aria-describedby=format!("{id}-how{}", described.map(|d| format!(" {d}")).unwrap_or_default())
                prop:value=move || typed.get()
                value=typed.get_untracked()
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
            />
            <input type="hidden" name=id.clone() prop:value=move || value.get()/>
            <ul class="combobox__list" id=list_id role="listbox" hidden=move || !open.get() || shown.with(Vec::is_empty)>
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(n, i)| {
                            let (name, english) = options.with_value(|o| (o[i].name.clone(), o[i].english.clone()));
                            let other = (english != name).then(|| view! { <span class="combobox__other">" " {english}</span> });
                            view! {
                                <li
                                    class="combobox__option"
                                    id=option_id(n)
                                    role="option"
                                    aria-selected=move || if active.get() == Some(n) { "true" } else { "false" }
                                    on:mousedown=move |ev| {
                                        // Keep the focus in the box, so blur does not close the list first.
                                        ev.prevent_default();
                                        choose(i);
                                    }
                                >
                                    {name}
                                    {other}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="visually-hidden" role="status" aria-live="polite">{status}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<CountryOption> {
        [
            ("DE", "Almaniya", "Germany"),
            ("GE", "Gürcüstan", "Georgia"),
            ("AE", "Birləşmiş Ərəb Əmirlikləri", "United Arab Emirates"),
            ("GB", "Böyük Britaniya", "United Kingdom"),
        ]
        .iter()
        .map(|(c, n, e)| CountryOption {
            code: c.to_string(),
            name: n.to_string(),
            english: e.to_string(),
        })
        .collect()
    }

    #[test]
    fn matches_by_local_or_english_name_prefix_word_or_code() {
        let o = options();
        assert_eq!(matches(&o, "gur"), vec![1], "Azerbaijani letters fold");
        assert_eq!(matches(&o, "Germ"), vec![0], "English name");
        assert_eq!(matches(&o, "emir"), vec![2], "a later word");
        assert_eq!(matches(&o, "gb"), vec![3], "the code");
        assert_eq!(matches(&o, "  "), Vec::<usize>::new());
        assert_eq!(matches(&o, "zz"), Vec::<usize>::new());
    }

    #[test]
    fn exact_name_gives_the_code() {
        let o = options();
        assert_eq!(exact(&o, "gürcüstan"), Some(1));
        assert_eq!(exact(&o, "Georgia "), Some(1));
        assert_eq!(exact(&o, "Georg"), None);
    }
}
