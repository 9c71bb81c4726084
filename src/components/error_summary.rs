//! GOV.UK's error summary: "There is a problem" and a link to the field that needs fixing. Used
//! by the server's checker questions and by the status island, so it compiles for both builds.
//! Style: error_summary.css, beside it.
use leptos::prelude::*;

#[component]
pub fn ErrorSummary(
    /// "There is a problem", translated.
    title: String,
    /// The field the link puts the focus on (`#number`).
    href: String,
    message: String,
    /// The page focuses the summary itself after a step with an error (nav.js does so for a
    /// `tabindex`): on the checker's questions, not inside an island that focuses its own block.
    #[prop(optional)]
    focusable: bool,
) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex=focusable.then_some("-1")>
            <h2 class="error-summary__title">{title}</h2>
            // `target="_self"`: the browser's own jump, which also moves the focus.
            <ul class="error-summary__list"><li><a href=href target="_self">{message}</a></li></ul>
        </div>
    }
}
