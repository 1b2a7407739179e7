//! Constant folding, as CPython 3.11's `Python/ast_opt.c`.
//!
//! [`constant`] evaluates an expression at compile time when CPython's AST
//! optimizer would have replaced it by a `Constant`: literals, `__debug__`,
//! unary operators on constants, binary operators on constants (with the
//! optimizer's size limits, so that `2**10000` or `"x" * 10**6` stay
//! operations), and tuples of constants. Anything that would raise
//! (division by zero, a negative shift, `-"s"`) is left alone, and so is
//! anything whose exact result is not obvious to reproduce (float floor
//! division, modulo and powers), which is always safe: the interpreter
//! computes it instead.

use krait_bytecode::Constant;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{Expr, ExprContext, Number, Operator, UnaryOp};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// The value of a Python integer literal (ruff keeps big ones as text).
pub(crate) fn int_literal(int: &ruff_python_ast::Int) -> BigInt {
    if let Some(small) = int.as_u64() {
        return BigInt::from(small);
    }
    let text: String = int.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest.to_string(), 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest.to_string(), 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

/// The literal value of a literal expression, without folding.
pub(crate) fn literal(expr: &Expr) -> Option<Constant> {
    Some(match expr {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Constant::Int(int_literal(i)),
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        _ => return None,
    })
}

/// The constant an expression folds to, if CPython's optimizer folds it.
pub(crate) fn constant(expr: &Expr) -> Option<Constant> {
    match expr {
        Expr::Name(name) if name.ctx == ExprContext::Load && name.id.as_str() == "__debug__" => {
            Some(Constant::Bool(true))
        }
        Expr::UnaryOp(unary) => unary_op(unary.op, &constant(&unary.operand)?),
        Expr::BinOp(bin) => binary_op(bin.op, &constant(&bin.left)?, &constant(&bin.right)?),
        Expr::Tuple(tuple) if tuple.ctx == ExprContext::Load => {
            let items: Option<Vec<Constant>> = tuple.elts.iter().map(constant).collect();
            Some(Constant::Tuple(items?))
        }
        _ => literal(expr),
    }
}

/// Python truthiness of a constant.
pub(crate) fn truthy(constant: &Constant) -> bool {
    match constant {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
    }
}

fn as_int(constant: &Constant) -> Option<BigInt> {
    match constant {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn as_float(constant: &Constant) -> Option<f64> {
    match constant {
        Constant::Float(f) => Some(*f),
        Constant::Int(_) | Constant::Bool(_) => {
            let i = as_int(constant)?;
            // Only where the conversion is exact, to match CPython's rounding.
            if i.bits() <= 53 {
                i.to_f64()
            } else {
                None
            }
        }
        _ => None,
    }
}

fn as_complex(constant: &Constant) -> Option<(f64, f64)> {
    match constant {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => as_float(constant).map(|f| (f, 0.0)),
    }
}

fn unary_op(op: UnaryOp, value: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(value))),
        UnaryOp::USub => match value {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex { real: -real, imag: -imag }),
            _ => as_int(value).map(|i| Constant::Int(-i)),
        },
        UnaryOp::UAdd => match value {
            Constant::Float(_) | Constant::Complex { .. } => Some(value.clone()),
            _ => as_int(value).map(Constant::Int),
        },
        UnaryOp::Invert => as_int(value).map(|i| Constant::Int(-i - 1)),
    }
}

fn collection_len(constant: &Constant) -> Option<usize> {
    match constant {
        Constant::Tuple(items) | Constant::FrozenSet(items) => Some(items.len()),
        _ => None,
    }
}

fn total_items(constant: &Constant) -> usize {
    match constant {
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.len() + items.iter().map(total_items).sum::<usize>()
        }
        _ => 0,
    }
}

fn repeat(sequence: &Constant, count: &BigInt) -> Option<Constant> {
    let n = count.to_i64()?;
    let n = n.max(0) as usize;
    match sequence {
        Constant::Str(s) => {
            if s.chars().count() > 0 && n > MAX_STR_SIZE / s.chars().count() {
                return None;
            }
            Some(Constant::Str(s.repeat(n)))
        }
        Constant::Bytes(b) => {
            if !b.is_empty() && n > MAX_STR_SIZE / b.len() {
                return None;
            }
            Some(Constant::Bytes(b.repeat(n)))
        }
        Constant::Tuple(items) => {
            let size = collection_len(sequence)?;
            if size > 0 && (n > MAX_COLLECTION_SIZE / size || (n > 0 && total_items(sequence) > MAX_TOTAL_ITEMS / n)) {
                return None;
            }
            Some(Constant::Tuple(items.iter().cloned().cycle().take(items.len() * n).collect()))
        }
        _ => None,
    }
}

fn binary_op(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    let is_number = |c: &Constant| {
        matches!(c, Constant::Int(_) | Constant::Bool(_) | Constant::Float(_) | Constant::Complex { .. })
    };
    // Sequences.
    match (op, left, right) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => return Some(Constant::Str(format!("{a}{b}"))),
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            return Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            return Some(Constant::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (Operator::Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), count) => {
            return repeat(left, &as_int(count)?)
        }
        (Operator::Mult, count, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => {
            return repeat(right, &as_int(count)?)
        }
        _ => {}
    }
    if !is_number(left) || !is_number(right) {
        return None;
    }
    let both_bool = matches!((left, right), (Constant::Bool(_), Constant::Bool(_)));
    if let (Some(a), Some(b)) = (as_int(left), as_int(right)) {
        return int_op(op, &a, &b, both_bool);
    }
    if matches!(left, Constant::Complex { .. }) || matches!(right, Constant::Complex { .. }) {
        let (ar, ai) = as_complex(left)?;
        let (br, bi) = as_complex(right)?;
        return match op {
            Operator::Add => Some(Constant::Complex { real: ar + br, imag: ai + bi }),
            Operator::Sub => Some(Constant::Complex { real: ar - br, imag: ai - bi }),
            Operator::Mult if ai == 0.0 && bi == 0.0 => None,
            Operator::Mult => Some(Constant::Complex { real: ar * br - ai * bi, imag: ar * bi + ai * br }),
            _ => None,
        };
    }
    let a = as_float(left)?;
    let b = as_float(right)?;
    match op {
        Operator::Add => Some(Constant::Float(a + b)),
        Operator::Sub => Some(Constant::Float(a - b)),
        Operator::Mult => Some(Constant::Float(a * b)),
        Operator::Div if b != 0.0 => Some(Constant::Float(a / b)),
        _ => None,
    }
}

fn int_op(op: Operator, a: &BigInt, b: &BigInt, both_bool: bool) -> Option<Constant> {
    let int = |i: BigInt| Some(Constant::Int(i));
    match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        Operator::Mult => {
            if a.bits() + b.bits() > MAX_INT_SIZE {
                return None;
            }
            int(a * b)
        }
        Operator::Div => {
            if b.is_zero() || a.bits() > 53 || b.bits() > 53 {
                return None;
            }
            Some(Constant::Float(a.to_f64()? / b.to_f64()?))
        }
        Operator::FloorDiv if !b.is_zero() => int(a.div_floor(b)),
        Operator::Mod if !b.is_zero() => int(a.mod_floor(b)),
        Operator::Pow => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let wbits = b.to_u64()?;
                if a.bits() > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            int(num_traits::pow::pow(a.clone(), b.to_usize()?))
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let wbits = b.to_u64()?;
                if wbits > MAX_INT_SIZE || a.bits() > MAX_INT_SIZE - wbits {
                    return None;
                }
            }
            int(a << b.to_usize()?)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let shift = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
            int(a >> shift)
        }
        Operator::BitAnd if both_bool => Some(Constant::Bool(!(a & b).is_zero())),
        Operator::BitOr if both_bool => Some(Constant::Bool(!(a | b).is_zero())),
        Operator::BitXor if both_bool => Some(Constant::Bool(!(a ^ b).is_zero())),
        Operator::BitAnd => int(a & b),
        Operator::BitOr => int(a | b),
        Operator::BitXor => int(a ^ b),
        _ => None,
    }
}
