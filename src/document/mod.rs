//! The parsed postmortem: everything pm reads from a file goes through here.

pub mod front_matter;
