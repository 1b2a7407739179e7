//! Value words, their types, and the operand reference.
//!
//! Everything a trace computes is one 64-bit machine word of one of three
//! types: `int` (an `i64`), `float` (an `f64`, kept as its bits where it is
//! stored) or `ref` (an opaque object pointer the JIT never looks inside except
//! through descriptors). A fourth type, `void`, is the "result" of ops that
//! produce nothing. The text form prefixes value names with the type letter:
//! `i3`, `f1`, `p2` (`p` for pointer, as in PyPy's traces).
//!
//! An operand is a [`Value`]: a `u32` that is either the number of a value the
//! trace defines (an input argument, an op's result, or a label parameter) or,
//! with the top bit set, the index of a constant in the trace's constant pool.

use std::fmt;

/// The type of a trace value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A 64-bit signed integer (also booleans, 0 or 1).
    Int,
    /// A 64-bit IEEE float.
    Float,
    /// An object pointer (possibly null).
    Ref,
    /// No value (the result type of side-effecting ops such as `setfield_gc`).
    Void,
}

impl Type {
    /// The letter that prefixes value names of this type in the text form.
    pub const fn letter(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Float => 'f',
            Type::Ref => 'p',
            Type::Void => 'v',
        }
    }

    /// The type named by a letter of the text form or the opcode table
    /// (`i`, `f`, `p`/`r`, `v`).
    pub const fn from_letter(c: char) -> Option<Type> {
        match c {
            'i' => Some(Type::Int),
            'f' => Some(Type::Float),
            'p' | 'r' => Some(Type::Ref),
            'v' => Some(Type::Void),
            _ => None,
        }
    }
}

/// An operand: a trace value or a constant (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(u32);

impl Value {
    const CONST_BIT: u32 = 1 << 31;

    /// The `n`-th value the trace defines.
    pub const fn defined(n: u32) -> Value {
        assert!(n < Self::CONST_BIT);
        Value(n)
    }

    /// The `n`-th constant of the trace's pool.
    pub const fn constant(n: u32) -> Value {
        assert!(n < Self::CONST_BIT);
        Value(n | Self::CONST_BIT)
    }

    /// Whether this operand is a constant.
    pub const fn is_const(self) -> bool {
        self.0 & Self::CONST_BIT != 0
    }

    /// The value or constant number.
    pub const fn index(self) -> usize {
        (self.0 & !Self::CONST_BIT) as usize
    }

    /// The raw word, for dense maps keyed by operand.
    pub const fn raw(self) -> u32 {
        self.0
    }
}

/// A constant operand.
#[derive(Clone, Copy, Debug)]
pub enum Const {
    /// `ConstInt`.
    Int(i64),
    /// `ConstFloat` (compared and hashed by bits, so `-0.0` and NaNs intern apart).
    Float(f64),
    /// `ConstPtr`: an object address (0 is null).
    Ptr(u64),
}

impl Const {
    /// The type of the constant.
    pub const fn ty(self) -> Type {
        match self {
            Const::Int(_) => Type::Int,
            Const::Float(_) => Type::Float,
            Const::Ptr(_) => Type::Ref,
        }
    }

    /// The constant as the machine word the backend uses.
    pub fn bits(self) -> u64 {
        match self {
            Const::Int(i) => i as u64,
            Const::Float(f) => f.to_bits(),
            Const::Ptr(p) => p,
        }
    }

    /// Rebuild a constant of a type from its machine word.
    pub fn from_bits(ty: Type, bits: u64) -> Const {
        match ty {
            Type::Int | Type::Void => Const::Int(bits as i64),
            Type::Float => Const::Float(f64::from_bits(bits)),
            Type::Ref => Const::Ptr(bits),
        }
    }
}

impl PartialEq for Const {
    fn eq(&self, other: &Const) -> bool {
        self.ty() == other.ty() && self.bits() == other.bits()
    }
}

impl Eq for Const {}

impl std::hash::Hash for Const {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.ty().hash(state);
        self.bits().hash(state);
    }
}

impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Const::Int(i) => write!(f, "{i}"),
            Const::Float(x) => {
                if x.is_finite() && x == x.trunc() && x.abs() < 1e16 {
                    write!(f, "{x:.1}")
                } else if x.is_finite() {
                    write!(f, "{x:?}")
                } else {
                    write!(f, "ConstFloat(0x{:x})", x.to_bits())
                }
            }
            Const::Ptr(0) => f.write_str("NULL"),
            Const::Ptr(p) => write!(f, "ConstPtr(0x{p:x})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_and_constant_operands_are_distinct() {
        let v = Value::defined(7);
        let c = Value::constant(7);
        assert!(!v.is_const());
        assert!(c.is_const());
        assert_eq!(v.index(), 7);
        assert_eq!(c.index(), 7);
        assert_ne!(v, c);
    }

    #[test]
    fn constants_print_in_the_text_form() {
        assert_eq!(Const::Int(-3).to_string(), "-3");
        assert_eq!(Const::Float(2.0).to_string(), "2.0");
        assert_eq!(Const::Float(0.1).to_string(), "0.1");
        assert_eq!(Const::Ptr(0x10).to_string(), "ConstPtr(0x10)");
        assert_eq!(Const::Float(-0.0).to_string(), "-0.0");
        assert_ne!(Const::Float(0.0), Const::Float(-0.0));
    }
}
