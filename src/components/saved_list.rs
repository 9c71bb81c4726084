//! The pages saved on this device, on `/<lang>/saved` and on the offline page. The server draws
//! the empty list with its texts; nav.js fills it from the saved pages' index (the browser's
//! cache is the only place that knows them: nothing about them is sent to the server).
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SavedList() -> impl IntoView {
    let i18n = use_i18n();
    let code = super::section_text::locale_code(i18n);
    let digits = if crate::locale::info(code).persian_digits {
        "arabext"
    } else {
        "latn"
    };
    view! {
        <div
            class="saved-list"
            data-saved-list=""
            data-saved-on=t_string!(i18n, offline.saved_on, date = "{date}").to_string()
            data-remove-text=t_string!(i18n, offline.remove_button)
            data-digits=digits
        >
            <ul class="saved-list__items" data-saved-items=""></ul>
            <p data-saved-none="">{t!(i18n, offline.saved_none)}</p>
            <noscript><p>{t!(i18n, offline.saved_needs_script)}</p></noscript>
        </div>
    }
}
