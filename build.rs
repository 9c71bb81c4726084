//! Generates the `i18n` module from locales/*.json (leptos_i18n 0.6 is configured here, not in Cargo.toml).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::{error::Error, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    nav_script_hash()?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    // English first: it is the default and the fallback for a missing key.
    let cfg = Config::new("en")?
        .add_locales(["az", "ru"])?
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
