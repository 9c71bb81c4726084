//! Application numbers: `TR-2026-004217-K` = procedure, year, serial, check character.
//! The check character (ISO 7064 MOD 37,36) catches every mistyped character and every swap of
//! two neighbours, so a typo is refused before anything is looked up.
use serde::{Deserialize, Serialize};

/// The procedures an application can be for, with the two letters that start its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    Registration,
    Extension,
    TemporaryResidence,
    PermanentResidence,
    WorkPermit,
    RefugeeStatus,
    TravelDocument,
}

impl Procedure {
    pub const ALL: [Procedure; 7] = [
        Procedure::Registration,
        Procedure::Extension,
        Procedure::TemporaryResidence,
        Procedure::PermanentResidence,
        Procedure::WorkPermit,
        Procedure::RefugeeStatus,
        Procedure::TravelDocument,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Procedure::Registration => "RG",
            Procedure::Extension => "EX",
            Procedure::TemporaryResidence => "TR",
            Procedure::PermanentResidence => "PR",
            Procedure::WorkPermit => "WP",
            Procedure::RefugeeStatus => "RF",
            Procedure::TravelDocument => "TD",
        }
    }

    /// The snake_case name used in data files and the API.
    pub fn name(self) -> &'static str {
        match self {
            Procedure::Registration => "registration",
            Procedure::Extension => "extension",
            Procedure::TemporaryResidence => "temporary_residence",
            Procedure::PermanentResidence => "permanent_residence",
            Procedure::WorkPermit => "work_permit",
            Procedure::RefugeeStatus => "refugee_status",
            Procedure::TravelDocument => "travel_document",
        }
    }

    pub fn from_code(code: &str) -> Option<Procedure> {
        Procedure::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn from_name(name: &str) -> Option<Procedure> {
        Procedure::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Why a typed number is not an application number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    Missing,
    /// Not two letters, 10 digits and a check character.
    Format,
    /// The letters name no procedure.
    UnknownProcedure,
    /// Well formed, but the check character does not match: a typo.
    CheckCharacter,
}

impl NumberError {
    pub fn code(self) -> &'static str {
        match self {
            NumberError::Missing => "missing",
            NumberError::Format => "format",
            NumberError::UnknownProcedure => "unknown_procedure",
            NumberError::CheckCharacter => "check_character",
        }
    }
}

/// A valid application number, kept in its compact form (`TR2026004217K`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApplicationNumber(String);

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// ISO 7064 MOD 37,36: the character that makes `body` check.
pub fn check_character(body: &str) -> Option<char> {
    let mut p: u32 = 36;
    for c in body.bytes() {
        let mut s = (p + value(c)?) % 36;
        if s == 0 {
            s = 36;
        }
        p = (2 * s) % 37;
    }
    Some(ALPHABET[((37 - p) % 36) as usize] as char)
}

impl ApplicationNumber {
    /// Reads a number as people type it: any case, with or without spaces and dashes.
    pub fn parse(typed: &str) -> Result<ApplicationNumber, NumberError> {
        let compact: String = crate::digits::to_ascii(typed)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–')
            .flat_map(char::to_uppercase)
            .collect();
        if compact.is_empty() {
            return Err(NumberError::Missing);
        }
        let b = compact.as_bytes();
        let shape = b.len() == 13
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && b[2..12].iter().all(u8::is_ascii_digit)
            && b[12].is_ascii_alphanumeric();
        if !shape {
            return Err(NumberError::Format);
        }
        if Procedure::from_code(&compact[..2]).is_none() {
            return Err(NumberError::UnknownProcedure);
        }
        if check_character(&compact[..12]) != Some(b[12] as char) {
            return Err(NumberError::CheckCharacter);
        }
        Ok(ApplicationNumber(compact))
    }

    /// A new number: procedure, year and serial, with its check character.
    pub fn new(procedure: Procedure, year: u32, serial: u32) -> ApplicationNumber {
        let body = format!(
            "{}{:04}{:06}",
            procedure.code(),
            year % 10_000,
            serial % 1_000_000
        );
        let check = check_character(&body).unwrap_or('0');
        ApplicationNumber(format!("{body}{check}"))
    }

    pub fn compact(&self) -> &str {
        &self.0
    }

    pub fn procedure(&self) -> Procedure {
        Procedure::from_code(&self.0[..2]).unwrap_or(Procedure::Registration)
    }

    /// `TR-2026-004217-K`, as printed on the receipt.
    pub fn display(&self) -> String {
        let s = &self.0;
        format!("{}-{}-{}-{}", &s[..2], &s[2..6], &s[6..12], &s[12..])
    }

    /// For logs: the procedure and year only (`TR-2026-******-*`), never the whole number.
    pub fn masked(&self) -> String {
        format!("{}-{}-******-*", &self.0[..2], &self.0[2..6])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_read_as_typed() {
        let n = ApplicationNumber::new(Procedure::TemporaryResidence, 2026, 4217);
        let shown = n.display();
        assert!(shown.starts_with("TR-2026-004217-"), "{shown}");
        assert_eq!(ApplicationNumber::parse(&shown), Ok(n.clone()));
        assert_eq!(
            ApplicationNumber::parse(&shown.to_lowercase().replace('-', " ")),
            Ok(n.clone())
        );
        let persian: String = shown
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .map_or(c, |d| char::from_u32(0x06F0 + d).unwrap_or(c))
            })
            .collect();
        assert_eq!(
            ApplicationNumber::parse(&persian),
            Ok(n.clone()),
            "Persian digits"
        );
        assert_eq!(n.procedure(), Procedure::TemporaryResidence);
        assert_eq!(n.masked(), "TR-2026-******-*");
    }

    #[test]
    fn bad_numbers_say_what_is_wrong() {
        assert_eq!(ApplicationNumber::parse("  "), Err(NumberError::Missing));
        assert_eq!(
            ApplicationNumber::parse("TR-2026-4217"),
            Err(NumberError::Format)
        );
        assert_eq!(
            ApplicationNumber::parse("TR-2026-00421X-K"),
            Err(NumberError::Format)
        );
        let good = ApplicationNumber::new(Procedure::WorkPermit, 2026, 1)
            .compact()
            .to_string();
        let other_letters = format!("QQ{}", &good[2..]);
        assert_eq!(
            ApplicationNumber::parse(&other_letters),
            Err(NumberError::UnknownProcedure)
        );
    }

    /// Every single mistyped character and every swap of two different neighbours is caught.
    #[test]
    fn the_check_character_catches_typos() {
        for serial in [1, 4217, 99_999, 123_456] {
            let good = ApplicationNumber::new(Procedure::Extension, 2026, serial)
                .compact()
                .to_string();
            let chars: Vec<char> = good.chars().collect();
            for i in 2..chars.len() {
                let pool: &[char] = if i < 12 {
                    &['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
                } else {
                    &['0', 'A', 'K', 'Z', '9']
                };
                for &c in pool {
                    if c == chars[i] {
                        continue;
                    }
                    let mut typo = chars.clone();
                    typo[i] = c;
                    let typo: String = typo.into_iter().collect();
                    assert!(
                        ApplicationNumber::parse(&typo).is_err(),
                        "{typo} passed for {good}"
                    );
                }
            }
            for i in 2..chars.len() - 1 {
                if chars[i] == chars[i + 1] {
                    continue;
                }
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                assert!(
                    ApplicationNumber::parse(&swapped).is_err(),
                    "{swapped} passed for {good}"
                );
            }
        }
    }
}
