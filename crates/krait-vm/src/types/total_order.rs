//! Sorting without Python code: keys whose `<` is a total order.
//!
//! `list.sort` compares keys with `<` only, and a key's `__lt__` may run
//! Python code, raise, or be inconsistent, so the general sort is a merge
//! sort that can stop on an error. But most sorts are of small ints, exact
//! strs, exact non-NaN floats, or exact tuples of those with the same kind
//! at each position: there `<` is a total order that Rust can compute, and
//! a stable sort by it gives exactly the order Python's would. This module
//! recognises such keys (one pass over them) and sorts them with the
//! standard library's stable sort.

use std::cmp::Ordering;

use crate::types::float::{as_f64, exact_f64};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

/// The kind of a scalar key (or of every item at one tuple position).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Str,
    Float,
}

fn scalar_kind(vm: &Vm, v: Value) -> Option<Kind> {
    if v.is_small_int() {
        Some(Kind::Int)
    } else if vm.is_exact(v, vm.types.str) {
        Some(Kind::Str)
    } else if let Some(x) = exact_f64(vm, v) {
        (!x.is_nan()).then_some(Kind::Float)
    } else {
        None
    }
}

/// Merge `kind` into the kind seen so far at one position.
fn agree(seen: &mut Option<Kind>, kind: Kind) -> bool {
    match *seen {
        None => {
            *seen = Some(kind);
            true
        }
        Some(k) => k == kind,
    }
}

/// Whether every key is a scalar of one kind, or every key is an exact
/// tuple of scalars with one kind per position.
fn totally_ordered(vm: &Vm, keys: impl Iterator<Item = Value>) -> bool {
    let mut scalar = None;
    let mut positions: Vec<Option<Kind>> = Vec::new();
    let mut tuples = false;
    for key in keys {
        if vm.is_exact(key, vm.types.tuple) {
            tuples = true;
            let Some(tuple) = key.downcast::<PyTuple>() else {
                return false;
            };
            for (i, &item) in tuple.as_slice().iter().enumerate() {
                if positions.len() <= i {
                    positions.push(None);
                }
                match scalar_kind(vm, item) {
                    Some(kind) if agree(&mut positions[i], kind) => {}
                    _ => return false,
                }
            }
        } else {
            match scalar_kind(vm, key) {
                Some(kind) if agree(&mut scalar, kind) => {}
                _ => return false,
            }
        }
        if tuples && scalar.is_some() {
            return false;
        }
    }
    true
}

/// The order of two scalars of the same kind.
fn compare_scalars(a: Value, b: Value) -> Ordering {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return x.cmp(&y);
    }
    if let (Some(x), Some(y)) = (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        return x.as_str().cmp(y.as_str());
    }
    match (as_f64(a), as_f64(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}

fn compare_keys(a: Value, b: Value) -> Ordering {
    match (a.downcast::<PyTuple>(), b.downcast::<PyTuple>()) {
        (Some(x), Some(y)) => {
            let (xs, ys) = (x.as_slice(), y.as_slice());
            xs.iter()
                .zip(ys)
                .map(|(&p, &q)| compare_scalars(p, q))
                .find(|o| o.is_ne())
                .unwrap_or(xs.len().cmp(&ys.len()))
        }
        _ => compare_scalars(a, b),
    }
}

/// Sort (key, value) pairs stably by key if the keys are totally ordered
/// without Python code; false (pairs untouched) otherwise.
pub fn sort_pairs(vm: &Vm, pairs: &mut [(Value, Value)]) -> bool {
    if !totally_ordered(vm, pairs.iter().map(|&(k, _)| k)) {
        return false;
    }
    pairs.sort_by(|(a, _), (b, _)| compare_keys(*a, *b));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_must_agree_per_position() {
        let mut seen = None;
        assert!(agree(&mut seen, Kind::Int));
        assert!(agree(&mut seen, Kind::Int));
        assert!(!agree(&mut seen, Kind::Str));
    }

    #[test]
    fn small_ints_compare_numerically() {
        assert_eq!(compare_keys(Value::from_small(-3), Value::from_small(2)), Ordering::Less);
        assert_eq!(compare_keys(Value::from_small(5), Value::from_small(5)), Ordering::Equal);
    }
}
