//! The islands' few calls into the page around them.

/// Moves to `url` the way a link would: through `nav.js`'s client-side navigation (no full page
/// load), or by a plain page load if that script is not there.
pub fn navigate(url: &str) {
    #[cfg(feature = "hydrate")]
    {
        if js::navigate(url).is_err() {
            let _ = leptos::prelude::window().location().set_href(url);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Puts the keyboard focus on an element rendered by an island (after an answer replaces it).
#[cfg(feature = "hydrate")]
pub fn focus(node: leptos::prelude::NodeRef<leptos::html::Div>) {
    use leptos::prelude::*;
    if let Some(el) = node.try_get().flatten() {
        let _ = el.focus();
    }
}

#[cfg(feature = "hydrate")]
mod js {
    use wasm_bindgen::prelude::*;
    #[wasm_bindgen]
    extern "C" {
        /// Defined by nav.js.
        #[wasm_bindgen(catch, js_namespace = window, js_name = smsiteNavigate)]
        pub fn navigate(url: &str) -> Result<(), JsValue>;
    }
}
