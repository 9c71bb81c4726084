//! "Show the nearest first" on the offices page: the browser's location, asked only when the
//! visitor presses the button, sorts the offices by distance on the device. Nothing is sent to
//! the server. The island is hydrated when the button is first pressed (nav.js,
//! `data-hydrate="submit"`), so the page loads no code for it until then; without JavaScript the
//! button is not shown (CSS `scripting: none`) and the list stays grouped by region.
use super::texts::Texts;
use leptos::prelude::*;

/// An office's anchor id, name and position.
pub type Spot = (String, String, f64, f64);

// Only the browser build makes the other states.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Debug, PartialEq)]
enum Found {
    Idle,
    Locating,
    Failed(&'static str),
    Sorted(Vec<(usize, f64)>),
}

#[island(lazy)]
pub fn NearestFirst(spots: Vec<Spot>, texts: Texts) -> impl IntoView {
    let found = RwSignal::new(Found::Idle);
    let texts = StoredValue::new(texts);
    let t = move |k: &str| texts.with_value(|x| x.get(k));
    let spots = StoredValue::new(spots);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            found.set(Found::Locating);
            locate(move |result| match result {
                Ok(here) => {
                    let mut order: Vec<(usize, f64)> = spots.with_value(|s| {
                        s.iter()
                            .enumerate()
                            .map(|(i, (_, _, lat, lon))| {
                                (i, crate::map::distance_km(here, (*lon, *lat)))
                            })
                            .collect()
                    });
                    order.sort_by(|a, b| a.1.total_cmp(&b.1));
                    found.set(Found::Sorted(order));
                }
                Err(denied) => found.set(Found::Failed(if denied {
                    "offices.nearest_denied"
                } else {
                    "offices.nearest_unavailable"
                })),
            });
        }
    };
    view! {
        <form class="nearest" data-hydrate="submit" on:submit=on_submit>
            <button type="submit" class="button button--secondary">{t("offices.nearest")}</button>
            <p class="nearest__status" role="status">
                {move || match found.get() {
                    Found::Idle => String::new(),
                    Found::Sorted(_) => t("offices.nearest_done"),
                    Found::Locating => t("offices.nearest_locating"),
                    Found::Failed(key) => t(key),
                }}
            </p>
            {move || match found.get() {
                Found::Sorted(order) => Some(view! {
                    <h2 class="nearest__heading">{t("offices.nearest_done")}</h2>
                    <ol class="nearest__list">
                        {order.into_iter().map(|(i, km)| {
                            let (id, name, _, _) = spots.with_value(|s| s[i].clone());
                            view! {
                                <li>
                                    <a href=format!("#office-{id}")>{name}</a>
                                    " — "
                                    {t("offices.km").replace("{count}", &format!("{km:.0}"))}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }),
                _ => None,
            }}
        </form>
    }
}

/// Asks the browser where it is; `done` gets (longitude, latitude), or whether it was refused.
#[cfg(feature = "hydrate")]
fn locate(done: impl Fn(Result<(f64, f64), bool>) + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let done = std::rc::Rc::new(done);
    let on_ok = {
        let done = done.clone();
        Closure::once_into_js(move |position: JsValue| {
            let coords = js_sys::Reflect::get(&position, &"coords".into()).ok();
            let number = |name: &str| {
                coords
                    .as_ref()
                    .and_then(|c| js_sys::Reflect::get(c, &name.into()).ok())
                    .and_then(|v| v.as_f64())
            };
            match (number("longitude"), number("latitude")) {
                (Some(lon), Some(lat)) => done(Ok((lon, lat))),
                _ => done(Err(false)),
            }
        })
    };
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move |error: JsValue| {
            // GeolocationPositionError.PERMISSION_DENIED is 1.
            let code = js_sys::Reflect::get(&error, &"code".into())
                .ok()
                .and_then(|c| c.as_f64());
            done(Err(code == Some(1.0)))
        })
    };
    let geolocation = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .ok()
        .and_then(|n| js_sys::Reflect::get(&n, &"geolocation".into()).ok())
        .filter(|g| !g.is_undefined());
    let Some(geolocation) = geolocation else {
        done(Err(false));
        return;
    };
    let get = js_sys::Reflect::get(&geolocation, &"getCurrentPosition".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match get {
        Some(f) => {
            if f.call2(&geolocation, &on_ok, &on_error).is_err() {
                done(Err(false));
            }
        }
        None => done(Err(false)),
    }
}
