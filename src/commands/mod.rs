//! One module per subcommand: glue from the parsed arguments to the library.

pub mod config;
pub mod docs;
pub mod hook;
pub mod init;
pub mod lint;
pub mod new;
pub mod rules;
pub mod templates;
