//! The `canvass` binary: parse the command line, set up logging, dispatch.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CANVASS_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = canvass::cli::Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match canvass::cli::run(cli, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            for line in e.details() {
                eprintln!("  {line}");
            }
            ExitCode::FAILURE
        }
    }
}
