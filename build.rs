//! Generates the `i18n` module from locales/*.json (leptos_i18n 0.6 is configured here, not in Cargo.toml).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::{error::Error, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    nav_script_hash()?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?);
    let codes = locales_module(&out_dir)?;
    let out = out_dir.join("i18n");
    // English first: it is the default and the fallback for a missing key.
    let cfg = Config::new("en")?
        .add_locales(codes.iter().filter(|c| *c != "en"))?
        .parse_options(ParseOptions::default().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}

/// `SMSITE_NAV_HASH`: a hash of src/islands/nav.js for its file name, so a changed script gets a
/// new address and the old one can be cached for a year (FNV-1a, 64 bits: a name, not a seal).
fn nav_script_hash() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/islands/nav.js");
    let text = std::fs::read("src/islands/nav.js")?;
    let hash = text.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("cargo::rustc-env=SMSITE_NAV_HASH={hash:016x}");
    Ok(())
}

/// `locales.rs` in OUT_DIR from content/locales.toml: the codes and what the site needs to know
/// of each before any content is read (src/locale.rs includes it). Returns the codes.
fn locales_module(out_dir: &std::path::Path) -> Result<Vec<String>, Box<dyn Error>> {
    println!("cargo::rerun-if-changed=content/locales.toml");
    let text = std::fs::read_to_string("content/locales.toml")?;
    let table: toml::Table = text.parse()?;
    let list = table
        .get("locales")
        .and_then(|v| v.as_array())
        .ok_or("content/locales.toml: no [[locales]]")?;
    let mut codes = Vec::new();
    let mut infos = String::new();
    for entry in list {
        let field = |k: &str| -> Result<String, Box<dyn Error>> {
            Ok(entry
                .get(k)
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("content/locales.toml: a locale has no `{k}`"))?
                .to_string())
        };
        let code = field("code")?;
        let rtl = entry.get("rtl").and_then(|v| v.as_bool()).unwrap_or(false);
        let digits = entry
            .get("digits")
            .and_then(|v| v.as_str())
            .unwrap_or("latn");
        if digits != "latn" && digits != "arabext" {
            return Err(
                format!("content/locales.toml: {code}: digits must be latn or arabext").into(),
            );
        }
        infos.push_str(&format!(
            "    LocaleInfo {{ code: {code:?}, name: {:?}, tag: {:?}, og: {:?}, rtl: {rtl}, persian_digits: {} }},\n",
            field("name")?,
            field("tag")?,
            field("og")?,
            digits == "arabext"
        ));
        codes.push(code);
    }
    let quoted: Vec<String> = codes.iter().map(|c| format!("{c:?}")).collect();
    let module = format!(
        "/// Every locale the site is published in, in the language switcher's order.\npub const LOCALES: [&str; {n}] = [{list}];\n\nconst INFOS: [LocaleInfo; {n}] = [\n{infos}];\n",
        n = codes.len(),
        list = quoted.join(", ")
    );
    std::fs::write(out_dir.join("locales.rs"), module)?;
    Ok(codes)
}
