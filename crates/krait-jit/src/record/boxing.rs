//! Boxing and unboxing in compiled code: the trace holds small ints
//! (doubled) and floats unboxed, and value words everywhere else (see the
//! module documentation of [`super`]). Moving between the two forms takes
//! a few int ops on the word, under guards on its tag bits, following
//! `krait_vm::value::encoding`; only a float that cannot be immediate
//! (zero, huge, tiny) is boxed by a call, which allocates. Which form a
//! value has is decided by the value seen when recording: a guard fails
//! when the other one comes, and its bridge records that form.

use krait_vm::object::Gc;
use krait_vm::types::typeobject::PyType;
use krait_vm::value::encoding::{
    FLOAT_EXPONENT_BASE, FLOAT_LIMIT, FLOAT_TAG, FLOAT_TAG_MASK, INT_TAG, OBJECT_TAG_MASK,
};
use krait_vm::value::Value as PyValue;

use super::{Concrete, Recorder, Tracked};
use crate::ir::{Const, Opcode, Value};

impl Recorder<'_> {
    /// An item read from a container (`word`, a `ref`), whose value was
    /// `item` when recording: a small int or an exact float is unboxed
    /// under a guard on its form (failing at `at`), anything else stays a
    /// `ref` (kept alive by its container, which the frame keeps alive and
    /// the trace does not change).
    pub(super) fn item(&mut self, word: Value, item: Concrete, at: usize) -> Tracked {
        let value = match item {
            Concrete::Int(_) => {
                let bits = self.op(Opcode::cast_ptr_to_int, &[word]);
                let tag = self.int_and(bits, INT_TAG);
                self.guard(Opcode::guard_true, &[tag], at);
                self.untag_int(word)
            }
            Concrete::Float(f) if PyValue::immediate_float(f).is_some() => {
                let bits = self.op(Opcode::cast_ptr_to_int, &[word]);
                let tag = self.int_and(bits, FLOAT_TAG_MASK);
                let expected = self.trace.const_int(FLOAT_TAG as i64);
                self.guard(Opcode::guard_value, &[tag, expected], at);
                // The IEEE bits: ((word >> 2) + BASE) rotated right by one.
                let two = self.trace.const_int(2);
                let shifted = self.op(Opcode::uint_rshift, &[bits, two]);
                let base = self.trace.const_int(FLOAT_EXPONENT_BASE as i64);
                let rebased = self.op(Opcode::int_add, &[shifted, base]);
                let ieee = self.rotate(rebased, 63);
                self.op(Opcode::convert_longlong_bytes_to_float, &[ieee])
            }
            Concrete::Float(_) => {
                self.guard_class(word, self.vm.types.float, at);
                let value = self.trace.push(Opcode::getfield_gc_f, &[word], Some(self.descrs.float_payload));
                value.expect("getfield_gc_f has a result")
            }
            Concrete::Ref(_) | Concrete::Iter { .. } | Concrete::RangeIter { .. } | Concrete::Tuple(_) => word,
        };
        Tracked { value, concrete: item }
    }

    /// A number or object as a value word, to store it in the heap. A
    /// float that has an immediate form is encoded under a guard (at `at`)
    /// that it still has one; others are boxed by a call.
    pub(super) fn boxed(&mut self, t: Tracked, at: usize) -> Value {
        match t.concrete {
            Concrete::Int(_) => {
                let one = self.trace.const_int(1);
                let word = self.op(Opcode::int_or, &[t.value, one]);
                self.op(Opcode::cast_int_to_ptr, &[word])
            }
            Concrete::Float(f) if PyValue::immediate_float(f).is_some() => {
                let ieee = self.op(Opcode::convert_float_bytes_to_longlong, &[t.value]);
                let rotated = self.rotate(ieee, 1);
                let base = self.trace.const_int(FLOAT_EXPONENT_BASE as i64);
                let rebased = self.op(Opcode::int_sub, &[rotated, base]);
                let limit = self.trace.const_int(FLOAT_LIMIT as i64);
                let fits = self.op(Opcode::uint_lt, &[rebased, limit]);
                self.guard(Opcode::guard_true, &[fits], at);
                let two = self.trace.const_int(2);
                let shifted = self.op(Opcode::int_lshift, &[rebased, two]);
                let tag = self.trace.const_int(FLOAT_TAG as i64);
                let word = self.op(Opcode::int_or, &[shifted, tag]);
                self.op(Opcode::cast_int_to_ptr, &[word])
            }
            Concrete::Float(_) => {
                let word = self.trace.push(Opcode::call_r, &[t.value], Some(self.descrs.box_float));
                word.expect("call_r has a result")
            }
            Concrete::Ref(_) | Concrete::Iter { .. } | Concrete::RangeIter { .. } | Concrete::Tuple(_) => t.value,
        }
    }

    /// The doubled int of `word`, a small int's word.
    pub(super) fn untag_int(&mut self, word: Value) -> Value {
        let bits = self.op(Opcode::cast_ptr_to_int, &[word]);
        let one = self.trace.const_int(INT_TAG as i64);
        self.op(Opcode::int_sub, &[bits, one])
    }

    /// Guard that `value` is a heap object whose class is exactly `class`:
    /// not NULL, no tag bits, then its class word.
    pub(super) fn guard_class(&mut self, value: Value, class: Gc<PyType>, at: usize) {
        self.guard(Opcode::guard_nonnull, &[value], at);
        let bits = self.op(Opcode::cast_ptr_to_int, &[value]);
        let tag = self.int_and(bits, OBJECT_TAG_MASK);
        self.guard(Opcode::guard_false, &[tag], at);
        let expected = self.trace.constant(Const::Ptr(class.value().to_bits()));
        self.guard(Opcode::guard_class, &[value, expected], at);
    }

    fn int_and(&mut self, x: Value, mask: u64) -> Value {
        let mask = self.trace.const_int(mask as i64);
        self.op(Opcode::int_and, &[x, mask])
    }

    /// `x` rotated left by `n` bits (0 < n < 64).
    fn rotate(&mut self, x: Value, n: i64) -> Value {
        let (left, right) = (self.trace.const_int(n), self.trace.const_int(64 - n));
        let high = self.op(Opcode::int_lshift, &[x, left]);
        let low = self.op(Opcode::uint_rshift, &[x, right]);
        self.op(Opcode::int_or, &[high, low])
    }
}
