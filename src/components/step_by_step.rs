//! GOV.UK's "step by step" navigation: numbered steps that open and close. Without JavaScript
//! every step is open (plain `<details open>`); once hydrated the steps fold, except the current
//! one, and a "show all" control appears.
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
    let count = journey.steps.len();
    let (hydrated, set_hydrated) = signal(false);
    // Each step's open state; all open until hydration so the server's HTML shows everything.
    let open: Vec<RwSignal<bool>> = (0..count).map(|_| RwSignal::new(true)).collect();
    let current: Vec<bool> = journey.steps.iter().map(|s| s.current).collect();
    {
        let open = open.clone();
        Effect::new(move |_| {
            for (o, c) in open.iter().zip(&current) {
                o.set(*c);
            }
            set_hydrated.set(true);
        });
    }
    let all_open = {
        let open = open.clone();
        Memo::new(move |_| open.iter().all(|o| o.get()))
    };
    let toggle_all = {
        let open = open.clone();
        move |_| {
            let target = !all_open.get_untracked();
            for o in &open {
                o.set(target);
            }
        }
    };
    let steps = journey
        .steps
        .into_iter()
        .zip(open)
        .map(|(step, open)| {
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
                    <details class="step-nav__details" open=true prop:open=move || open.get()>
                        // The signal owns the state, so "show all" and each step agree.
                        <summary class="step-nav__summary" on:click=move |ev| {
                            ev.prevent_default();
                            open.update(|o| *o = !*o);
                        }>{label} {heading}</summary>
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
            <button type="button" class="step-nav__toggle-all" hidden=move || !hydrated.get() aria-expanded=move || all_open.get().to_string() on:click=toggle_all>
                {move || if all_open.get() { t_string!(i18n, journey.hide_all) } else { t_string!(i18n, journey.show_all) }}
            </button>
            <ol class="step-nav__steps">{steps}</ol>
        </div>
    }
}
