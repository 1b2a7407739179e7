//! placeholder
pub mod numeric;
