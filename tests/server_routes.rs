//! Every route of the running app, in process: status, language, direction, alternates, titles.
#![cfg(feature = "ssr")]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use smsite::locale::LOCALES;
use smsite::sections::Section;
use std::collections::{HashMap, HashSet};
use tower::ServiceExt;

struct Page {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(path: &str, headers: &[(&str, &str)]) -> Page {
    let _ = any_spawner::Executor::init_tokio();
    let options = smsite::server::config::leptos_options().expect("configuration");
    let app = smsite::server::app_router(options);
    let mut request = Request::get(path);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = app
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .expect("the router never fails");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8 HTML"),
    }
}

fn location(page: &Page) -> &str {
    page.headers[header::LOCATION].to_str().unwrap()
}

/// The attributes of every `<tag …>` in the page, in order (attribute order is the renderer's).
fn tags(html: &str, tag: &str) -> Vec<HashMap<String, String>> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            let inside = &rest[..rest.find('>').unwrap()];
            let mut attrs = HashMap::new();
            let mut s = inside;
            while let Some(eq) = s.find("=\"") {
                let name = s[..eq].trim().to_string();
                let value_start = eq + 2;
                let value_end = value_start + s[value_start..].find('"').unwrap();
                attrs.insert(name, s[value_start..value_end].to_string());
                s = &s[value_end + 1..];
            }
            attrs
        })
        .collect()
}

fn has_link(html: &str, rel: &str, hreflang: Option<&str>, href: &str) -> bool {
    tags(html, "link").iter().any(|a| {
        a.get("rel").map(String::as_str) == Some(rel)
            && a.get("hreflang").map(String::as_str) == hreflang
            && a.get("href").map(String::as_str) == Some(href)
    })
}

/// The text between the first `<title>` and `</title>`.
fn title(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    let end = html[start..].find("</title>").unwrap() + start;
    &html[start..end]
}

fn page_paths(locale: &str) -> Vec<String> {
    let mut paths = vec![format!("/{locale}/")];
    paths.extend(Section::ALL.iter().map(|s| s.path(locale)));
    paths
}

#[tokio::test]
async fn root_sends_visitors_to_their_language() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[], "/en/"),
        (&[("accept-language", "ru-RU,ru;q=0.9,en;q=0.8")], "/ru/"),
        (&[("accept-language", "de-DE,az;q=0.5")], "/az/"),
        (&[("accept-language", "fr, de")], "/en/"),
        (
            &[("accept-language", "ru"), ("cookie", "i18n_pref_locale=az")],
            "/az/",
        ),
    ];
    for (headers, expected) in cases {
        let page = get("/", headers).await;
        assert_eq!(page.status, StatusCode::FOUND, "{headers:?}");
        assert_eq!(location(&page), *expected, "{headers:?}");
        assert!(page.headers[header::VARY]
            .to_str()
            .unwrap()
            .contains("Accept-Language"));
    }
}

#[tokio::test]
async fn every_page_answers_in_its_language_with_alternates() {
    for locale in LOCALES {
        let mut titles = HashSet::new();
        for path in page_paths(locale) {
            // A browser asking for another language must still get the page's own language.
            let page = get(&path, &[("accept-language", "de")]).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            let html = &page.body;
            assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
            assert!(
                html.contains(&format!("lang=\"{locale}\"")),
                "{path}: html lang"
            );
            assert!(html.contains("dir=\"ltr\""), "{path}: html dir");
            let rest = smsite::locale::strip_prefix(&path);
            for alt in LOCALES {
                let href = format!("https://migration.gov.az/{alt}{rest}");
                assert!(
                    has_link(html, "alternate", Some(alt), &href),
                    "{path}: no {alt} alternate"
                );
            }
            assert!(
                has_link(
                    html,
                    "alternate",
                    Some("x-default"),
                    "https://migration.gov.az/"
                ),
                "{path}: x-default"
            );
            let canonical = format!("https://migration.gov.az{path}");
            assert!(
                has_link(html, "canonical", None, &canonical),
                "{path}: canonical"
            );
            assert!(
                html.contains("<meta name=\"description\" content=\""),
                "{path}: description"
            );
            assert!(html.contains("/pkg/smsite.js"), "{path}: hydration script");
            let t = title(html).to_string();
            assert!(!t.is_empty(), "{path}: empty title");
            assert!(
                titles.insert(t.clone()),
                "{path}: title {t:?} is not unique"
            );
        }
    }
}

#[tokio::test]
async fn pages_are_translated() {
    let home = |l: &'static str| async move { get(&format!("/{l}/"), &[]).await.body };
    assert!(home("en")
        .await
        .contains("Staying, working and living in Azerbaijan"));
    assert!(home("az")
        .await
        .contains("Azərbaycanda qalmaq, işləmək və yaşamaq"));
    assert!(home("ru")
        .await
        .contains("Пребывание, работа и жизнь в Азербайджане"));
}

#[tokio::test]
async fn unknown_pages_are_localized_404s() {
    let cases = [
        ("/en/no-such-page", "en", "Page not found"),
        ("/ru/no-such-page", "ru", "Страница не найдена"),
        ("/az/no/such/page", "az", "Səhifə tapılmadı"),
        ("/xx/", "en", "Page not found"),
        ("/no-such-page", "en", "Page not found"),
    ];
    for (path, locale, heading) in cases {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            page.body.contains(&format!("lang=\"{locale}\"")),
            "{path}: lang"
        );
        assert!(page.body.contains(heading), "{path}: heading");
    }
    // Without a locale in the path, the 404 speaks the visitor's language.
    let page = get("/no-such-page", &[("accept-language", "ru")]).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("Страница не найдена"));
}

#[tokio::test]
async fn non_canonical_paths_redirect_permanently() {
    let page = get("/ru", &[]).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location(&page), "/ru/");
    let page = get("/az/contact/", &[]).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location(&page), "/az/contact");
}

#[tokio::test]
async fn navigation_marks_the_current_section() {
    let current = |html: &str| -> Vec<String> {
        tags(html, "a")
            .into_iter()
            .filter(|a| a.get("aria-current").map(String::as_str) == Some("page"))
            .filter_map(|a| a.get("href").cloned())
            .collect()
    };
    assert_eq!(
        current(&get("/en/contact", &[]).await.body),
        ["/en/contact"]
    );
    assert!(current(&get("/en/", &[]).await.body).is_empty());
}

#[tokio::test]
async fn reading_a_page_remembers_its_language() {
    let page = get("/az/contact", &[]).await;
    let cookie = page.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=az;"), "{cookie}");
    // Already remembered: no new cookie.
    let page = get("/az/contact", &[("cookie", "i18n_pref_locale=az")]).await;
    assert!(page.headers.get(header::SET_COOKIE).is_none());
    // Another language read: the preference follows.
    let page = get("/ru/", &[("cookie", "i18n_pref_locale=az")]).await;
    let cookies: Vec<_> = page.headers.get_all(header::SET_COOKIE).iter().collect();
    assert_eq!(cookies.len(), 1);
    assert!(cookies[0]
        .to_str()
        .unwrap()
        .starts_with("i18n_pref_locale=ru;"));
    // A 404 does not change the preference.
    let page = get("/ru/no-such-page", &[]).await;
    assert!(page.headers.get(header::SET_COOKIE).is_none());
}
