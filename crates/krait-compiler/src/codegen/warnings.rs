//! The compiler's `SyntaxWarning`s (CPython 3.11's `compiler_warn` and the
//! checks that call it in `Python/compile.c`).
//!
//! The checks look at the tree as CPython's code generator sees it, after
//! the AST optimizer: so `x is -1` and `x is (1, 2)` compare with a literal
//! (the operand folded to a constant), and `assert (1, "msg")` is a constant
//! tuple. Each warning takes the line of the code being compiled
//! (`c->u->u_lineno`), and nothing is deduplicated: like CPython, a test
//! compiled twice warns twice. The caller prints them (see
//! [`crate::SyntaxWarning`]).

use krait_bytecode::Constant;
use ruff_python_ast::{CmpOp, Expr};

use super::Compiler;
use crate::fold;
use crate::SyntaxWarning;

/// CPython's `infer_type`: the type name of what a display or literal
/// evaluates to, if the expression is one.
fn inferred_type(expr: &Expr) -> Option<&'static str> {
    Some(match expr {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        _ => constant_type(&fold::constant(expr)?),
    })
}

fn constant_type(constant: &Constant) -> &'static str {
    match constant {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

/// `check_is_arg`: whether `is` with this operand is fine (it is not a
/// constant, or it is a singleton).
fn is_fine_identity_operand(expr: &Expr) -> bool {
    !matches!(
        fold::constant(expr),
        Some(Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. })
            | Some(Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_) | Constant::FrozenSet(_))
    )
}

impl<'a> Compiler<'a> {
    /// `compiler_warn`: a `SyntaxWarning` at the current line.
    fn warn(&mut self, message: String) {
        let line = self.unit().loc.line.max(1) as u32;
        self.warnings.push(SyntaxWarning { message, filename: self.filename.to_string(), line });
    }

    /// `check_compare`: `is` or `is not` with a literal operand, reported
    /// once per comparison chain.
    pub fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut left_fine = is_fine_identity_operand(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_fine = is_fine_identity_operand(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_fine && right_fine) {
                let message = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(message.to_string());
                return;
            }
            left_fine = right_fine;
        }
    }

    /// `check_caller`: calling a literal or a display.
    pub fn check_caller(&mut self, func: &Expr) {
        let callable_kind = matches!(
            func,
            Expr::Tuple(_)
                | Expr::List(_)
                | Expr::ListComp(_)
                | Expr::Dict(_)
                | Expr::DictComp(_)
                | Expr::Set(_)
                | Expr::SetComp(_)
                | Expr::Generator(_)
                | Expr::FString(_)
        ) || fold::constant(func).is_some();
        if callable_kind {
            if let Some(name) = inferred_type(func) {
                self.warn(format!("'{name}' object is not callable; perhaps you missed a comma?"));
            }
        }
    }

    /// `check_subscripter` and `check_index`, for a subscript being loaded.
    pub fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let constant = fold::constant(value);
        let not_subscriptable = match &constant {
            Some(Constant::None | Constant::Ellipsis | Constant::Int(_) | Constant::Float(_))
            | Some(Constant::Complex { .. } | Constant::FrozenSet(_)) => true,
            Some(_) => false,
            None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
        };
        if not_subscriptable {
            if let Some(name) = inferred_type(value) {
                self.warn(format!("'{name}' object is not subscriptable; perhaps you missed a comma?"));
            }
            return;
        }
        let Some(index_type) = inferred_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &constant {
            Some(Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => true,
            Some(_) => false,
            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
        };
        if sequence {
            if let Some(name) = inferred_type(value) {
                self.warn(format!(
                    "{name} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `compiler_assert`: a non-empty tuple as the test is always true.
    pub fn check_assert(&mut self, test: &Expr) {
        let always_true = match test {
            Expr::Tuple(tuple) => !tuple.elts.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
    }
}
