//! Helpers shared by the integration tests (each test file that needs them says `mod common;`).

pub mod contrast;
pub mod keys;
pub mod persona;
pub mod prices;
pub mod pty;
pub mod scratch;
pub mod screenshot;
pub mod sweep;
