fn main() {
    println!("cargo:rerun-if-changed=migrations");
    // Tests that need PostgreSQL carry
    // `#[cfg_attr(not(canvass_pg_tests), ignore = "needs CANVASS_TEST_POSTGRES_URL")]`:
    // without the server they are reported as ignored, not as passed, and
    // `.ci/run` checks that each one ran. Setting or clearing the variable
    // rebuilds the crate.
    println!("cargo::rustc-check-cfg=cfg(canvass_pg_tests)");
    println!("cargo:rerun-if-env-changed=CANVASS_TEST_POSTGRES_URL");
    if std::env::var_os("CANVASS_TEST_POSTGRES_URL").is_some_and(|url| !url.is_empty()) {
        println!("cargo:rustc-cfg=canvass_pg_tests");
    }
}
