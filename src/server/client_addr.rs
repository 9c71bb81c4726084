//! Who is asking: the client's address, for the limits. Behind proxies (`SMSITE_TRUSTED_PROXIES`
//! = how many), each proxy appends the address it saw to `X-Forwarded-For`, so the client is that
//! many entries from the right; everything left of it was written by the client and is ignored.
use axum::extract::ConnectInfo;
use axum::http::{request::Parts, HeaderMap};
use std::net::{IpAddr, SocketAddr};

/// The client of a request: the peer, or the address `trusted` proxies from the right of every
/// `X-Forwarded-For` line joined. A header shorter than the proxy chain (a proxy that did not
/// append) falls back to the peer. An entry that is no address is no client: `None`, one bucket
/// for all such requests, so a client cannot make itself a fresh one.
pub fn client_address(headers: &HeaderMap, peer: Option<IpAddr>, trusted: usize) -> Option<IpAddr> {
    let peer = peer.map(|p| p.to_canonical());
    if trusted == 0 {
        return peer;
    }
    // Raw bytes, split at commas: a line with a byte that is not ASCII must still count its
    // entries, or the client could make the proxy's own entry disappear.
    let hops: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .map(|h| h.trim_ascii())
        .filter(|h| !h.is_empty())
        .collect();
    let Some(entry) = hops.len().checked_sub(trusted).map(|i| hops[i]) else {
        return peer;
    };
    std::str::from_utf8(entry)
        .ok()
        .and_then(parse)
        .map(|ip| ip.to_canonical())
}

/// `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// The client of a request, from its parts.
pub fn client_of(parts: &Parts, trusted: usize) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    client_address(&parts.headers, peer, trusted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(lines: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for l in lines {
            h.append("x-forwarded-for", HeaderValue::from_str(l).unwrap());
        }
        h
    }

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let h = with(&["203.0.113.9"]);
        assert_eq!(client_address(&h, ip("10.0.0.1"), 0), ip("10.0.0.1"));
    }

    #[test]
    fn the_client_is_counted_from_the_right_of_all_lines() {
        // The client wrote "1.1.1.1"; the one proxy appended the address it saw.
        let h = with(&["1.1.1.1", "203.0.113.9"]);
        assert_eq!(client_address(&h, ip("10.0.0.1"), 1), ip("203.0.113.9"));
        let h = with(&["1.1.1.1, 203.0.113.9, 10.0.0.2"]);
        assert_eq!(client_address(&h, ip("10.0.0.1"), 2), ip("203.0.113.9"));
        let h = with(&["[2001:db8::1]:4711"]);
        assert_eq!(client_address(&h, None, 1), ip("2001:db8::1"));
    }

    #[test]
    fn a_short_or_broken_header_falls_back_to_the_peer() {
        assert_eq!(
            client_address(&with(&[]), ip("10.0.0.1"), 1),
            ip("10.0.0.1")
        );
        let h = with(&["203.0.113.9"]);
        assert_eq!(client_address(&h, ip("10.0.0.1"), 2), ip("10.0.0.1"));
        let h = with(&["not an address"]);
        assert_eq!(client_address(&h, ip("10.0.0.1"), 1), None);
    }

    #[test]
    fn a_line_with_other_bytes_still_counts_its_entries() {
        let mut h = HeaderMap::new();
        h.append(
            "x-forwarded-for",
            HeaderValue::from_bytes(b"\xff\xfe, 203.0.113.9").unwrap(),
        );
        assert_eq!(client_address(&h, ip("10.0.0.1"), 1), ip("203.0.113.9"));
        assert_eq!(client_address(&h, ip("10.0.0.1"), 2), None);
    }

    #[test]
    fn a_mapped_peer_is_its_ipv4_address() {
        assert_eq!(
            client_address(&with(&[]), ip("::ffff:192.0.2.7"), 0),
            ip("192.0.2.7")
        );
    }
}
