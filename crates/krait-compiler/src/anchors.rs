//! Caret anchors for tracebacks.
//!
//! CPython 3.11 underlines the failing expression of a traceback line, and
//! for a binary operation or a subscript marks the operator (or the
//! brackets) with `^` and the operands with `~` (`traceback.c`'s
//! `extract_anchors_from_line`). This finds those anchors in the text of the
//! expression by parsing it, as CPython does.

use ruff_python_ast::{Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

/// For the source text of one expression, the character offsets (from its
/// start) where the `^` part begins and ends, if it is a binary operation
/// or a subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(segment, options);
    if !parsed.errors().is_empty() {
        return None;
    }
    let Mod::Module(module) = parsed.syntax() else { return None };
    let [Stmt::Expr(statement)] = module.body.as_slice() else { return None };
    let bytes = segment.as_bytes();
    let (left, right) = match statement.value.as_ref() {
        Expr::BinOp(binop) => {
            let left_end = binop.left.range().end().to_usize();
            let right_start = binop.right.range().start().to_usize();
            let between = &segment[left_end..right_start];
            let offset = between.len() - between.trim_start().len();
            let mut left = left_end + offset;
            let mut right = left + 1;
            if offset + 1 < between.len() && !between.as_bytes()[offset + 1].is_ascii_whitespace() {
                right += 1;
            }
            while left < bytes.len()
                && (bytes[left].is_ascii_whitespace() || bytes[left] == b')' || bytes[left] == b'#')
            {
                left += 1;
                right += 1;
            }
            (left, right)
        }
        Expr::Subscript(subscript) => {
            let mut left = subscript.value.range().end().to_usize();
            let mut right = subscript.slice.range().end().to_usize() + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            (left, right)
        }
        _ => return None,
    };
    let chars = |byte: usize| segment[..byte.min(segment.len())].chars().count();
    Some((chars(left), chars(right)))
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operator_is_the_primary_anchor() {
        assert_eq!(caret_anchors("1/0"), Some((1, 2)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("(x) + y"), Some((4, 5)));
    }

    #[test]
    fn subscript_brackets_are_the_primary_anchor() {
        assert_eq!(caret_anchors("{}[\"k\"]"), Some((2, 7)));
        assert_eq!(caret_anchors("a.b"), None);
        assert_eq!(caret_anchors("f(x"), None);
    }
}
