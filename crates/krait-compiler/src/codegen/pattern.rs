//! `match` statements (PEP 634), as CPython 3.11's `compiler_match`.

use ruff_python_ast as ast;

use super::{CResult, Compiler};

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, match_: &'a ast::StmtMatch) -> CResult {
        Err(self.error("match statements are not supported yet", match_.range))
    }
}
