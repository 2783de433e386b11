//! Scaffolding: the template registry, rendering a new postmortem, naming its
//! file and writing it safely.

pub mod naming;
pub mod registry;
pub mod render;
