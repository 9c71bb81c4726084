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

    #[cfg(feature = "hydrate")]
    keep_focus_on_navigation(location);

    view! {
        <Header/>
        <main class="main" id="main-content" tabindex="-1">
            <div class="width-container">{children()}</div>
        </main>
        <Footer/>
    }
}

/// After a client-side page change the focused link or button is usually gone with the old page,
/// and the focus falls back to the document: the next Tab would start at the footer. Once the new
/// page is there, the focus goes to the main content, as after a full page load with the skip
/// link. A page that focuses something itself (an error summary) keeps it.
#[cfg(feature = "hydrate")]
fn keep_focus_on_navigation(location: leptos_router::location::Location) {
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        location.search.track();
        if first.is_some() {
            watch_focus(document().active_element(), 90);
        }
    });
}

#[cfg(feature = "hydrate")]
fn watch_focus(before: Option<web_sys::Element>, tries: u32) {
    use wasm_bindgen::JsCast;
    let doc = document();
    let active = doc.active_element();
    let body: Option<web_sys::Element> = doc.body().map(Into::into);
    let lost = match &active {
        None => true,
        Some(a) => Some(a) == body.as_ref() || !a.is_connected(),
    };
    let main = doc.get_element_by_id("main-content");
    // The element focused before is still there: the new page may not be rendered yet. At the
    // end of the wait, one inside the main content belongs to the old page all the same.
    let stale = tries == 0
        && active == before
        && matches!((&active, &main), (Some(a), Some(m)) if m.contains(Some(a)));
    if lost || stale {
        if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = main.focus();
        }
        return;
    }
    if active != before || tries == 0 {
        return;
    }
    // Each frame: the sooner the focus is back, the less a quick Tab can slip past it.
    request_animation_frame(move || watch_focus(before, tries - 1));
}

#[cfg(feature = "hydrate")]
fn remember_in_browser(code: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(&crate::locale::cookie(code));
    }
}
