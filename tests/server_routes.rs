//! Every route of the running app, in process: status, language, direction, alternates, titles.
#![cfg(feature = "ssr")]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use smsite::locale::LOCALES;
use smsite::sections::Section;
use std::collections::HashSet;
use tower::ServiceExt;

struct Page {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(path: &str, headers: &[(&str, &str)]) -> Page {
    let _ = leptos::task::Executor::init_tokio();
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
        (&[("accept-language", "ru"), ("cookie", "i18n_pref_locale=az")], "/az/"),
    ];
    for (headers, expected) in cases {
        let page = get("/", headers).await;
        assert_eq!(page.status, StatusCode::FOUND, "{headers:?}");
        assert_eq!(location(&page), *expected, "{headers:?}");
        assert!(page.headers[header::VARY].to_str().unwrap().contains("Accept-Language"));
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
            assert!(html.contains(&format!("lang=\"{locale}\"")), "{path}: html lang");
            assert!(html.contains("dir=\"ltr\""), "{path}: html dir");
            let rest = smsite::locale::strip_prefix(&path);
            for alt in LOCALES {
                let link = format!(
                    "<link rel=\"alternate\" hreflang=\"{alt}\" href=\"https://migration.gov.az/{alt}{rest}\""
                );
                assert!(html.contains(&link), "{path}: missing {link}");
            }
            assert!(html.contains("hreflang=\"x-default\""), "{path}: x-default");
            let canonical = format!("<link rel=\"canonical\" href=\"https://migration.gov.az{path}\"");
            assert!(html.contains(&canonical), "{path}: canonical");
            assert!(html.contains("<meta name=\"description\" content=\""), "{path}: description");
            assert!(html.contains("/pkg/smsite.js"), "{path}: hydration script");
            let t = title(html).to_string();
            assert!(!t.is_empty(), "{path}: empty title");
            assert!(titles.insert(t.clone()), "{path}: title {t:?} is not unique");
        }
    }
}

#[tokio::test]
async fn pages_are_translated() {
    let home = |l: &'static str| async move { get(&format!("/{l}/"), &[]).await.body };
    assert!(home("en").await.contains("Staying, working and living in Azerbaijan"));
    assert!(home("az").await.contains("Azərbaycanda qalmaq, işləmək və yaşamaq"));
    assert!(home("ru").await.contains("Пребывание, работа и жизнь в Азербайджане"));
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
        assert!(page.body.contains(&format!("lang=\"{locale}\"")), "{path}: lang");
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
    let page = get("/en/contact", &[]).await;
    assert!(page.body.contains("href=\"/en/contact\" aria-current=\"page\""));
    let page = get("/en/", &[]).await;
    assert!(!page.body.contains("aria-current=\"page\""));
}
