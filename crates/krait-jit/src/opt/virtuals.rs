//! (in progress)

use super::PassResult;
use crate::ir::Trace;

/// Run the pass.
pub fn run(_trace: &mut Trace) -> PassResult {
    Ok(())
}
