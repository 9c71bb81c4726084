//! `/:lang/offices`: where to apply in person, on a map and as a list grouped by region, with
//! how to book and what to bring (content/<locale>/pages/offices.md, content/offices.toml).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::country_map::CountryMap;
use crate::components::json_ld::JsonLd;
use crate::components::page_meta::{absolute, PageMeta};
use crate::components::section_text::locale_code;
use crate::components::source_list::SourceLine;
use crate::content::model::{Article, MapPoint, Office};
use crate::i18n::*;
use crate::islands::nearest_first::NearestFirst;
use crate::islands::texts::Texts;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_offices(locale: &str, _: &str) -> Option<(Article, Vec<Office>)> {
    let store = crate::content::store::global();
    Some((
        store.page(locale, "offices")?.clone(),
        store.offices(locale).to_vec(),
    ))
}

#[component]
pub fn OfficesPage() -> impl IntoView {
    content_view(fetch_offices, |(page, offices)| {
        view! { <OfficesView page offices/> }
    })
}

/// The map's points: every office.
pub fn office_points(offices: &[Office]) -> Vec<MapPoint> {
    offices
        .iter()
        .map(|o| MapPoint {
            label: o.name.clone(),
            lat: o.lat,
            lon: o.lon,
        })
        .collect()
}

#[component]
fn OfficesView(page: Article, offices: Vec<Office>) -> impl IntoView {
    let i18n = use_i18n();
    let title = page.title.clone();
    // Regions in the order their first office appears.
    let mut regions: Vec<(String, String)> = Vec::new();
    for o in &offices {
        if !regions.iter().any(|(k, _)| *k == o.region) {
            regions.push((o.region.clone(), o.region_name.clone()));
        }
    }
    let names: Vec<String> = offices.iter().map(|o| o.name.clone()).collect();
    let description = format!(
        "{} {}",
        t_string!(i18n, offices.map_description),
        names.join("; ")
    );
    let spots: Vec<(String, String, f64, f64)> = offices
        .iter()
        .map(|o| (o.id.clone(), o.name.clone(), o.lat, o.lon))
        .collect();
    view! {
        <PageMeta title=Signal::stored(page.title.clone()) description=Signal::stored(page.summary.clone())/>
        <Breadcrumbs crumbs=vec![
            Crumb {
                label: Signal::derive(move || t_string!(i18n, nav.contact).to_string()),
                href: Some(Signal::derive(move || Section::Contact.path(locale_code(i18n)))),
            },
            Crumb { label: Signal::stored(title.clone()), href: None },
        ]/>
        <JsonLd json=crate::jsonld::government_offices(&offices, &absolute(&format!("/{}/offices", locale_code(i18n))))/>
        <h1>{title}</h1>
        <p class="lead">{page.summary.clone()}</p>
        <CountryMap
            points=office_points(&offices)
            title=t_string!(i18n, offices.map_title).to_string()
            description
            id="offices-map"
        />
        <p class="office-list__position">{t!(i18n, offices.town_position)}</p>
        <NearestFirst spots texts=nearest_texts(i18n)/>
        <div id="office-list" class="office-list">
            {regions.into_iter().map(|(key, name)| {
                let here: Vec<Office> = offices.iter().filter(|o| o.region == key).cloned().collect();
                view! {
                    <section class="office-list__region" data-region=key>
                        <h2>{name}</h2>
                        <ul class="office-list__items">
                            {here.into_iter().map(|o| view! { <OfficeCard office=o/> }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
        <h2 id="offices-table">{t!(i18n, offices.table_heading)}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="offices-table">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, offices.office)}</th>
                        <th scope="col">{t!(i18n, offices.region)}</th>
                        <th scope="col">{t!(i18n, offices.address)}</th>
                        <th scope="col">{t!(i18n, offices.phones)}</th>
                    </tr>
                </thead>
                <tbody>
                    {offices.iter().map(|o| view! {
                        <tr>
                            <th scope="row"><a href=format!("#office-{}", o.id)>{o.name.clone()}</a></th>
                            <td>{o.region_name.clone()}</td>
                            <td>{o.address.clone().unwrap_or_else(|| t_string!(i18n, offices.no_address).to_string())}</td>
                            <td>{o.phones.iter().map(|p| view! { <a href=format!("tel:{}", p.tel) dir="ltr" class="office__phone">{p.display.clone()}</a>" " }).collect_view()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="prose" inner_html=page.body_html.clone()></div>
        <ContentMeta sources=page.sources.clone() last_reviewed=page.last_reviewed.clone()/>
    }
}

/// The texts of "Show the nearest first".
fn nearest_texts(i18n: leptos_i18n::I18nContext<Locale>) -> Texts {
    let mut t = Texts::default();
    for (k, v) in [
        ("offices.nearest", t_string!(i18n, offices.nearest)),
        (
            "offices.nearest_locating",
            t_string!(i18n, offices.nearest_locating),
        ),
        (
            "offices.nearest_denied",
            t_string!(i18n, offices.nearest_denied),
        ),
        (
            "offices.nearest_unavailable",
            t_string!(i18n, offices.nearest_unavailable),
        ),
        (
            "offices.nearest_done",
            t_string!(i18n, offices.nearest_done),
        ),
        ("offices.km", t_string!(i18n, offices.km)),
    ] {
        t.insert(k, v);
    }
    t
}

#[component]
fn OfficeCard(office: Office) -> impl IntoView {
    let i18n = use_i18n();
    let o = office;
    let uncertain = !o.uncertain.is_empty();
    let geo = format!("geo:{},{}", o.lat, o.lon);
    let osm = format!(
        "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=12/{lat}/{lon}",
        lat = o.lat,
        lon = o.lon
    );
    view! {
        <li class="office" id=format!("office-{}", o.id) data-office=o.id.clone()>
            <h3 class="office__name">{o.name.clone()}</h3>
            <dl class="office__facts">
                <dt>{t!(i18n, offices.address)}</dt>
                <dd>{o.address.clone().unwrap_or_else(|| t_string!(i18n, offices.no_address).to_string())}</dd>
                {o.hours.clone().map(|h| view! { <dt>{t!(i18n, offices.hours)}</dt><dd>{h}</dd> })}
                {(!o.phones.is_empty()).then(|| view! {
                    <dt>{t!(i18n, offices.phones)}</dt>
                    <dd>{o.phones.iter().map(|p| view! { <a href=format!("tel:{}", p.tel) dir="ltr" class="office__phone">{p.display.clone()}</a>" " }).collect_view()}</dd>
                })}
                <dt>{t!(i18n, offices.handles)}</dt>
                <dd>{o.handles.clone()}</dd>
            </dl>
            {uncertain.then(|| view! {
                <div class="confirm-note" role="note"><p>{t!(i18n, offices.uncertain)}</p></div>
            })}
            <p class="office__links">
                <a href=geo>{t!(i18n, offices.open_geo)}</a>
                " · "
                <a href=osm rel="external">{t!(i18n, offices.open_osm)}</a>
            </p>
            <SourceLine sources=o.sources.clone() reviewed=o.reviewed.clone()/>
        </li>
    }
}
