//! The frame of every page: header, main, footer; and the one place the URL sets the language.
use super::{footer::Footer, header::Header};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let path_locale = Memo::new(move |_| {
        let code = crate::locale::from_path(&location.pathname.read())?;
        Locale::get_all()
            .iter()
            .copied()
            .find(|l| l.as_str() == code)
    });
    // The URL's locale prefix decides the language. On the server this runs once, before the
    // page renders (so `<html lang>` and every text agree); in the browser the effect follows
    // client-side navigation, e.g. the language switcher. A path without a prefix (a 404) keeps
    // the locale the visitor's cookie or browser asked for.
    if let Some(l) = path_locale.get_untracked() {
        if i18n.get_locale_untracked() != l {
            i18n.set_locale(l);
        }
    }
    Effect::new(move |_| {
        if let Some(l) = path_locale.get() {
            if i18n.get_locale_untracked() != l {
                i18n.set_locale(l);
                // The server remembers the language of pages it serves; a client-side switch
                // never reaches it, so the browser stores the choice itself.
                #[cfg(feature = "hydrate")]
                remember_in_browser(l.as_str());
            }
        }
    });

    view! {
        <Header/>
        <main class="main" id="main-content" tabindex="-1">
            <div class="width-container">{children()}</div>
        </main>
        <Footer/>
    }
}

#[cfg(feature = "hydrate")]
fn remember_in_browser(code: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&crate::locale::cookie(code));
    }
}
