//! Configuration from environment variables (documented in README.md).
use leptos::config::{get_configuration, LeptosOptions};

/// Leptos's options from the `LEPTOS_*` variables that cargo-leptos sets, with the defaults the
/// release binary needs when it is started on its own (e.g. by `make run` or the test script).
pub fn leptos_options() -> Result<LeptosOptions, String> {
    let mut options = get_configuration(None)
        .map_err(|e| format!("invalid LEPTOS_* configuration: {e}"))?
        .leptos_options;
    if options.output_name.is_empty() {
        // Built by plain cargo (tests), not cargo-leptos: the name is the crate's.
        options.output_name = "smsite".into();
    }
    Ok(options)
}
