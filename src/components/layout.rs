//! The frame of every page: header, main, footer; and the one place the URL sets the language.
//! Focus after a client-side page change is nav.js's (the page is rendered on the server only).
use super::{feedback::Feedback, footer::Footer, header::Header};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Link;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let path = location.pathname.get_untracked();
    let path_locale = crate::locale::from_path(&path).and_then(|code| {
        Locale::get_all()
            .iter()
            .copied()
            .find(|l| l.as_str() == code)
    });
    // The URL's locale prefix decides the language, before the page renders (so `<html lang>`
    // and every text agree). A path without a prefix (a 404) keeps the locale the visitor's
    // cookie or browser asked for.
    if let Some(l) = path_locale {
        if i18n.get_locale_untracked() != l {
            i18n.set_locale(l);
        }
    }

    // "Was this page useful?" under every page of a locale, except the feedback form's own.
    let asks = path_locale.is_some()
        && !["/feedback", "/offline"]
            .contains(&crate::locale::strip_prefix(&path).trim_end_matches('/'));
    // Each language is installable with its own start page and direction.
    let manifest = format!(
        "/{}/manifest.webmanifest",
        path_locale
            .map(|l| l.as_str())
            .unwrap_or(crate::locale::DEFAULT_LOCALE)
    );
    // A partial locale's page served in English says so (content/locales.toml).
    let untranslated = path_locale.is_some_and(|l| !crate::content::translated(l.as_str(), &path));
    view! {
        <Link rel="manifest" href=manifest/>
        // Shown by nav.js when a new build's service worker is waiting (docs/adr/0005). The live
        // region is always there and its content appears in it, so screen readers announce it.
        <div role="status" id="update-banner">
            <div class="update-banner" hidden=true>
                <div class="width-container">
                    <p>
                        {t!(i18n, offline.new_version)} " "
                        <button type="button" class="button button--secondary" data-reload="">{t!(i18n, offline.reload)}</button>
                    </p>
                </div>
            </div>
        </div>
        <Header/>
        <main class="main" id="main-content" tabindex="-1">
            <div class="width-container">
                {untranslated.then(|| view! {
                    <div class="confirm-note untranslated-note" role="note"><p>{t!(i18n, site.untranslated)}</p></div>
                })}
                // The English stand-in is read and laid out as English.
                {if untranslated {
                    view! { <div lang="en" dir="ltr">{children()}</div> }.into_any()
                } else {
                    children().into_any()
                }}
                {asks.then(|| view! { <Feedback/> })}
            </div>
        </main>
        <Footer/>
    }
}
