//! Links to the same page in each language. Plain links: they work without JavaScript, and
//! nav.js turns them into client-side navigation that keeps the page.
use super::section_text::locale_code;
use crate::i18n::*;
use crate::locale::{direction, endonym, localized_path, tag, LOCALES};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    view! {
        <nav class="language-switcher-nav" aria-label=move || t_string!(i18n, site.language_label)>
            <ul class="language-switcher">
                {LOCALES
                    .map(|code| {
                        let href = move || {
                            let path = localized_path(code, &location.pathname.read());
                            let search = location.search.read();
                            if search.is_empty() { path } else { format!("{path}?{search}") }
                        };
                        view! {
                            <li>
                                <a
                                    href=href
                                    hreflang=tag(code)
                                    lang=tag(code)
                                    dir=direction(code)
                                    aria-current=move || (locale_code(i18n) == code).then_some("true")
                                >
                                    {endonym(code)}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}
