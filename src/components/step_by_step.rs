//! GOV.UK's "step by step" navigation: numbered steps that open and close. Without JavaScript
//! every step is open (plain `<details open>`); with it, nav.js folds the steps except the
//! current one and reveals the "show all" control (its two labels are in `data-show`/`data-hide`).
//! No wasm: native `<details>` does the rest.
use crate::content::model::{Journey, StepLogic};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn StepByStep(
    journey: Journey,
    /// The heading level of the step titles (2 on a journey page, 3 beside a guide).
    #[prop(default = 2)]
    level: u8,
    /// On a guide's page: the guide's own path, marked as the current page in its step.
    #[prop(optional)]
    current_href: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let steps = journey
        .steps
        .into_iter()
        .map(|step| {
            let label = match step.logic {
                StepLogic::Next => view! { <span class="step-nav__number"><span class="visually-hidden">{t!(i18n, journey.step)} " "</span>{step.number}</span> }.into_any(),
                StepLogic::And => view! { <span class="step-nav__logic">{t!(i18n, journey.and)}</span> }.into_any(),
                StepLogic::Or => view! { <span class="step-nav__logic">{t!(i18n, journey.or)}</span> }.into_any(),
            };
            let title = step.title.clone();
            let heading = if level == 3 {
                view! { <h3 class="step-nav__title">{title}</h3> }.into_any()
            } else {
                view! { <h2 class="step-nav__title">{title}</h2> }.into_any()
            };
            let class = if step.current { "step-nav__step step-nav__step--current" } else { "step-nav__step" };
            view! {
                <li class=class>
                    <details class="step-nav__details" open=true>
                        <summary class="step-nav__summary">{label} {heading}</summary>
                        <div class="step-nav__panel">
                            <p>{step.text}</p>
                            <ul class="step-nav__links">
                                {step
                                    .links
                                    .into_iter()
                                    .map(|l| {
                                        let here = current_href.as_deref() == Some(l.href.as_str());
                                        view! { <li><a href=l.href aria-current=here.then_some("page")>{l.title}</a></li> }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="step-nav">
            <button
                type="button"
                class="step-nav__toggle-all"
                hidden=true
                aria-expanded="true"
                data-show=t_string!(i18n, journey.show_all)
                data-hide=t_string!(i18n, journey.hide_all)
            >
                {t!(i18n, journey.hide_all)}
            </button>
            <ol class="step-nav__steps">{steps}</ol>
        </div>
    }
}
