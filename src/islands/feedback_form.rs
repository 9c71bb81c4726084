//! "Was this page useful? Yes / No", and the short form that "No" and "Report a problem" open.
//! Without JavaScript it is a POST form: "Yes" is stored and a thank-you page follows; "No" and
//! "Report a problem" lead to the form's own page (`/:lang/feedback`). With JavaScript the island
//! is hydrated on the first click (nav.js, `data-hydrate="submit"`: a reader who never answers
//! downloads no code for it), then answers go to `POST /api/v1/feedback` with no page load.
use super::texts::Texts;
use crate::components::error_summary::ErrorSummary;
#[cfg(feature = "hydrate")]
use crate::feedback::Sent;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Question,
    Form,
    Sending,
    Done,
}

/// The text key of an answer's error, by the API's `field` and `code`.
pub fn error_key(field: Option<&str>, code: &str) -> &'static str {
    match (field, code) {
        (_, "too_long") => "feedback.error_too_long",
        (_, "missing") => "feedback.error_missing",
        (None, "too_soon") => "feedback.error_too_soon",
        (_, "too_many") => "feedback.error_too_many",
        (_, "unavailable") => "feedback.error_unavailable",
        _ => "feedback.error_invalid",
    }
}

#[island(lazy)]
pub fn FeedbackForm(
    lang: String,
    /// The page the feedback is about.
    page: String,
    /// When this was drawn (seconds since 1970): a form sent sooner after is a robot's.
    started: i64,
    texts: Texts,
    /// Start with the form open (the form's own page), with `useful` ("no" or "").
    open: bool,
    useful: String,
    /// What was typed, shown again with `error` (a form sent without JavaScript).
    typed: (String, String),
    error: Option<String>,
) -> impl IntoView {
    let stage = RwSignal::new(if open { Stage::Form } else { Stage::Question });
    let useful = RwSignal::new(useful);
    let error = RwSignal::new(error);
    let texts = StoredValue::new(texts);
    let t = move |k: &str| texts.with_value(|x| x.get(k));
    let page = StoredValue::new(page);
    // A textarea's text is written as it is (not escaped) by the renderer: escape it here.
    let (doing_typed, wrong_typed) = (escape(&typed.0), escape(&typed.1));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            ev.prevent_default();
            if stage.get_untracked() == Stage::Sending {
                return;
            }
            let button = ev
                .submitter()
                .and_then(|s| s.dyn_into::<web_sys::Element>().ok())
                .map(|e| (e.get_attribute("name"), e.get_attribute("value")));
            let form = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            let data = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok());
            let field = |name: &str| {
                data.as_ref()
                    .and_then(|d| d.get(name).as_string())
                    .unwrap_or_default()
            };
            match button {
                Some((Some(n), Some(v))) if n == "useful" && v == "no" => {
                    useful.set("no".into());
                    error.set(None);
                    stage.set(Stage::Form);
                    focus("feedback-form-heading");
                    return;
                }
                Some((Some(n), Some(v))) if n == "useful" && v == "yes" => useful.set("yes".into()),
                _ => {}
            }
            let sent = Sent {
                page: page.get_value(),
                useful: useful.get_untracked(),
                doing: field("doing"),
                wrong: field("wrong"),
                started,
                website: field("website"),
            };
            stage.set(Stage::Sending);
            error.set(None);
            leptos::task::spawn_local(async move {
                match send(&sent).await {
                    Ok(()) => {
                        stage.set(Stage::Done);
                        focus("feedback-thanks");
                    }
                    Err(key) => {
                        error.set(Some(key.to_string()));
                        stage.set(if sent.useful == "yes" {
                            Stage::Question
                        } else {
                            Stage::Form
                        });
                        focus("feedback-error");
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, started);
    };
    let action = format!("/{lang}/feedback");
    let report_href = format!(
        "/{lang}/feedback?page={}",
        crate::feedback::query_value(&page.get_value())
    );
    let showing = move |s: Stage| stage.get() == s;
    view! {
        <form class="feedback" method="post" action=action novalidate data-hydrate="submit" on:submit=on_submit>
            <input type="hidden" name="page" value=page.get_value()/>
            <input type="hidden" name="started" value=started.to_string()/>
            <input type="hidden" name="step" value=move || if showing(Stage::Question) { "question" } else { "form" }/>
            {move || error.get().map(|key| {
                let href = if showing(Stage::Question) { "#feedback-question" } else { "#feedback-wrong" };
                view! {
                    <div id="feedback-error" tabindex="-1">
                        <ErrorSummary title=t("feedback.error_title") href=href.to_string() message=t(&key)/>
                    </div>
                }
            })}
            <div class="feedback__question" hidden=move || !showing(Stage::Question)>
                <h2 class="feedback__heading" id="feedback-question" tabindex="-1">{t("feedback.question")}</h2>
                <button type="submit" class="button button--secondary feedback__answer" name="useful" value="yes">{t("feedback.yes")}</button>
                <button type="submit" class="button button--secondary feedback__answer" name="useful" value="no">{t("feedback.no")}</button>
                <a class="feedback__report" href=report_href>{t("feedback.report")}</a>
            </div>
            <div class="feedback__form" hidden=move || !(showing(Stage::Form) || showing(Stage::Sending))>
                <input type="hidden" name="useful" value=move || useful.get() disabled=move || !(showing(Stage::Form) || showing(Stage::Sending))/>
                <h2 class="feedback__heading" id="feedback-form-heading" tabindex="-1">{t("feedback.form_heading")}</h2>
                <p class="feedback__warning"><strong>{t("feedback.warning")}</strong></p>
                <div class="form-group">
                    <label class="label" for="feedback-doing">{t("feedback.doing")}</label>
                    <textarea class="textarea" id="feedback-doing" name="doing" rows="3">{doing_typed}</textarea>
                </div>
                <div class="form-group">
                    <label class="label" for="feedback-wrong">{t("feedback.wrong")}</label>
                    <p class="hint">{t("feedback.length_hint")}</p>
                    <textarea class="textarea" id="feedback-wrong" name="wrong" rows="5">{wrong_typed}</textarea>
                </div>
                // A field people never see or reach; robots fill it in.
                <div class="feedback__trap" aria-hidden="true">
                    <label for="feedback-website">{t("feedback.trap")}</label>
                    <input type="text" id="feedback-website" name="website" tabindex="-1" autocomplete="off"/>
                </div>
                <button type="submit" class="button" name="action" value="send" disabled=move || showing(Stage::Sending)>{t("feedback.send")}</button>
            </div>
            <p class="feedback__thanks" id="feedback-thanks" tabindex="-1" role="status" hidden=move || !showing(Stage::Done)>{t("feedback.thanks")}</p>
        </form>
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Moves the keyboard focus to the element `id` once the change that shows it is drawn.
#[cfg(feature = "hydrate")]
fn focus(id: &'static str) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Sends a form; the key of the error to show otherwise.
#[cfg(feature = "hydrate")]
async fn send(sent: &Sent) -> Result<(), &'static str> {
    #[derive(serde::Deserialize)]
    struct Refusal {
        field: Option<String>,
        code: Option<String>,
    }
    let response = gloo_net::http::Request::post("/api/v1/feedback")
        .json(sent)
        .map_err(|_| "feedback.error_unavailable")?
        .send()
        .await
        .map_err(|_| "feedback.error_unavailable")?;
    match response.status() {
        201 => Ok(()),
        422 => match response.json::<Refusal>().await {
            Ok(r) => Err(error_key(
                r.field.as_deref(),
                r.code.as_deref().unwrap_or(""),
            )),
            Err(_) => Err("feedback.error_invalid"),
        },
        429 => Err("feedback.error_too_many"),
        _ => Err("feedback.error_unavailable"),
    }
}
