//! Integer bounds: what range each int value lies in.
//!
//! One forward walk computes a closed range `[lo, hi]` for every int value:
//! constants are exact, inputs and loads unknown, arithmetic combines the
//! ranges of its operands (when that cannot overflow), `int_and` with a
//! non-negative operand, `int_mod` by a positive divisor and boolean ops
//! (`BOOL` flag) are bounded, array lengths are non-negative. Guards narrow:
//! after `guard_true(int_lt(a, b))`, `a < b` holds, so `a.hi <= b.hi - 1`
//! and `b.lo >= a.lo + 1`; after `guard_value(x, c)`, `x` is `c`.
//!
//! With the ranges:
//!
//! - an `int_*_ovf` whose result range fits in an i64 becomes the plain op
//!   and the `guard_no_overflow` after it is dropped (PyPy's
//!   `optimize_INT_ADD_OVF`): the typical `i + 1` after `i < n` loses its
//!   check, since `i <= n - 1 <= MAX - 1`;
//! - a comparison the ranges decide becomes a constant, and a guard on a
//!   value whose range is one number is removed, or reported when it always
//!   fails.
//!
//! Everything is forgotten at a `label`, except the bounds of the loop's
//! invariant values ([`super::invariant_label_positions`]): a range the
//! preamble proved for a value the loop passes around unchanged holds in
//! every iteration.

use rustc_hash::FxHashMap;

use super::{Forward, InvalidLoop, PassResult};
use crate::ir::opcode::OpFlags;
use crate::ir::{Opcode, Trace, Type, Value};

/// A closed integer range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    /// The least possible value.
    pub lo: i64,
    /// The greatest possible value.
    pub hi: i64,
}

impl Bound {
    /// Any i64.
    pub const UNKNOWN: Bound = Bound { lo: i64::MIN, hi: i64::MAX };

    /// Exactly `c`.
    pub const fn exact(c: i64) -> Bound {
        Bound { lo: c, hi: c }
    }

    fn checked(lo: Option<i64>, hi: Option<i64>) -> Option<Bound> {
        Some(Bound { lo: lo?, hi: hi? })
    }

    /// The range of `a + b`, `None` if it may overflow.
    pub fn plus(self, b: Bound) -> Option<Bound> {
        Bound::checked(self.lo.checked_add(b.lo), self.hi.checked_add(b.hi))
    }

    /// The range of `a - b`, `None` if it may overflow.
    pub fn minus(self, b: Bound) -> Option<Bound> {
        Bound::checked(self.lo.checked_sub(b.hi), self.hi.checked_sub(b.lo))
    }

    /// The range of `a * b`, `None` if it may overflow.
    pub fn times(self, b: Bound) -> Option<Bound> {
        let products = [
            self.lo.checked_mul(b.lo)?,
            self.lo.checked_mul(b.hi)?,
            self.hi.checked_mul(b.lo)?,
            self.hi.checked_mul(b.hi)?,
        ];
        Some(Bound { lo: *products.iter().min()?, hi: *products.iter().max()? })
    }

    fn known(self) -> Option<i64> {
        (self.lo == self.hi).then_some(self.lo)
    }
}

struct State {
    bounds: FxHashMap<Value, Bound>,
    /// Comparisons by their result, to narrow their operands at a guard.
    comparisons: FxHashMap<Value, (Opcode, Value, Value)>,
}

impl State {
    fn get(&self, trace: &Trace, v: Value) -> Bound {
        match trace.const_int_of(v) {
            Some(c) => Bound::exact(c),
            None => self.bounds.get(&v).copied().unwrap_or(Bound::UNKNOWN),
        }
    }

    fn narrow(&mut self, trace: &Trace, v: Value, lo: i64, hi: i64) {
        if v.is_const() {
            return;
        }
        let b = self.get(trace, v);
        self.bounds.insert(v, Bound { lo: b.lo.max(lo), hi: b.hi.min(hi) });
    }

    /// Record that `cmp(a, b)` is `outcome`.
    fn learn(&mut self, trace: &Trace, cmp: Opcode, a: Value, b: Value, outcome: bool) {
        let (ba, bb) = (self.get(trace, a), self.get(trace, b));
        // Normalise to one of a < b, a <= b, a == b (or nothing to learn).
        let rule = match (cmp, outcome) {
            (Opcode::int_lt, true) | (Opcode::int_ge, false) => Some((a, b, ba, bb, 1)),
            (Opcode::int_le, true) | (Opcode::int_gt, false) => Some((a, b, ba, bb, 0)),
            (Opcode::int_gt, true) | (Opcode::int_le, false) => Some((b, a, bb, ba, 1)),
            (Opcode::int_ge, true) | (Opcode::int_lt, false) => Some((b, a, bb, ba, 0)),
            (Opcode::int_eq, true) | (Opcode::int_ne, false) => {
                let (lo, hi) = (ba.lo.max(bb.lo), ba.hi.min(bb.hi));
                self.narrow(trace, a, lo, hi);
                self.narrow(trace, b, lo, hi);
                None
            }
            _ => None,
        };
        // small <= big - gap
        if let Some((small, big, bs, bbig, gap)) = rule {
            self.narrow(trace, small, i64::MIN, bbig.hi.saturating_sub(gap));
            self.narrow(trace, big, bs.lo.saturating_add(gap), i64::MAX);
        }
    }

    /// Decide a comparison from the ranges.
    fn decide(&self, trace: &Trace, cmp: Opcode, a: Value, b: Value) -> Option<bool> {
        let (x, y) = (self.get(trace, a), self.get(trace, b));
        match cmp {
            Opcode::int_lt if x.hi < y.lo => Some(true),
            Opcode::int_lt if x.lo >= y.hi => Some(false),
            Opcode::int_le if x.hi <= y.lo => Some(true),
            Opcode::int_le if x.lo > y.hi => Some(false),
            Opcode::int_gt => self.decide(trace, Opcode::int_lt, b, a),
            Opcode::int_ge => self.decide(trace, Opcode::int_le, b, a),
            Opcode::int_eq | Opcode::int_ne if x.hi < y.lo || y.hi < x.lo => Some(cmp == Opcode::int_ne),
            Opcode::int_eq | Opcode::int_ne => {
                let same = x.known().is_some() && x.known() == y.known();
                same.then_some(cmp == Opcode::int_eq)
            }
            _ => None,
        }
    }
}

fn non_ovf(opcode: Opcode) -> Opcode {
    match opcode {
        Opcode::int_add_ovf => Opcode::int_add,
        Opcode::int_sub_ovf => Opcode::int_sub,
        _ => Opcode::int_mul,
    }
}

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let ops = std::mem::take(&mut trace.ops);
    let invariant = super::invariant_label_positions(&ops);
    let mut fwd = Forward::new();
    let mut st = State { bounds: FxHashMap::default(), comparisons: FxHashMap::default() };
    let mut drop_overflow_guard = false;
    // The bounds of the operands of the jump into a label.
    let mut entry_bounds: Vec<Bound> = Vec::new();
    for (i, mut op) in ops.into_iter().enumerate() {
        fwd.apply(trace, &mut op);
        let at = trace.ops.len();
        let opcode = op.opcode;
        if std::mem::take(&mut drop_overflow_guard) {
            match opcode {
                Opcode::guard_no_overflow => continue,
                _ => {
                    return Err(InvalidLoop {
                        op: at,
                        reason: "guard_overflow after an op that cannot overflow".into(),
                    })
                }
            }
        }
        if opcode == Opcode::jump {
            entry_bounds = op.args.iter().map(|&a| st.get(trace, a)).collect();
        }
        if opcode == Opcode::label {
            st.bounds.clear();
            st.comparisons.clear();
            // Loop-invariant label values keep the preamble's bounds.
            if let Some(invariant) = invariant.get(&i) {
                for (k, &v) in op.args.iter().enumerate() {
                    if invariant[k] && entry_bounds[k] != Bound::UNKNOWN {
                        st.bounds.insert(v, entry_bounds[k]);
                    }
                }
            }
        }
        if opcode.flags().contains(OpFlags::OVF) {
            let (a, b) = (st.get(trace, op.args[0]), st.get(trace, op.args[1]));
            let exact = match opcode {
                Opcode::int_add_ovf => a.plus(b),
                Opcode::int_sub_ovf => a.minus(b),
                _ => a.times(b),
            };
            if let Some(bound) = exact {
                op.opcode = non_ovf(opcode);
                drop_overflow_guard = true;
                st.bounds.insert(op.result.expect("arithmetic has a result"), bound);
            }
            trace.ops.push(op);
            continue;
        }
        match opcode {
            Opcode::int_lt | Opcode::int_le | Opcode::int_gt | Opcode::int_ge | Opcode::int_eq | Opcode::int_ne => {
                let result = op.result.expect("comparisons have a result");
                if let Some(outcome) = st.decide(trace, opcode, op.args[0], op.args[1]) {
                    let c = trace.const_int(outcome as i64);
                    fwd.set(result, c);
                    continue;
                }
                st.comparisons.insert(result, (opcode, op.args[0], op.args[1]));
            }
            Opcode::guard_true | Opcode::guard_false => {
                let x = op.args[0];
                let outcome = opcode == Opcode::guard_true;
                match st.get(trace, x).known() {
                    Some(c) if (c != 0) == outcome => continue,
                    Some(_) => {
                        return Err(InvalidLoop { op: at, reason: format!("{} on a decided value", opcode.name()) })
                    }
                    None => {}
                }
                if let Some(&(cmp, a, b)) = st.comparisons.get(&x) {
                    st.learn(trace, cmp, a, b, outcome);
                }
                if outcome {
                    if st.get(trace, x).lo >= 0 {
                        st.narrow(trace, x, 1, i64::MAX);
                    }
                } else {
                    st.narrow(trace, x, 0, 0);
                }
            }
            Opcode::guard_value if trace.ty(op.args[0]) == Type::Int => {
                if let Some(c) = trace.const_int_of(op.args[1]) {
                    let b = st.get(trace, op.args[0]);
                    if b.known() == Some(c) {
                        continue;
                    }
                    if c < b.lo || c > b.hi {
                        return Err(InvalidLoop { op: at, reason: "guard_value outside the range".into() });
                    }
                    st.narrow(trace, op.args[0], c, c);
                }
            }
            _ => {}
        }
        if let Some(result) = op.result {
            if trace.ty(result) == Type::Int {
                let bound = result_bound(trace, &st, opcode, &op.args);
                if bound != Bound::UNKNOWN {
                    st.bounds.insert(result, bound);
                }
            }
        }
        trace.ops.push(op);
    }
    Ok(())
}

fn result_bound(trace: &Trace, st: &State, opcode: Opcode, args: &[Value]) -> Bound {
    if opcode.flags().contains(OpFlags::BOOL) {
        return Bound { lo: 0, hi: 1 };
    }
    let arg = |k: usize| st.get(trace, args[k]);
    match opcode {
        Opcode::int_add => arg(0).plus(arg(1)).unwrap_or(Bound::UNKNOWN),
        Opcode::int_sub => arg(0).minus(arg(1)).unwrap_or(Bound::UNKNOWN),
        Opcode::int_mul => arg(0).times(arg(1)).unwrap_or(Bound::UNKNOWN),
        Opcode::int_and => {
            let (a, b) = (arg(0), arg(1));
            match (a.lo >= 0, b.lo >= 0) {
                (true, true) => Bound { lo: 0, hi: a.hi.min(b.hi) },
                (true, false) => Bound { lo: 0, hi: a.hi },
                (false, true) => Bound { lo: 0, hi: b.hi },
                (false, false) => Bound::UNKNOWN,
            }
        }
        Opcode::int_mod if arg(1).lo > 0 => Bound { lo: 0, hi: arg(1).hi - 1 },
        Opcode::int_rshift if arg(0).lo >= 0 && arg(1).lo >= 0 && arg(1).hi < 64 => {
            Bound { lo: 0, hi: arg(0).hi >> arg(1).lo }
        }
        Opcode::uint_rshift if arg(1).lo >= 1 && arg(1).hi < 64 => Bound { lo: 0, hi: i64::MAX >> (arg(1).lo - 1) },
        Opcode::int_neg if arg(0).lo != i64::MIN => Bound { lo: -arg(0).hi, hi: -arg(0).lo },
        Opcode::arraylen_gc => Bound { lo: 0, hi: i64::MAX },
        _ => Bound::UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::{check, check_invalid};

    #[test]
    fn a_bounded_add_loses_its_overflow_check() {
        check(
            run,
            "[i0]
             i1 = int_and(i0, 255)
             i2 = int_add_ovf(i1, 1)
             guard_no_overflow() [i0]
             i3 = int_lt(i2, 1000)
             guard_true(i3) [i0]
             finish(i2)",
            "[i0]
             i1 = int_and(i0, 255)
             i2 = int_add(i1, 1)
             finish(i2)",
        );
    }

    #[test]
    fn a_loop_counter_below_its_limit_cannot_overflow() {
        check(
            run,
            "[i0, i1]
             i2 = int_lt(i0, i1)
             guard_true(i2) [i0]
             i3 = int_add_ovf(i0, 1)
             guard_no_overflow() [i0]
             i4 = int_mul_ovf(i0, 2)
             guard_no_overflow() [i0]
             finish(i3, i4)",
            "[i0, i1]
             i2 = int_lt(i0, i1)
             guard_true(i2) [i0]
             i3 = int_add(i0, 1)
             i4 = int_mul_ovf(i0, 2)
             guard_no_overflow() [i0]
             finish(i3, i4)",
        );
    }

    #[test]
    fn guards_decided_by_ranges_go_or_are_reported() {
        check(
            run,
            "[i0]
             i1 = int_mod(i0, 10)
             i2 = int_lt(i1, 10)
             guard_true(i2) [i0]
             i3 = int_ge(i1, 0)
             guard_true(i3) [i0]
             i4 = int_gt(i0, 5)
             guard_true(i4) [i0]
             i5 = int_gt(i0, 3)
             guard_true(i5) [i0]
             i6 = int_eq(i0, 2)
             guard_false(i6) [i0]
             finish(i1)",
            "[i0]
             i1 = int_mod(i0, 10)
             i2 = int_gt(i0, 5)
             guard_true(i2) [i0]
             finish(i1)",
        );
        check_invalid(
            run,
            "[i0]
             i1 = int_and(i0, 7)
             i2 = int_gt(i1, 7)
             guard_true(i2) [i0]
             finish()",
        );
    }

    #[test]
    fn unknown_values_keep_their_checks() {
        let text = "[i0, i1]
             i2 = int_add_ovf(i0, i1)
             guard_no_overflow() [i0]
             i3 = int_lt(i2, i0)
             guard_false(i3) [i0]
             finish(i2)";
        check(run, text, text);
    }

    #[test]
    fn invariant_loop_values_keep_their_preamble_bounds() {
        check(
            run,
            "[i0, i1]
             i2 = int_and(i1, 255)
             jump(i0, i2)
             label(i3, i4)
             i5 = int_add_ovf(i4, 1)
             guard_no_overflow() [i3]
             i6 = int_add_ovf(i3, i4)
             guard_no_overflow() [i3]
             jump(i6, i4)",
            "[i0, i1]
             i2 = int_and(i1, 255)
             jump(i0, i2)
             label(i3, i4)
             i5 = int_add(i4, 1)
             i6 = int_add_ovf(i3, i4)
             guard_no_overflow() [i3]
             jump(i6, i4)",
        );
    }

    #[test]
    fn range_arithmetic() {
        let small = Bound { lo: -5, hi: 5 };
        assert_eq!(small.plus(small), Some(Bound { lo: -10, hi: 10 }));
        assert_eq!(small.times(Bound { lo: -2, hi: 3 }), Some(Bound { lo: -15, hi: 15 }));
        assert_eq!(Bound::UNKNOWN.plus(Bound::exact(1)), None);
        assert_eq!(Bound::exact(3).minus(small), Some(Bound { lo: -2, hi: 8 }));
    }
}
