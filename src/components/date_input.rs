//! GOV.UK's date input: three boxes, day, month and year, named `<id>-day`, `<id>-month` and
//! `<id>-year`. Used by the checker's date questions (server) and the status island's date of
//! birth, so it compiles for both builds and takes its texts as props. Style: date_input.css.
use crate::eligibility::steps::DATE_PARTS;
use leptos::prelude::*;

#[component]
pub fn DateInput(
    /// The boxes' id and name prefix.
    id: String,
    /// "Day", "Month", "Year", translated.
    labels: [String; 3],
    /// What was typed before, day, month, year.
    values: [String; 3],
    invalid: bool,
    /// `autocomplete` of the three boxes (a date of birth: `bday-day` …).
    #[prop(optional)]
    autocomplete: Option<[&'static str; 3]>,
) -> impl IntoView {
    let [l0, l1, l2] = labels;
    let [v0, v1, v2] = values;
    let part = |i: usize, label: String, value: String| {
        let box_id = format!("{id}-{}", DATE_PARTS[i]);
        view! {
            <div class=if i == 2 { "date-input__item date-input__item--year" } else { "date-input__item" }>
                <label class="label" for=box_id.clone()>{label}</label>
                <input
                    class=if invalid { "input input--error" } else { "input" }
                    id=box_id.clone()
                    name=box_id
                    type="text"
                    inputmode="numeric"
                    autocomplete=autocomplete.map(|a| a[i])
                    value=value
                />
            </div>
        }
    };
    view! { <div class="date-input">{part(0, l0, v0)} {part(1, l1, v1)} {part(2, l2, v2)}</div> }
}
