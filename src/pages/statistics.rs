//! `/:lang/news/statistics`: the 2020 figures as a bar chart (server-rendered SVG, no chart
//! library in the browser) with a text alternative and the same numbers in a table.
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::{locale_code, section_name};
use crate::content::model::{Indicator, Source, Statistics};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_statistics(locale: &str) -> Option<Statistics> {
    if !crate::locale::LOCALES.contains(&locale) {
        return None;
    }
    Some(crate::content::store::global().statistics(locale))
}

#[component]
pub fn StatisticsPage() -> impl IntoView {
    content_view(
        |lang, _| fetch_statistics(lang),
        |stats| view! { <StatisticsView stats/> },
    )
}

/// Numbers as the locale writes them: `244,398` / `244 398`, `85.54` / `85,54`, `21.3` / `21,3`.
/// Integer arithmetic only: float formatting would add ~20 KB to the browser bundle.
pub fn format_number(value: f64, locale: &str) -> String {
    let (_, decimal) = crate::digits::separators(locale);
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (int, frac) = (
        hundredths.unsigned_abs() / 100,
        hundredths.unsigned_abs() % 100,
    );
    let mut out = format!("{sign}{}", crate::digits::whole(locale, int));
    if frac != 0 {
        out.push(decimal);
        let digits = if frac % 10 == 0 {
            (frac / 10).to_string()
        } else {
            format!("{frac:02}")
        };
        out.push_str(&crate::digits::for_locale(&digits, locale));
    }
    out
}

#[component]
fn StatisticsView(stats: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let title = stats.title.clone();
    let locale = locale_code(i18n);
    let rows: Vec<Indicator> = stats
        .early_2020
        .iter()
        .chain(&stats.indicators)
        .cloned()
        .collect();
    view! {
        <PageMeta title=Signal::stored(stats.title.clone()) description=Signal::stored(stats.summary.clone())/>
        <Breadcrumbs crumbs=vec![
            Crumb {
                label: Signal::derive(move || section_name(i18n, Section::News).to_string()),
                href: Some(Signal::derive(move || Section::News.path(locale_code(i18n)))),
            },
            Crumb { label: Signal::stored(title.clone()), href: None },
        ]/>
        <span class="caption">{stats.period.clone()}</span>
        <h1>{title}</h1>
        <p class="lead">{stats.summary.clone()}</p>
        <ul class="stat-cards">
            {stats.totals.iter().map(|t| view! {
                <li class="stat-card">
                    <span class="stat-card__value">{format_number(t.value, locale)}{t.unit.clone()}</span>
                    <span class="stat-card__label">{t.label.clone()}</span>
                </li>
            }).collect_view()}
        </ul>
        <h2>{stats.chart_title.clone()}</h2>
        <BarChart indicators=stats.indicators.clone() title=stats.chart_title.clone() locale/>
        <div class="table-wrap">
            <table class="table">
                <caption>{stats.chart_title.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, statistics.indicator)}</th>
                        <th scope="col">{t!(i18n, statistics.change)}</th>
                        <th scope="col" class="numeric">{t!(i18n, statistics.percent)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.label}</th>
                            <td>{r.change}</td>
                            <td class="numeric">{format_number(r.percent_of_2019, locale)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a href=move || format!("/{}/news/2020-results", locale_code(i18n))>{t!(i18n, statistics.article_link)}</a></p>
        <ContentMeta
            sources=vec![Source { name: t_string!(i18n, source.sms).to_string(), url: stats.source_url.clone() }]
            last_reviewed=stats.last_reviewed.clone()
        />
    }
}

/// Horizontal bars on a linear scale clipped at 300%, with a line at 100% (2019's level).
/// Values beyond the scale are drawn to the edge and labelled with their number.
#[component]
fn BarChart(indicators: Vec<Indicator>, title: String, locale: &'static str) -> impl IntoView {
    // Whole pixels only (see format_number): an SVG needs no finer grid.
    const ROW: i32 = 44;
    const WIDTH: i32 = 640;
    const MAX: f64 = 300.0;
    let height = ROW * indicators.len() as i32 + 30;
    let scale = |v: f64| ((v.min(MAX) / MAX) * f64::from(WIDTH - 80)).round() as i32;
    let baseline = scale(100.0);
    let description = indicators
        .iter()
        .map(|i| format!("{}: {}", i.label, i.change))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby="chart-title chart-desc"
            >
                <title id="chart-title">{title}</title>
                <desc id="chart-desc">{description}</desc>
                {indicators.iter().enumerate().map(|(i, ind)| {
                    let y = i as i32 * ROW;
                    let w = scale(ind.percent_of_2019).max(2);
                    let class = if ind.percent_of_2019 >= 100.0 { "chart__bar chart__bar--up" } else { "chart__bar chart__bar--down" };
                    view! {
                        <g>
                            <text x="0" y=y + 14 class="chart__label">{ind.label.clone()}</text>
                            <rect x="0" y=y + 20 width=w height="16" class=class></rect>
                            <text x=w + 6 y=y + 33 class="chart__value">{format!("{}%", format_number(ind.percent_of_2019, locale))}</text>
                        </g>
                    }
                }).collect_view()}
                <line x1=baseline x2=baseline y1="0" y2=height - 20 class="chart__baseline"></line>
                <text x=baseline y=height - 6 class="chart__axis" text-anchor="middle">"100% = 2019"</text>
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(format_number(244398.0, "en"), "244,398");
        assert_eq!(format_number(244398.0, "ru"), "244\u{a0}398");
        assert_eq!(format_number(85.54, "az"), "85,54");
        assert_eq!(format_number(125.0, "en"), "125");
        assert_eq!(format_number(21.3, "ru"), "21,3");
        assert_eq!(format_number(850.0, "en"), "850");
    }
}
