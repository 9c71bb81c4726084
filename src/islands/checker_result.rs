//! A checker result, confirmed by the API. The server renders the checklist from the flow's
//! rules; in the browser the same answers are sent to `POST /api/v1/eligibility` (gloo-net). If
//! the API cannot be reached, the result stays with a notice that it was worked out on this
//! device. `data-origin` says which (`page`, `api`, `device`).
use crate::components::notification_banner::NotificationBanner;
use crate::eligibility::engine::Answers;
use leptos::prelude::*;

// Set only in the browser.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, PartialEq)]
enum Origin {
    Page,
    Api,
    Device,
}

#[island(lazy)]
pub fn CheckerResult(
    flow: String,
    locale: String,
    answers: Answers,
    /// The notice shown when the API cannot be reached: its heading and text.
    offline_heading: String,
    offline_body: String,
    children: Children,
) -> impl IntoView {
    let origin = RwSignal::new(Origin::Page);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            let (flow, locale, answers) = (flow.clone(), locale.clone(), answers.clone());
            leptos::task::spawn_local(async move {
                origin.set(match ask_api(flow, locale, answers).await {
                    Ok(()) => Origin::Api,
                    Err(()) => Origin::Device,
                });
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&flow, &locale, &answers);
    });
    view! {
        <div
            class="check-result"
            data-origin=move || match origin.get() { Origin::Page => "page", Origin::Api => "api", Origin::Device => "device" }
        >
            <div hidden=move || origin.get() != Origin::Device>
                <NotificationBanner heading=offline_heading id="offline-title" body=offline_body/>
            </div>
            {children()}
        </div>
    }
}

/// Asks the API for the outcome of these answers. The page already shows the same rules' result,
/// so only whether the API confirmed it matters here.
#[cfg(feature = "hydrate")]
async fn ask_api(flow: String, locale: String, answers: Answers) -> Result<(), ()> {
    #[derive(serde::Serialize)]
    struct Body {
        flow: String,
        locale: String,
        answers: Answers,
    }
    let response = gloo_net::http::Request::post("/api/v1/eligibility")
        .json(&Body {
            flow,
            locale,
            answers,
        })
        .map_err(|_| ())?
        .send()
        .await
        .map_err(|_| ())?;
    if response.ok() {
        Ok(())
    } else {
        Err(())
    }
}
