//! Redirects into a locale: `/` by the visitor's preference, `/en` to `/en/`, `/en/x/` to `/en/x`;
//! and the cookie that remembers the language of the last page read.
use crate::locale::{self, LOCALE_COOKIE};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// `GET /`: the cookie the visitor set by choosing a language wins, then Accept-Language.
pub async fn root(headers: HeaderMap) -> Response {
    let cookie = cookie_value(&headers, LOCALE_COOKIE);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let target = format!("/{}/", locale::negotiate(cookie, accept));
    let mut response = redirect(StatusCode::FOUND, &target);
    // The answer depends on these request headers; caches must not share it.
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    response
}

/// A permanent redirect to the canonical form of a path, if it is not canonical:
/// `/en` → `/en/` (the locale's home) and `/en/contact/` → `/en/contact`.
/// `//en/x` (extra slashes at the start) → `/en/x`.
pub fn canonical_redirect(uri: &Uri) -> Option<Response> {
    // One leading slash: `//en` as a Location would be another host (protocol-relative).
    let path = format!("/{}", uri.path().trim_start_matches(['/', '\\']));
    let path = path.as_str();
    let target = match locale::from_path(path) {
        Some(l) if path.len() == 1 + l.len() => format!("{path}/"),
        Some(l) if path.len() > 2 + l.len() && path.ends_with('/') => {
            path.trim_end_matches('/').to_string()
        }
        Some(_) if path != uri.path() => path.to_string(),
        _ => return None,
    };
    let target = match uri.query() {
        Some(q) => format!("{target}?{q}"),
        None => target,
    };
    Some(redirect(StatusCode::PERMANENT_REDIRECT, &target))
}

/// Middleware: a page read in a language makes that language the visitor's preference, so `/`
/// opens in it next time. Pages fetched by nav.js come through here too, so a language switch
/// with JavaScript is remembered the same way. Only sent when the preference changes.
pub async fn remember_locale(request: Request, next: Next) -> Response {
    let cookie = new_locale_cookie(request.uri().path(), request.headers());
    let mut response = next.run(request).await;
    if let Some(value) = cookie {
        if response.status() == StatusCode::OK {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The `Set-Cookie` a page of this path sends: its language, when the request's cookie does not
/// already say it.
pub fn new_locale_cookie(path: &str, request: &HeaderMap) -> Option<HeaderValue> {
    let page_locale = locale::from_path(path)?;
    if cookie_value(request, LOCALE_COOKIE) == Some(page_locale) {
        return None;
    }
    let secure = crate::components::page_meta::PUBLIC_ORIGIN.starts_with("https://");
    HeaderValue::from_str(&locale::cookie(page_locale, secure)).ok()
}

fn redirect(status: StatusCode, target: &str) -> Response {
    // Only ever a path on this site: never `//host` or `/\host`, which browsers read as a host.
    let target = format!("/{}", target.trim_start_matches(['/', '\\']));
    match HeaderValue::from_str(&target) {
        Ok(location) => (status, [(header::LOCATION, location)]).into_response(),
        // Only reachable with a path that is not a valid header value; say no rather than panic.
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locale_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; i18n_pref_locale=ru; b=2"),
        );
        assert_eq!(cookie_value(&headers, LOCALE_COOKIE), Some("ru"));
        assert_eq!(cookie_value(&headers, "missing"), None);
    }

    #[test]
    fn only_non_canonical_paths_redirect() {
        let to = |p: &str| {
            canonical_redirect(&p.parse().unwrap())
                .map(|r| r.headers()[header::LOCATION].to_str().unwrap().to_string())
        };
        assert_eq!(to("/en").as_deref(), Some("/en/"));
        assert_eq!(to("/ru?x=1").as_deref(), Some("/ru/?x=1"));
        assert_eq!(to("/az/contact/").as_deref(), Some("/az/contact"));
        assert_eq!(to("/az/"), None);
        assert_eq!(to("/az/contact"), None);
        assert_eq!(to("/pkg/smsite.js"), None);
        // Never a protocol-relative Location (another host).
        assert_eq!(to("//en/").as_deref(), Some("/en/"));
        assert_eq!(to("//en").as_deref(), Some("/en/"));
        assert_eq!(to("///evil.example/en/").as_deref(), None);
        assert_eq!(to("//en/contact").as_deref(), Some("/en/contact"));
    }
}
