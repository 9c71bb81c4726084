//! Skip link, official banner with the language switcher, site name, and main navigation.
use super::language_switcher::LanguageSwitcher;
use super::section_text::{locale_code, section_name};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    // Without JavaScript the navigation is always open and the menu button stays hidden (it
    // could do nothing). With it, narrow screens fold the navigation behind the button from the
    // first paint (CSS `scripting` media); nav.js reveals the button and works it.
    let home = move || format!("/{}/", locale_code(i18n));

    view! {
        // `target="_self"` (here and on error-summary links): the router would take the click and
        // only scroll; the browser's own jump also moves the focus, which is the point.
        <a href="#main-content" class="skip-link" target="_self">{t!(i18n, site.skip_link)}</a>
        <div class="banner-official">
            <div class="width-container banner-official__inner">
                <p>{t!(i18n, site.official_banner)}</p>
                <LanguageSwitcher/>
            </div>
        </div>
        <header class="site-header">
            <div class="width-container site-header__bar">
                <a class="site-header__logo" href=home aria-label=move || t_string!(i18n, site.home_link_label)>
                    <Emblem/>
                    <span>{t!(i18n, site.name_short)}</span>
                </a>
                <button
                    type="button"
                    class="site-header__menu-button"
                    aria-controls="site-nav"
                    aria-expanded="false"
                    hidden=true
                >
                    {t!(i18n, site.menu)}
                </button>
            </div>
            <nav
                id="site-nav"
                class="site-nav"
                aria-label=move || t_string!(i18n, site.nav_label)
                data-open="false"
            >
                <div class="width-container">
                    <ul class="site-nav__list">
                        {Section::ALL.map(|section| view! { <NavItem section/> })}
                    </ul>
                </div>
            </nav>
        </header>
    }
}

#[component]
fn NavItem(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current =
        move || (Section::from_path(&location.pathname.read()) == Some(section)).then_some("page");
    view! {
        <li class="site-nav__item">
            <a class="site-nav__link" href=move || section.path(locale_code(i18n)) aria-current=current>
                {move || section_name(i18n, section)}
            </a>
        </li>
    }
}

/// An eight-pointed star, the shape at the centre of the national emblem; decorative.
#[component]
fn Emblem() -> impl IntoView {
    view! {
        <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <path
                fill="currentColor"
                d="M16 1l3.8 5.6 6.8-1.2-1.2 6.8L31 16l-5.6 3.8 1.2 6.8-6.8-1.2L16 31l-3.8-5.6-6.8 1.2 1.2-6.8L1 16l5.6-3.8-1.2-6.8 6.8 1.2z"
            ></path>
            <circle cx="16" cy="16" r="6" fill="#0a3e6e"></circle>
        </svg>
    }
}
