//! Every route of the running app, in process: status, language, direction, alternates, titles.
#![cfg(feature = "ssr")]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use smsite::locale::LOCALES;
use std::collections::{HashMap, HashSet};
use tower::ServiceExt;

struct Page {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

fn app() -> axum::Router {
    common::site()
}

async fn get(path: &str, headers: &[(&str, &str)]) -> Page {
    let _ = any_spawner::Executor::init_tokio();
    let app = app();
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

/// Every page of the site in one locale: the shell's pages and every content page.
fn page_paths(locale: &str) -> Vec<String> {
    smsite::server::seo::page_paths(smsite::content::store::global())
        .into_iter()
        .map(|p| format!("/{locale}{p}"))
        .collect()
}

/// The contents of every `<script type="application/ld+json">`, parsed.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            let text = &rest[..rest.find("</script>").unwrap()];
            serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON-LD {text}: {e}"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_answers_in_its_language_with_alternates() {
    for locale in LOCALES {
        let mut titles = HashSet::new();
        for path in page_paths(locale) {
            // A browser asking for another language must still get the page's own language.
            let page = get(&path, &[("accept-language", "de")]).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            let html = &page.body;
            assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
            let (tag, dir) = (
                smsite::locale::tag(locale),
                smsite::locale::direction(locale),
            );
            // The <html> start tag itself: the language switcher carries every lang and dir.
            let start = &html[html.find("<html").unwrap()..];
            let start = &start[..start.find('>').unwrap()];
            assert!(
                start.contains(&format!("lang=\"{tag}\"")),
                "{path}: html lang in {start}"
            );
            assert!(
                start.contains(&format!("dir=\"{dir}\"")),
                "{path}: html dir in {start}"
            );
            let rest = smsite::locale::strip_prefix(&path);
            for alt in LOCALES {
                let href = format!("https://migration.gov.az/{alt}{rest}");
                assert!(
                    has_link(html, "alternate", Some(smsite::locale::tag(alt)), &href),
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
            for ld in json_ld(html) {
                assert_eq!(ld["@context"], "https://schema.org", "{path}");
            }
            let t = title(html).to_string();
            assert!(!t.is_empty(), "{path}: empty title");
            assert!(
                titles.insert(t.clone()),
                "{path}: title {t:?} is not unique"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_canonical_paths_redirect_permanently() {
    let page = get("/ru", &[]).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location(&page), "/ru/");
    let page = get("/az/contact/", &[]).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location(&page), "/az/contact");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_pages_carry_their_structured_data() {
    let types = |path: &'static str| async move {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        json_ld(&page.body)
            .iter()
            .map(|v| v["@type"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let guide = types("/en/procedures/registration").await;
    for t in ["BreadcrumbList", "GovernmentService", "FAQPage"] {
        assert!(guide.contains(&t.to_string()), "guide lacks {t}: {guide:?}");
    }
    let news = types("/ru/news/2020-results").await;
    assert!(news.contains(&"NewsArticle".to_string()), "{news:?}");
    // The breadcrumb trail names the guide's section and the guide itself.
    let page = get("/az/procedures/work-permit", &[]).await;
    let trail = json_ld(&page.body)
        .into_iter()
        .find(|v| v["@type"] == "BreadcrumbList")
        .unwrap();
    let items = trail["itemListElement"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[2]["item"],
        "https://migration.gov.az/az/procedures/work-permit"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guides_show_their_parts_sources_and_journey() {
    let page = get("/en/procedures/registration", &[]).await;
    let html = &page.body;
    for part in [
        "Who this is for",
        "Steps",
        "Fees",
        "Where and how to apply",
        "Common questions",
        "Sources",
        "Last reviewed",
    ] {
        assert!(html.contains(part), "missing {part}");
    }
    assert!(html.contains("datetime=\"2026-11-26\""));
    // The journey beside the guide marks the guide's own step.
    assert!(html.contains("step-nav__step--current"));
    assert!(html.contains("Report a problem"));
    // Without JavaScript every step is open.
    let steps: Vec<&str> = html
        .match_indices("<details")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .filter(|t| t.contains("step-nav__details"))
        .collect();
    assert!(!steps.is_empty());
    for step in steps {
        assert!(
            step.contains(" open"),
            "a step is closed without JavaScript: {step}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_content_is_a_404() {
    for path in [
        "/en/procedures/no-such-guide",
        "/ru/journeys/nope",
        "/az/news/nope",
    ] {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_works_without_javascript_in_each_language() {
    let cases = [
        ("/en/search?q=stateless", "/en/procedures/registration"),
        (
            "/az/search?q=yasayis+icazesi",
            "/az/procedures/temporary-residence",
        ),
        (
            "/ru/search?q=%D1%80%D0%B5%D0%B3%D0%B8%D1%81%D1%82%D1%80%D0%B0%D1%86%D0%B8%D1%8F",
            "/ru/procedures/registration",
        ),
    ];
    for (path, expected) in cases {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body.contains(&format!(
                "class=\"search-results__title\" href=\"{expected}\""
            )) || page.body.contains(&format!(
                "href=\"{expected}\" class=\"search-results__title\""
            )),
            "{path} should list {expected}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sitemap_lists_every_page_and_each_answers() {
    let page = get("/sitemap.xml", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let locs: Vec<&str> = page
        .body
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    let expected: usize = LOCALES.iter().map(|l| page_paths(l).len()).sum();
    assert_eq!(locs.len(), expected);
    assert!(page.body.contains("<lastmod>2026-11-26</lastmod>"));
    for loc in locs {
        let path = loc.strip_prefix("https://migration.gov.az").unwrap();
        assert_eq!(get(path, &[]).await.status, StatusCode::OK, "{path}");
    }
    let robots = get("/robots.txt", &[]).await;
    assert!(robots
        .body
        .contains("Sitemap: https://migration.gov.az/sitemap.xml"));
}

/// Follows every internal link of every page, in every locale: none may be broken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_internal_link_resolves() {
    let mut checked: HashMap<String, StatusCode> = HashMap::new();
    for locale in LOCALES {
        for path in page_paths(locale) {
            let page = get(&path, &[]).await;
            for a in tags(&page.body, "a") {
                let Some(href) = a.get("href") else { continue };
                if !href.starts_with('/') || href.starts_with("//") {
                    continue;
                }
                let target = href.split('#').next().unwrap().to_string();
                if target.is_empty() {
                    continue;
                }
                let status = match checked.get(&target) {
                    Some(s) => *s,
                    None => {
                        let mut response = get(&target, &[]).await;
                        if response.status.is_redirection() {
                            response = get(location(&response).to_string().as_str(), &[]).await;
                        }
                        checked.insert(target.clone(), response.status);
                        response.status
                    }
                };
                assert_eq!(status, StatusCode::OK, "{path} links to {href}");
            }
        }
    }
    assert!(
        checked.len() > 50,
        "the crawler saw only {} links",
        checked.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checker_forms_redirect_to_the_step_the_answers_lead_to() {
    // No Accept header: a redirect is a redirect for every client, not only browsers.
    let arrival = smsite::server::api::today_in_baku().add_days(-3);
    let (d, m, y) = (arrival.day, arrival.month, arrival.year);
    let dated_from = format!("/az/check/registration?arrival-day={d}&arrival-month={m}&arrival-year={y}&citizenship=KZ&answered=arrival");
    let dated_to = format!(
        "/az/check/registration/answers?arrival={}&citizenship=KZ",
        arrival.iso()
    );
    let cases = [
        // The turnstile after a form.
        (
            "/en/check/stay?citizenship=de",
            "/en/check/stay/purpose?citizenship=de",
        ),
        (dated_from.as_str(), dated_to.as_str()),
        // Continue after Back: the next answered question, not the first unanswered one.
        (
            "/en/check/stay?answered=citizenship&citizenship=GE&length=5&purpose=work",
            "/en/check/stay/purpose?citizenship=GE&length=5&purpose=work",
        ),
        (
            "/en/check/stay?answered=purpose&citizenship=DE",
            "/en/check/stay/purpose?citizenship=DE&purpose=",
        ),
        // A question the answers do not reach; junk names are dropped.
        (
            "/en/check/stay/arrival?citizenship=DE&zzz=1",
            "/en/check/stay/purpose?citizenship=DE",
        ),
        ("/ru/check/stay/nonsense", "/ru/check/stay/citizenship"),
        (
            "/en/check/stay/answers?citizenship=DE",
            "/en/check/stay/purpose?citizenship=DE",
        ),
        (
            "/en/check/stay/result?citizenship=DE&purpose=work",
            "/en/check/stay/length?citizenship=DE&purpose=work",
        ),
    ];
    for (from, to) in cases {
        let page = get(from, &[]).await;
        assert_eq!(page.status, StatusCode::FOUND, "{from}");
        assert_eq!(location(&page), to, "{from}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checker_questions_show_translated_errors_on_their_own_page() {
    let today = smsite::server::api::today_in_baku();
    let far = today.add_days(400).iso();
    let cases = [
        (
            "en",
            "/en/check/stay/purpose?citizenship=DE&purpose=",
            "Select an answer",
        ),
        (
            "en",
            "/en/check/stay/purpose?citizenship=DE&purpose=spying",
            "Select one of the answers shown",
        ),
        (
            "en",
            "/en/check/stay/citizenship?citizenship=Atlantis",
            "Select a country from the list",
        ),
        (
            "en",
            "/en/check/stay/length?citizenship=DE&length=abc&purpose=work",
            "Enter a whole number",
        ),
        (
            "en",
            "/en/check/stay/length?citizenship=DE&length=99999&purpose=work",
            "Enter a number from 1 to 3650",
        ),
        (
            "en",
            "/en/check/registration/arrival?arrival=2026-02-30&citizenship=DE",
            "Enter a real date",
        ),
        (
            "ru",
            &format!("/ru/check/registration/arrival?arrival={far}&citizenship=DE"),
            "Введите дату",
        ),
        (
            "az",
            "/az/check/registration/arrival?arrival=2026-02-30&citizenship=DE",
            "Mövcud tarix",
        ),
    ];
    for (locale, path, message) in cases {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let summary = &page.body[page
            .body
            .find("error-summary")
            .unwrap_or_else(|| panic!("{path}: no error summary"))..];
        assert!(
            summary.contains(message),
            "{path}: no {message:?} in {:.600}",
            summary
        );
        assert!(
            page.body.contains(&format!("<html lang=\"{locale}\"")),
            "{path}"
        );
        assert!(
            title(&page.body).starts_with(match locale {
                "ru" => "Ошибка",
                "az" => "Xəta",
                _ => "Error:",
            }),
            "{path}: {}",
            title(&page.body)
        );
        assert!(
            page.body
                .contains("<meta name=\"robots\" content=\"noindex\""),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checker_pages_render_answers_and_the_result_without_javascript() {
    let arrival = smsite::server::api::today_in_baku().add_days(-3);
    let query = format!(
        "arrival={}&citizenship=GE&length=40&purpose=tourism",
        arrival.iso()
    );
    let answers = get(&format!("/en/check/stay/answers?{query}"), &[]).await;
    assert_eq!(answers.status, StatusCode::OK);
    assert!(answers.body.contains("Georgia") && answers.body.contains(&arrival.long("en")));
    assert!(
        answers.body.contains(&format!(
            "href=\"/en/check/stay/purpose?{}\"",
            query.replace('&', "&amp;")
        )),
        "Change link"
    );
    let result = get(&format!("/en/check/stay/result?{query}"), &[]).await;
    assert_eq!(result.status, StatusCode::OK);
    assert!(result
        .body
        .contains("You do not need a visa, but you must register your place of stay"));
    assert!(result
        .body
        .contains(&format!("datetime=\"{}\"", arrival.add_days(15).iso())));
    assert!(result.body.contains(&format!(
        "/en/check/stay/calendar.ics?{}",
        query.replace('&', "&amp;")
    )));
    assert!(result.body.contains("href=\"/en/procedures/registration\""));
    assert!(result.body.contains("Last reviewed"));
}

async fn send(request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let _ = any_spawner::Executor::init_tokio();
    let response = app()
        .oneshot(request)
        .await
        .expect("the router never fails");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, bytes.to_vec())
}

fn header_text<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

/// The headers every response carries; for a page, a policy that runs only the site's own
/// script files.
fn assert_secure(what: &str, headers: &axum::http::HeaderMap, body: &[u8]) {
    assert_eq!(
        header_text(headers, "strict-transport-security"),
        "max-age=63072000; includeSubDomains",
        "{what}"
    );
    assert_eq!(
        header_text(headers, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert_eq!(
        header_text(headers, "referrer-policy"),
        "same-origin",
        "{what}"
    );
    assert!(
        header_text(headers, "permissions-policy").contains("camera=()"),
        "{what}"
    );
    let policy = header_text(headers, "content-security-policy");
    assert!(
        policy.contains("frame-ancestors 'none'"),
        "{what}: {policy}"
    );
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.to_str().unwrap().starts_with("text/html"));
    if !is_html {
        assert!(policy.starts_with("default-src 'none'"), "{what}: {policy}");
        return;
    }
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src in {policy}"));
    assert!(!script_src.contains("unsafe-inline"), "{what}: {policy}");
    assert!(
        script_src.contains("'wasm-unsafe-eval'"),
        "{what}: {policy}"
    );
    assert_eq!(
        script_src, "script-src 'self' 'wasm-unsafe-eval'",
        "{what}: scripts only from the site"
    );
    // No script in the page runs inline: each has a `src` on the site (nav.js) or is a data
    // block; so the policy needs no nonce and a stored page is the same bytes for everyone.
    let html = String::from_utf8_lossy(body);
    let mut files = 0;
    for (i, _) in html.match_indices("<script") {
        let rest = &html[i..];
        let open = &rest[..rest.find('>').unwrap() + 1];
        let content = &rest[open.len()..rest.find("</script>").unwrap()];
        if open.contains("application/ld+json") {
            continue;
        }
        assert!(
            content.is_empty(),
            "{what}: an inline script: {open}{content}"
        );
        assert!(
            open.contains("src=\"/pkg/nav."),
            "{what}: a script from elsewhere: {open}"
        );
        files += 1;
    }
    assert_eq!(files, 1, "{what}: nav.js is missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers() {
    let arrival = smsite::server::api::today_in_baku().add_days(-3);
    let query = format!(
        "arrival={}&citizenship=GE&length=40&purpose=tourism",
        arrival.iso()
    );
    for locale in LOCALES {
        let mut paths = page_paths(locale);
        paths.extend(
            [
                "/check/stay/citizenship".to_string(),
                "/check/stay/citizenship?citizenship=".to_string(),
                format!("/check/stay/answers?{query}"),
                format!("/check/stay/result?{query}"),
                "/no-such-page".to_string(),
            ]
            .iter()
            .map(|p| format!("/{locale}{p}")),
        );
        for path in paths {
            let (status, headers, body) =
                send(Request::get(&path).body(Body::empty()).unwrap()).await;
            assert!(
                status.is_success() || status.is_redirection() || status == StatusCode::NOT_FOUND,
                "{path}: {status}"
            );
            assert_secure(&path, &headers, &body);
        }
    }
    for path in [
        "/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/openapi.json",
        "/healthz",
        "/favicon.svg",
        "/en/check/stay/calendar.ics?x=1",
    ] {
        let (_, headers, body) = send(Request::get(path).body(Body::empty()).unwrap()).await;
        assert_secure(path, &headers, &body);
    }
    let (status, headers, body) = send(
        Request::post("/api/v1/applications/status")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_secure("POST /api/v1/applications/status", &headers, &body);
}

/// A page is kept a minute by any cache, then revalidated: an unchanged page answers 304.
/// Checker pages, which hold answers in their address, only by the browser.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_revalidate_with_an_etag() {
    // With the language cookie already set, as on a second page: no new cookie, so any cache
    // may keep the page. (The first page of a visit sets the cookie, and is private.)
    let cookie = [("cookie", "i18n_pref_locale=en")];
    let first = get("/en/procedures", &cookie).await;
    let second = get("/en/procedures", &cookie).await;
    assert_eq!(
        header_text(&first.headers, "cache-control"),
        "public, max-age=60"
    );
    let etag = header_text(&first.headers, "etag").to_string();
    assert_eq!(first.body, second.body, "the same bytes for everyone");
    assert_eq!(etag, header_text(&second.headers, "etag"));
    // A kept page still sets the language for a visitor without the cookie, and is then private.
    let stranger = get("/en/procedures", &[]).await;
    assert_eq!(stranger.body, first.body);
    assert!(header_text(&stranger.headers, "set-cookie").starts_with("i18n_pref_locale=en"));
    assert_eq!(
        header_text(&stranger.headers, "cache-control"),
        "private, max-age=60"
    );
    assert_eq!(
        header_text(&stranger.headers, "content-security-policy"),
        smsite::server::security::PAGE_POLICY
    );
    let question = get("/en/check/stay/citizenship", &[]).await;
    assert_eq!(
        header_text(&question.headers, "cache-control"),
        "private, max-age=60"
    );
    let again = get("/en/procedures", &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert!(!again.headers.contains_key("content-security-policy"));
    let other = get("/ru/procedures", &[("if-none-match", &etag)]).await;
    assert_eq!(other.status, StatusCode::OK);
    assert_ne!(header_text(&other.headers, "etag"), etag);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_json_are_compressed_for_browsers_that_accept_it() {
    let plain = get("/en/procedures", &[]).await;
    for (accept, encoding) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let (status, headers, body) = send(
            Request::get("/en/procedures")
                .header(header::ACCEPT_ENCODING, accept)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(header_text(&headers, "content-encoding"), encoding);
        assert!(header_text(&headers, "vary").contains("accept-encoding"));
        assert!(
            body.len() * 3 < plain.body.len(),
            "{accept}: {} of {} bytes",
            body.len(),
            plain.body.len()
        );
    }
    let (_, headers, _) = send(
        Request::get("/api/v1/openapi.json")
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(header_text(&headers, "content-encoding"), "gzip");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_response_names_its_request_id() {
    let a = get("/en/", &[]).await;
    let b = get("/en/", &[]).await;
    let id = header_text(&a.headers, "x-request-id");
    assert!(id.len() >= 8, "{id}");
    assert_ne!(id, header_text(&b.headers, "x-request-id"));
    // A proxy in front that already numbered the request keeps its number.
    let c = get("/en/", &[("x-request-id", "lb-12345")]).await;
    assert_eq!(header_text(&c.headers, "x-request-id"), "lb-12345");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_atom_feeds_list_updates_and_news_with_stable_ids() {
    for (path, must) in [
        (
            "/en/updates.atom",
            "https://migration.gov.az/en/procedures/registration",
        ),
        (
            "/ru/news.atom",
            "https://migration.gov.az/ru/news/2020-results",
        ),
    ] {
        let page = get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(
            page.headers["content-type"],
            "application/atom+xml; charset=utf-8"
        );
        let xml = &page.body;
        assert!(
            xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
            "{path}"
        );
        assert!(
            xml.contains(&format!("<link href=\"{must}\"/>")),
            "{path}: {xml}"
        );
        let ids: Vec<&str> = xml
            .match_indices("<id>")
            .map(|(i, _)| &xml[i + 4..i + xml[i..].find("</id>").unwrap()])
            .collect();
        let unique: HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{path}: ids must be unique");
    }
    // The updates page names the feed in its head.
    let page = get("/en/updates", &[]).await;
    assert!(has_link(&page.body, "alternate", None, "/en/updates.atom"));
    let page = get("/az/news", &[]).await;
    assert!(has_link(&page.body, "alternate", None, "/az/news.atom"));
}

/// The offline parts (docs/adr/0005): the worker with its own policy and scope, the manifest
/// linked from every page, the offline page per language, and the checker's offline page with
/// every question and outcome of the flow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_the_manifest_and_the_offline_pages() {
    {
        let worker = get("/sw.js", &[]).await;
        assert_eq!(worker.status, StatusCode::OK);
        assert_eq!(worker.headers["service-worker-allowed"], "/");
        assert_eq!(worker.headers[header::CACHE_CONTROL], "no-cache");
        assert_eq!(
            worker.headers[header::CONTENT_SECURITY_POLICY],
            smsite::server::worker::POLICY
        );
        assert!(
            worker.body.starts_with("const BUILD = \""),
            "{}",
            &worker.body[..80]
        );
        assert!(worker.body.contains("const SHELL = [\"/pkg/"));
        let etag = worker.headers[header::ETAG].to_str().unwrap().to_string();
        let again = get("/sw.js", &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);

        for lang in LOCALES {
            let home = get(&format!("/{lang}/"), &[]).await;
            let manifest = format!("/{lang}/manifest.webmanifest");
            assert!(
                tags(&home.body, "link")
                    .iter()
                    .any(|l| l.get("rel").map(String::as_str) == Some("manifest")
                        && l["href"] == manifest),
                "{lang}: no manifest link"
            );
            let policy = home.headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap();
            assert!(policy.contains("worker-src 'self'") && policy.contains("manifest-src 'self'"));
            let offline = get(&format!("/{lang}/offline"), &[]).await;
            assert_eq!(offline.status, StatusCode::OK);
            assert!(offline
                .body
                .contains(r#"<meta name="robots" content="noindex">"#));
            assert!(
                offline.body.contains("href=\"tel:"),
                "{lang}: the 919 Call Center"
            );
            assert!(offline.body.contains(&format!("href=\"/{lang}/saved\"")));
        }
        let manifest = get("/ar/manifest.webmanifest", &[]).await;
        assert_eq!(
            manifest.headers[header::CONTENT_TYPE],
            "application/manifest+json"
        );
        assert_eq!(
            get("/xx/manifest.webmanifest", &[]).await.status,
            StatusCode::NOT_FOUND
        );

        let store = smsite::content::store::global();
        for flow in store.flows() {
            let page = get(&format!("/en/check/{}/offline", flow.id), &[]).await;
            assert_eq!(page.status, StatusCode::OK);
            for q in &flow.questions {
                assert!(
                    page.body.contains(&format!("data-step=\"q:{}\"", q.id)),
                    "{}",
                    q.id
                );
            }
            for o in &flow.outcomes {
                assert!(
                    page.body.contains(&format!("data-step=\"o:{}\"", o.id)),
                    "{}",
                    o.id
                );
            }
            assert!(page.body.contains("data-component=\"OfflineChecker"));
        }
    }
}
