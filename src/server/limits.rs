//! The status lookup's limits, kept in the database so that every instance enforces one limit:
//! tries per client address (an IPv6 subscriber's /64 counts as one address), and failed lookups
//! per application number, from any address. A bucket's window opens with its first hit and the
//! row is deleted when it has expired, so a full table cannot lock anyone out: rows only ever
//! count against the address or number they name.
use super::config::Config;
use super::db::{Store, StoreError};
use hmac::Mac;
use sqlx::Row;
use std::net::IpAddr;
use std::time::Duration;

/// Why a lookup was refused before the database was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too many tries from this address: wait `retry_after` seconds.
    Address { retry_after: u64 },
    /// Too many failed tries of this number, from anywhere.
    Number { retry_after: u64 },
}

impl Refusal {
    /// The reason as metrics and logs name it.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Address { .. } => "address",
            Refusal::Number { .. } => "number",
        }
    }

    pub fn retry_after(self) -> u64 {
        match self {
            Refusal::Address { retry_after } | Refusal::Number { retry_after } => retry_after,
        }
    }
}

/// A try of a number, counted before the lookup.
#[derive(Clone, Debug)]
pub struct Reserved {
    bucket: String,
    started: i64,
    /// This try, if it fails, is the last one allowed: the number is locked after it.
    pub locks: bool,
}

#[derive(Clone, Debug)]
pub struct Limits {
    pub per_address: u32,
    pub address_window: Duration,
    pub failures: u32,
    pub lockout: Duration,
    pub feedback_per_address: u32,
    pub feedback_window: Duration,
}

impl Limits {
    pub fn from_config(config: &Config) -> Limits {
        Limits {
            per_address: config.status_limit,
            address_window: config.status_window,
            failures: config.lockout_failures,
            lockout: config.lockout_window,
            feedback_per_address: config.feedback_limit,
            feedback_window: config.feedback_window,
        }
    }

    /// Counts a try from `client`; refused past the limit.
    pub async fn try_address(
        &self,
        store: &Store,
        client: Option<IpAddr>,
        now: i64,
    ) -> Result<Result<(), Refusal>, StoreError> {
        let window = self.address_window.as_secs() as i64;
        let (hits, started) = store.hit(&address_bucket(client), now, window).await?;
        if hits > i64::from(self.per_address) {
            let retry_after = (started + window - now).max(1) as u64;
            return Ok(Err(Refusal::Address { retry_after }));
        }
        Ok(Ok(()))
    }

    /// Counts a feedback form from `client`; refused past the limit. Its own bucket: sending
    /// feedback never uses up status lookups.
    pub async fn try_feedback(
        &self,
        store: &Store,
        client: Option<IpAddr>,
        now: i64,
    ) -> Result<Result<(), u64>, StoreError> {
        let window = self.feedback_window.as_secs() as i64;
        let bucket = format!("feedback:{}", address_key(client));
        let (hits, started) = store.hit(&bucket, now, window).await?;
        if hits > i64::from(self.feedback_per_address) {
            return Ok(Err((started + window - now).max(1) as u64));
        }
        Ok(Ok(()))
    }

    /// Counts a try of `number` (its compact form) before the lookup, refused past the allowed
    /// failures. Reserved first, in one statement, so concurrent tries cannot all slip in before
    /// any is counted; a found application gives its try back (`found`). A number that exists
    /// and one that does not take the same path until the answer.
    pub async fn try_number(
        &self,
        store: &Store,
        number: &str,
        now: i64,
    ) -> Result<Result<Reserved, Refusal>, StoreError> {
        let window = self.lockout.as_secs() as i64;
        let bucket = number_bucket(store, number);
        let (hits, started) = store.hit(&bucket, now, window).await?;
        if hits > i64::from(self.failures) {
            // Whole minutes: the answer must not vary with the second it is asked in.
            let left = (started + window - now).max(1) as u64;
            return Ok(Err(Refusal::Number {
                retry_after: left.div_ceil(60) * 60,
            }));
        }
        Ok(Ok(Reserved {
            bucket,
            started,
            locks: hits == i64::from(self.failures),
        }))
    }

    /// The lookup found the application: its try does not count as a failure.
    pub async fn found(&self, store: &Store, reserved: &Reserved) -> Result<(), StoreError> {
        store.give_back(&reserved.bucket, reserved.started).await
    }

    /// The longest window: rows older than this are of no use.
    pub fn longest(&self) -> Duration {
        self.address_window
            .max(self.lockout)
            .max(self.feedback_window)
    }
}

/// The address a limit counts: IPv4-mapped IPv6 as the IPv4 address it is, IPv6 per /64.
pub fn address_key(client: Option<IpAddr>) -> String {
    match client.map(|c| c.to_canonical()) {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(IpAddr::V4(v4)) => v4.to_string(),
        None => "unknown".into(),
    }
}

fn address_bucket(client: Option<IpAddr>) -> String {
    format!("addr:{}", address_key(client))
}

/// A keyed hash of the number: the table never holds an application number.
fn number_bucket(store: &Store, number: &str) -> String {
    let mut mac = store.mac();
    mac.update(b"failed lookups|");
    mac.update(number.as_bytes());
    format!("fail:{}", super::hex(&mac.finalize().into_bytes()[..16]))
}

/// Seconds since 1970: the counters' clock, and the day `api::today_in_baku` counts from.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Store {
    /// One hit on `bucket`: a new window if the last one has ended. Returns the hits in the
    /// window and when it started. One statement, so instances never race.
    async fn hit(&self, bucket: &str, now: i64, window: i64) -> Result<(i64, i64), StoreError> {
        self.ready().await?;
        let row = sqlx::query(
            "INSERT INTO counters (bucket, started, hits) VALUES ($1, $2, 1) \
             ON CONFLICT (bucket) DO UPDATE SET \
               hits = CASE WHEN counters.started <= $3 THEN 1 ELSE counters.hits + 1 END, \
               started = CASE WHEN counters.started <= $3 THEN $2 ELSE counters.started END \
             RETURNING hits, started",
        )
        .bind(bucket)
        .bind(now)
        .bind(now - window)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.get(0), row.get(1)))
    }

    /// Takes one hit back from `bucket`, if its window is still the one that counted it.
    async fn give_back(&self, bucket: &str, started: i64) -> Result<(), StoreError> {
        self.ready().await?;
        sqlx::query(
            "UPDATE counters SET hits = hits - 1 WHERE bucket = $1 AND started = $2 AND hits > 0",
        )
        .bind(bucket)
        .bind(started)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes counters whose window ended more than `longest` ago. Returns how many.
    pub async fn expire_counters(&self, now: i64, longest: Duration) -> Result<u64, StoreError> {
        self.ready().await?;
        let done = sqlx::query("DELETE FROM counters WHERE started <= $1")
            .bind(now - longest.as_secs() as i64)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        address_key(Some(text.parse().unwrap()))
    }

    #[test]
    fn ipv4_mapped_addresses_count_as_their_ipv4_address() {
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_ne!(key("::ffff:192.0.2.7"), key("::ffff:192.0.2.8"));
        assert_eq!(key("192.0.2.7"), key("::ffff:192.0.2.7"));
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client() {
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
    }
}
