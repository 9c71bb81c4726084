//! GOV.UK's notification banner: a box for something the reader should know before going on.
//! Used by the home page (server), the status island (a lookup that found nothing) and the
//! checker's result island (worked out offline), so it compiles for both builds and takes its
//! texts as props. Style: notification_banner.css.
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn NotificationBanner(
    /// What the box says first.
    heading: String,
    /// A title bar above it ("Important"), naming the region; without one the heading names it.
    #[prop(optional)]
    title: Option<String>,
    /// An answer to what was just done, announced at once (`role="alert"`); otherwise a region
    /// named by its `id`d title or heading.
    #[prop(optional)]
    important: bool,
    #[prop(optional, into)] id: Option<String>,
    /// One paragraph of text (what the islands show).
    #[prop(optional, into)]
    body: Option<String>,
    /// Or anything else (a page on the server). Optional: children are a boxed view, whose
    /// async-hydration code an island that passes none does not carry.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (title, heading) = match title {
        Some(title) => (
            Some(view! { <h2 class="notification-banner__title" id=id.clone()>{title}</h2> }),
            Either::Left(
                view! { <p class="notification-banner__heading"><strong>{heading}</strong></p> },
            ),
        ),
        None => (
            None,
            Either::Right(
                view! { <h2 class="notification-banner__heading" id=id.clone()>{heading}</h2> },
            ),
        ),
    };
    view! {
        <div
            class=if important { "notification-banner notification-banner--important" } else { "notification-banner" }
            role=if important { "alert" } else { "region" }
            aria-labelledby=(!important).then_some(id).flatten()
        >
            {title}
            <div class="notification-banner__content">
                {heading}
                {body.map(|b| view! { <p>{b}</p> })}
                {children.map(|c| c())}
            </div>
        </div>
    }
}
