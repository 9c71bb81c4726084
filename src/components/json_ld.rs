//! A `<script type="application/ld+json">` holding structured data built by `crate::jsonld`.
use leptos::prelude::*;

#[component]
pub fn JsonLd(#[prop(into)] json: Signal<String>) -> impl IntoView {
    view! { <script type="application/ld+json" inner_html=move || json.get()></script> }
}
