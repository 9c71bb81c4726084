//! The site's main sections, in navigation order. Plain Rust: routes, the header navigation,
//! the home page and the tests all read this one list.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Procedures,
    Check,
    Status,
    Visit,
    Invest,
    News,
    Contact,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Procedures,
        Section::Check,
        Section::Status,
        Section::Visit,
        Section::Invest,
        Section::News,
        Section::Contact,
    ];

    /// The URL segment after the locale: `/en/<slug>`.
    pub const fn slug(self) -> &'static str {
        match self {
            Section::Procedures => "procedures",
            Section::Check => "check",
            Section::Status => "status",
            Section::Visit => "visit",
            Section::Invest => "invest",
            Section::News => "news",
            Section::Contact => "contact",
        }
    }

    pub fn path(self, locale: &str) -> String {
        format!("/{locale}/{}", self.slug())
    }

    /// The section a path belongs to, for marking the current navigation item.
    pub fn from_path(path: &str) -> Option<Section> {
        let rest = crate::locale::strip_prefix(path);
        let first = rest.trim_start_matches('/').split('/').next()?;
        Section::ALL.into_iter().find(|s| s.slug() == first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique() {
        let mut slugs: Vec<_> = Section::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Section::ALL.len());
    }

    #[test]
    fn current_section_from_path() {
        assert_eq!(Section::from_path("/ru/status"), Some(Section::Status));
        assert_eq!(
            Section::from_path("/ru/news/2020-results"),
            Some(Section::News)
        );
        assert_eq!(Section::from_path("/ru/"), None);
    }
}
