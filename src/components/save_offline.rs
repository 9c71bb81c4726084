//! "Save for offline" on guides and journeys. Drawn hidden: nav.js shows it where the browser
//! can keep pages (a service worker and its caches), saves the page and the guides it links,
//! and turns the button into the saved state with a way to remove it.
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SaveOffline() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="save-offline" data-save-offline="" data-saved-text=t_string!(i18n, offline.saved_state) hidden=true>
            <p class="save-offline__state" role="status" data-saved-state=""></p>
            <p class="save-offline__list" data-saved-link="" hidden=true>
                <a href=move || format!("/{}/saved", super::section_text::locale_code(i18n))>{t!(i18n, offline.saved_title)}</a>
            </p>
            <button type="button" class="button button--secondary save-offline__button" data-save="">
                {t!(i18n, offline.save_button)}
            </button>
            <button type="button" class="button button--secondary save-offline__button" data-remove="" hidden=true>
                {t!(i18n, offline.remove_button)}
            </button>
            <p class="hint save-offline__hint" data-save-hint="">{t!(i18n, offline.save_hint)}</p>
            <p class="error-message" role="alert" data-save-error="" hidden=true>{t!(i18n, offline.save_failed)}</p>
        </div>
    }
}
