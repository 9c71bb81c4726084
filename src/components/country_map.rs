//! A map of Azerbaijan drawn on the server as SVG, with points on it: the offices, or the places
//! a visitor might go. The outline is Natural Earth's (content/map/azerbaijan.toml); nothing is
//! loaded from another site. The map is a picture with a text alternative; the pages that show
//! it also give the same points as a list or table.
use crate::content::model::MapPoint;
use crate::map::Projection;
use leptos::prelude::*;

const WIDTH: f64 = 600.0;

#[component]
pub fn CountryMap(
    points: Vec<MapPoint>,
    /// What the map shows, for its title ("Offices on a map of Azerbaijan").
    title: String,
    /// The text alternative: what a reader would take from the picture.
    description: String,
    /// Ties the SVG's title and description to it; unique on the page.
    id: &'static str,
) -> impl IntoView {
    let outline = crate::content::store::global().outline();
    let projection = Projection::fit(
        outline
            .rings
            .iter()
            .flatten()
            .copied()
            .chain(points.iter().map(|p| (p.lon, p.lat))),
        WIDTH,
        12.0,
    );
    let height = projection.height.ceil();
    let paths: String = outline
        .rings
        .iter()
        .map(|r| projection.path(r))
        .collect::<Vec<_>>()
        .join(" ");
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    view! {
        <figure class="country-map">
            <svg
                class="country-map__svg"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby=title_id.clone()
                aria-describedby=desc_id.clone()
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id.clone()>{description}</desc>
                <path class="country-map__land" d=paths></path>
                {points
                    .into_iter()
                    .map(|p| {
                        let (x, y) = projection.project((p.lon, p.lat));
                        // Not links: a picture's parts are not reachable by keyboard or screen
                        // reader; the list and table under the map name each point.
                        view! {
                            <circle class="country-map__point" cx=format!("{x:.1}") cy=format!("{y:.1}") r="7"></circle>
                        }
                    })
                    .collect_view()}
            </svg>
            {outline.source.clone().map(|s| view! {
                <figcaption class="country-map__caption">
                    <a href=s.url rel="external">{s.name}</a>
                </figcaption>
            })}
        </figure>
    }
}
