//! The message above a field that was refused, with "Error:" for screen readers. Used by the
//! server's checker questions and by the status island, so it compiles for both builds.
//! Style: style/components/form.css (`.error-message`).
use leptos::prelude::*;

#[component]
pub fn ErrorMessage(
    /// The message's id, named by the field's `aria-describedby`.
    id: String,
    /// "Error:", translated.
    prefix: String,
    message: String,
) -> impl IntoView {
    view! {
        <p class="error-message" id=id>
            <span class="visually-hidden">{prefix} " "</span>
            {message}
        </p>
    }
}
