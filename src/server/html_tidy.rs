//! Pages as Leptos writes them, made valid HTML: without the hydration-data scripts it appends
//! after `</html>` (inline scripts the page policy would refuse, and a fatal error for an HTML
//! checker) and the empty `<script>` leptos_i18n leaves in the body; and with its `<!>` markers
//! written `<!---->`, the same empty comment to a browser (and to hydration) but not a "bogus
//! comment". Islands read no hydration data: their props are attributes, and nav.js defines
//! the globals the wasm expects.
use super::caching::is_html;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Larger pages are not tidied rather than held in memory (none comes near).
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn layer(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    if !is_html(response.headers()) || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(tidy(text)))
}

/// The page up to its `</html>`, without empty `<script></script>` elements, with `<!>` as
/// `<!---->`. (Leptos escapes `<` in text; a raw `<!>` is only ever one of its markers.)
pub fn tidy(page: &str) -> String {
    let end = page
        .rfind("</html>")
        .map_or(page.len(), |at| at + "</html>".len());
    page[..end]
        .replace("<script></script>", "")
        .replace("<!>", "<!---->")
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn nothing_after_the_document_no_empty_scripts_and_no_bogus_comments() {
        let page = "<!DOCTYPE html><html><body><p>a<!>b</p><script></script></body></html>\
                    <script nonce=\"n\">__RESOLVED_RESOURCES=[];</script>";
        assert_eq!(
            tidy(page),
            "<!DOCTYPE html><html><body><p>a<!---->b</p></body></html>"
        );
        assert_eq!(tidy("<p>no document</p>"), "<p>no document</p>");
    }
}
