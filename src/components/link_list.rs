//! Titles with their summaries, as a list of links: the procedures and journeys indexes.
use crate::content::model::PageLink;
use leptos::prelude::*;

/// Titles with their summaries, as a list of links.
#[component]
pub fn LinkList(links: Vec<PageLink>) -> impl IntoView {
    view! {
        <ul class="link-list">
            {links
                .into_iter()
                .map(|l| view! {
                    <li class="link-list__item">
                        <a class="link-list__title" href=l.href>{l.title}</a>
                        <p class="link-list__summary">{l.summary}</p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}
