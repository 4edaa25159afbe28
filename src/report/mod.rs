//! Rendering: every format a person or a machine reads. Nothing upstream
//! formats text; nothing here decides anything.

pub mod diagnostic;
pub mod github;
pub mod html;
pub(crate) mod human;
pub mod json;
pub mod markdown;
pub(crate) mod notes;
pub mod notices;
pub mod rule_tests;
pub mod rules;
pub mod sarif;
pub mod table;
pub mod width;
