//! One module per subcommand: glue from the parsed arguments to the library.

pub mod new;
pub mod templates;
