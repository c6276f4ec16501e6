//! What the listing commands (`packs`, `questions`) share: the data loaded once, then either their
//! text or their JSON listing (docs/json-schema.md).

use std::process::ExitCode;

use tradeoff::pack::{Catalog, Use};

use super::job::Data;
use super::out::{Failure, print_out};
use crate::cli::ListFormat;

/// Loads the data and prints `text` of it, or the JSON that `json` prints.
pub fn run(
    data: &Data,
    format: ListFormat,
    text: impl FnOnce(&Catalog) -> String,
    json: impl FnOnce(&Catalog) -> Result<ExitCode, Failure>,
) -> Result<ExitCode, Failure> {
    let catalog = data.load(Use::Score)?;
    match format {
        ListFormat::Text => print_out(&text(&catalog)),
        ListFormat::Json => json(&catalog),
    }
}
