//! Splits a content file into its TOML front matter (between `+++` lines) and Markdown body.

/// `(front matter, body)`, or a message saying what is wrong with the file's shape.
pub fn split(text: &str) -> Result<(&str, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a `+++` line (TOML front matter)")?;
    let end = rest
        .find("\n+++")
        .ok_or("the front matter has no closing `+++` line")?;
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    Ok((front, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let (front, body) = split("+++\ntitle = \"x\"\n+++\n\n## Body\n").unwrap();
        assert_eq!(front, "title = \"x\"\n");
        assert_eq!(body, "## Body\n");
    }

    #[test]
    fn names_what_is_missing() {
        assert!(split("title = 1").unwrap_err().contains("must start"));
        assert!(split("+++\ntitle = 1\n").unwrap_err().contains("closing"));
    }
}
