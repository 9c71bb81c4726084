//! "You are here" trail. The last item is the current page and is not a link.
use super::json_ld::JsonLd;
use super::page_meta::absolute;
use super::section_text::locale_code;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One step of the trail: its text and, except for the current page, its link.
#[derive(Clone)]
pub struct Crumb {
    pub label: Signal<String>,
    pub href: Option<Signal<String>>,
}

#[component]
pub fn Breadcrumbs(
    /// The steps after "Home", the current page last.
    crumbs: Vec<Crumb>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let json = {
        let crumbs = crumbs.clone();
        Signal::derive(move || {
            let mut items = vec![(
                t_string!(i18n, site.home_crumb).to_string(),
                absolute(&format!("/{}/", locale_code(i18n))),
            )];
            for c in &crumbs {
                let path = match &c.href {
                    Some(h) => h.get(),
                    None => location.pathname.get(),
                };
                items.push((c.label.get(), absolute(&path)));
            }
            crate::jsonld::breadcrumb_list(&items)
        })
    };
    view! {
        <JsonLd json/>
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, site.breadcrumb_label)>
            <ol class="breadcrumbs__list">
                <li class="breadcrumbs__item">
                    <a class="breadcrumbs__link" href=move || format!("/{}/", locale_code(i18n))>
                        {t!(i18n, site.home_crumb)}
                    </a>
                </li>
                {crumbs
                    .into_iter()
                    .map(|crumb| match crumb.href {
                        Some(href) => view! {
                            <li class="breadcrumbs__item">
                                <a class="breadcrumbs__link" href=href>{crumb.label}</a>
                            </li>
                        }
                        .into_any(),
                        None => view! {
                            <li class="breadcrumbs__item" aria-current="page">{crumb.label}</li>
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
