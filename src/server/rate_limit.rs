//! A per-client limit on status lookups, so nobody can try numbers and dates of birth in bulk:
//! at most `limit` requests per fixed window of `window` seconds from one address (IPv6: one
//! /64, which is what one subscriber gets). The table of clients is bounded: when it is full of
//! clients still inside their window, new ones wait, so spreading tries over many addresses
//! cannot grow it or reset it.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most clients tracked at once.
const MAX_CLIENTS: usize = 100_000;

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    seen: Mutex<Clients>,
}

struct Clients {
    by_key: HashMap<Option<IpAddr>, (Instant, u32)>,
    last_pruned: Instant,
}

/// IPv6 addresses count per /64.
fn key(client: Option<IpAddr>) -> Option<IpAddr> {
    match client {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            Some(IpAddr::V6(std::net::Ipv6Addr::new(
                s[0], s[1], s[2], s[3], 0, 0, 0, 0,
            )))
        }
        other => other,
    }
}

impl RateLimiter {
    pub fn new(limit: u32, window_secs: u64) -> Self {
        RateLimiter {
            limit,
            window: Duration::from_secs(window_secs),
            seen: Mutex::new(Clients {
                by_key: HashMap::new(),
                last_pruned: Instant::now(),
            }),
        }
    }

    /// `Ok` to go ahead, or `Err(seconds)` to wait before asking again.
    pub fn check(&self, client: Option<IpAddr>) -> Result<(), u64> {
        let now = Instant::now();
        let window = self.window;
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        // Forget finished windows once a window, so the table stays small without a scan per request.
        if now.duration_since(seen.last_pruned) >= window {
            seen.by_key
                .retain(|_, (start, _)| now.duration_since(*start) < window);
            seen.last_pruned = now;
        }
        let key = key(client);
        if !seen.by_key.contains_key(&key) && seen.by_key.len() >= MAX_CLIENTS {
            return Err(window.as_secs().max(1));
        }
        let entry = seen.by_key.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            // Rounded up: waiting exactly this long is enough.
            let left = window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_millis().div_ceil(1000).max(1) as u64);
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_per_address() {
        let limiter = RateLimiter::new(2, 60);
        let a = Some("10.0.0.1".parse().unwrap());
        let b = Some("10.0.0.2".parse().unwrap());
        assert_eq!(limiter.check(a), Ok(()));
        assert_eq!(limiter.check(a), Ok(()));
        let wait = limiter.check(a).unwrap_err();
        assert!((1..=60).contains(&wait));
        assert_eq!(limiter.check(b), Ok(()));
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client() {
        let limiter = RateLimiter::new(1, 60);
        assert_eq!(
            limiter.check(Some("2001:db8:1:2::1".parse().unwrap())),
            Ok(())
        );
        assert!(limiter
            .check(Some("2001:db8:1:2:ffff::9".parse().unwrap()))
            .is_err());
        assert_eq!(
            limiter.check(Some("2001:db8:1:3::1".parse().unwrap())),
            Ok(())
        );
    }
}
