//! A checker question's form. Without JavaScript it is a GET form the server answers with a 302
//! to the next step. Hydrated, the browser reads the form, walks the flow with the same engine as
//! the server and goes to the step the answers lead to (no full page load, no redirect).
use crate::eligibility::walker::Route;
use leptos::prelude::*;

#[island(lazy)]
pub fn CheckerForm(
    walker: Route,
    /// The question this form answers.
    question: String,
    /// Where the form goes without JavaScript: the flow's start page, which redirects.
    action: String,
    children: Children,
) -> impl IntoView {
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let form = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else {
                return;
            };
            ev.prevent_default();
            let answers = walker.answers(|k| {
                data.get_all(k)
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            });
            super::browser::navigate(&walker.after(&answers, Some(&question)));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, &walker, &question);
    };
    view! {
        // Hydrated when first sent (nav.js): until then nav.js sends it as a GET form.
        <form class="check-form" method="get" action=action novalidate data-hydrate="submit" on:submit=on_submit>
            {children()}
        </form>
    }
}
