//! `Value`: one Python value in one 64-bit word.
//!
//! The encoding is private to this module and to the JIT's compiled code,
//! which tests, boxes and unboxes immediates without calls ([`encoding`]);
//! everything else uses the API.
//!
//! ```text
//!   ...iiiiiii1   a small int: the word shifted right arithmetically by one
//!   ...ffffff10   an immediate float (below)
//!   ...pppp000    a pointer to a heap object (objects are 8-byte aligned)
//!   0             NULL: "no value" (an unbound local, the NULL of PUSH_NULL)
//! ```
//!
//! Small ints cover 63 bits; larger ints are `PyInt` objects holding a
//! `BigInt`, and every int operation normalises its result back to a small
//! int when it fits, so an int has exactly one representation. `None`,
//! `True`, `False` and the other singletons are heap objects allocated once
//! when the VM starts and never freed.
//!
//! ## Immediate floats
//!
//! An exact `float` whose binary exponent lies in [-255, 256] (every
//! magnitude from about 1.7e-77 to 2.3e77, which is nearly every float a
//! program computes) is stored in the word itself, as in Pharo's
//! SmallFloat64: the IEEE bits are rotated left by one so the sign lands in
//! bit 0, the 11-bit exponent is rebased so that range becomes 9 bits, and
//! the 62 bits that remain are shifted over the `10` tag. Encoding is a
//! rotate, a subtract, a compare and a shift; decoding the reverse, with no
//! branch. Other floats (zeros, subnormals, huge values, infinities, NaNs)
//! and instances of float subclasses are `PyFloat` heap objects, so a float
//! has one representation per value too, and code reads either through
//! `types::float::as_f64`. Float arithmetic therefore allocates nothing in
//! the common case, which is what CPython's free list buys it. Identity
//! follows the bits: two equal immediate floats are the same object, as
//! PyPy also has it.
use std::fmt;
use std::ptr::NonNull;

use crate::object::ObjHeader;

use encoding::{FLOAT_EXPONENT_BASE, FLOAT_TAG};

/// The encoding's constants, for compiled code (see the module
/// documentation): it must decode exactly as `Value` does.
pub mod encoding {
    /// A small int has this low bit set; its value is the word shifted
    /// right arithmetically by one.
    pub const INT_TAG: u64 = 1;
    /// A heap object's word has these bits clear (and is not 0).
    pub const OBJECT_TAG_MASK: u64 = 7;
    /// The bits that hold [`FLOAT_TAG`].
    pub const FLOAT_TAG_MASK: u64 = 3;
    /// The low bits of an immediate float.
    pub const FLOAT_TAG: u64 = 0b10;
    /// The smallest biased exponent of an immediate float (2^-255), placed
    /// where the exponent sits once the IEEE bits are rotated left by one.
    pub const FLOAT_EXPONENT_BASE: u64 = 768 << 53;
    /// A float is immediate when its IEEE bits, rotated left by one, minus
    /// `FLOAT_EXPONENT_BASE`, are below this.
    pub const FLOAT_LIMIT: u64 = 1 << 62;
}

/// A Python value, or NULL. `Copy`, one word. A `Value` held in a Rust local
/// keeps its object alive (the native stack is scanned conservatively); a
/// `Value` stored in Rust heap memory does not, unless that memory belongs to
/// a heap object that traces it (see `gc`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// The absent value.
    pub const NULL: Value = Value(0);

    /// The smallest int that has a small-int encoding.
    pub const MIN_SMALL_INT: i64 = -(1 << 62);
    /// The largest int that has a small-int encoding.
    pub const MAX_SMALL_INT: i64 = (1 << 62) - 1;

    /// A small int, if `i` fits in 63 bits.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Option<Value> {
        if i >= Self::MIN_SMALL_INT && i <= Self::MAX_SMALL_INT {
            Some(Value(((i << 1) | 1) as u64))
        } else {
            None
        }
    }

    /// A small int the caller knows to fit (e.g. a length or an index).
    #[inline(always)]
    pub const fn from_small(i: i64) -> Value {
        debug_assert!(i >= Self::MIN_SMALL_INT && i <= Self::MAX_SMALL_INT);
        Value(((i << 1) | 1) as u64)
    }

    /// The value of a small int.
    #[inline(always)]
    pub const fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0 as i64) >> 1)
        } else {
            None
        }
    }

    /// The value of a value known to be a small int.
    #[inline(always)]
    pub const fn small_int_unchecked(self) -> i64 {
        debug_assert!(self.is_small_int());
        (self.0 as i64) >> 1
    }

    #[inline(always)]
    pub const fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }

    #[inline(always)]
    pub const fn is_null(self) -> bool {
        self.0 == 0
    }

    /// Whether this is a pointer to a heap object.
    #[inline(always)]
    pub const fn is_object(self) -> bool {
        self.0 != 0 && self.0 & 7 == 0
    }

    /// The immediate encoding of `f`, if its exponent is in range.
    #[inline(always)]
    pub const fn immediate_float(f: f64) -> Option<Value> {
        let rebased = f.to_bits().rotate_left(1).wrapping_sub(FLOAT_EXPONENT_BASE);
        if rebased < encoding::FLOAT_LIMIT {
            Some(Value((rebased << 2) | FLOAT_TAG))
        } else {
            None
        }
    }

    #[inline(always)]
    pub const fn is_immediate_float(self) -> bool {
        self.0 & 3 == FLOAT_TAG
    }

    /// The value of an immediate float.
    #[inline(always)]
    pub const fn as_immediate_float(self) -> Option<f64> {
        if self.is_immediate_float() {
            Some(self.immediate_float_unchecked())
        } else {
            None
        }
    }

    /// The value of a value known to be an immediate float.
    #[inline(always)]
    pub const fn immediate_float_unchecked(self) -> f64 {
        debug_assert!(self.is_immediate_float());
        f64::from_bits(((self.0 >> 2) + FLOAT_EXPONENT_BASE).rotate_right(1))
    }

    /// The heap object, if this is one.
    #[inline(always)]
    pub fn as_object(self) -> Option<NonNull<ObjHeader>> {
        if self.is_object() {
            NonNull::new(self.0 as *mut ObjHeader)
        } else {
            None
        }
    }

    /// The heap object of a value known to be one.
    #[inline(always)]
    pub fn object_unchecked(self) -> NonNull<ObjHeader> {
        debug_assert!(self.is_object());
        // SAFETY: the caller guarantees this is an object pointer, which is non-zero.
        unsafe { NonNull::new_unchecked(self.0 as *mut ObjHeader) }
    }

    /// The value that points at a heap object.
    #[inline(always)]
    pub fn from_object(ptr: NonNull<ObjHeader>) -> Value {
        debug_assert!(ptr.as_ptr() as usize & 7 == 0);
        Value(ptr.as_ptr() as u64)
    }

    /// The raw word, for identity (`id()`, `is`) and for the JIT.
    #[inline(always)]
    pub const fn to_bits(self) -> u64 {
        self.0
    }

    /// Rebuild a value from `to_bits`.
    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(self, other: Value) -> bool {
        self.0 == other.0
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Value({i})")
        } else if let Some(x) = self.as_immediate_float() {
            write!(f, "Value({x:?})")
        } else if self.is_null() {
            f.write_str("Value(NULL)")
        } else {
            write!(f, "Value(@{:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, 42, Value::MIN_SMALL_INT, Value::MAX_SMALL_INT] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_object() && !v.is_null());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::small_int(Value::MAX_SMALL_INT + 1).is_none());
        assert!(Value::small_int(Value::MIN_SMALL_INT - 1).is_none());
    }

    #[test]
    fn immediate_floats_round_trip_and_others_do_not_encode() {
        let edge_low = f64::from_bits(768 << 52);
        let edge_high = f64::from_bits((1280 << 52) - 1);
        for f in [1.5, -1.5, 0.1, -3.25e10, 1e-70, -1e70, edge_low, -edge_low, edge_high, -edge_high] {
            let v = Value::immediate_float(f).unwrap();
            assert!(v.is_immediate_float() && !v.is_object() && !v.is_small_int() && !v.is_null());
            assert_eq!(v.as_immediate_float().map(f64::to_bits), Some(f.to_bits()));
        }
        let below = f64::from_bits((768 << 52) - 1);
        for f in [0.0, -0.0, below, 2.0 * edge_high, 1e-300, 1e300, f64::INFINITY, f64::NAN, f64::MIN_POSITIVE / 2.0] {
            assert!(Value::immediate_float(f).is_none(), "{f:e}");
        }
        assert!(Value::from_small(7).as_immediate_float().is_none());
    }

    #[test]
    fn null_is_neither_int_nor_object() {
        assert!(Value::NULL.is_null());
        assert!(!Value::NULL.is_small_int());
        assert!(Value::NULL.as_object().is_none());
    }
}
