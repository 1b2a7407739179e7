//! The trace IR's operations, defined once.
//!
//! Every op is one row of the `define_opcodes!` table below:
//!
//! ```text
//! /// doc
//! name(args) -> result, descr_kind, [FLAGS];
//! ```
//!
//! `args` is a string with one letter per operand (`i` int, `f` float, `r`
//! ref, `a` any type) or `*` for a variable number of operands whose types are
//! checked elsewhere (calls against their descriptor, jumps against their
//! label). `result` is the op's [`Type`]. `descr_kind` says which kind of
//! descriptor the op carries (`None`, `Field`, `Array`, `Size`, `Call`). The
//! flags are data that passes read instead of matching on opcodes:
//!
//! - `GUARD`: checks a condition and leaves the trace through its resume data
//!   when it does not hold.
//! - `PURE`: no side effect, and the result depends only on the operands: it
//!   may be folded, CSE'd, hoisted, or removed when unused.
//! - `NO_SIDE_EFFECT`: may be removed when unused, but reads memory, so it is
//!   not `PURE` (loads).
//! - `CAN_RAISE`: may set the pending exception (calls, refined by the call
//!   descriptor's effect class); must be followed by `guard_no_exception`.
//! - `BOOL`: the int result is always 0 or 1.
//! - `IDEMPOTENT`: doing it twice in a row is doing it once (guards: a second
//!   identical guard is redundant).
//! - `COMMUTATIVE`: the two operands may be swapped.
//! - `OVF`: an overflow-checked arithmetic op, followed by
//!   `guard_no_overflow`/`guard_overflow`.
//! - `CALL`: calls the function in its call descriptor.
//! - `FINAL`: ends the trace or the loop (`jump`, `finish`).
//!
//! Names and semantics follow PyPy's `resoperation.py`, with one deliberate
//! difference: `int_floordiv` and `int_mod` have Python's floor semantics (the
//! result of `//` and `%` on two ints), not C's truncation, because that is
//! what the recorder needs for `BINARY_OP`; the recorder guards the divisor is
//! non-zero and the division cannot overflow before emitting them.

use super::descr::EffectClass;
use super::value::Type;

/// Which kind of descriptor an op carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescrKind {
    /// No descriptor.
    None,
    /// A field descriptor.
    Field,
    /// An array descriptor.
    Array,
    /// A size descriptor.
    Size,
    /// A call descriptor.
    Call,
}

/// The flag bits of an op (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpFlags(u16);

impl OpFlags {
    /// No flag.
    pub const NONE: OpFlags = OpFlags(0);
    /// A guard.
    pub const GUARD: OpFlags = OpFlags(1 << 0);
    /// No side effect, result a function of the operands.
    pub const PURE: OpFlags = OpFlags(1 << 1);
    /// Removable when unused, but reads memory.
    pub const NO_SIDE_EFFECT: OpFlags = OpFlags(1 << 2);
    /// May set the pending exception.
    pub const CAN_RAISE: OpFlags = OpFlags(1 << 3);
    /// Result is 0 or 1.
    pub const BOOL: OpFlags = OpFlags(1 << 4);
    /// Twice in a row is once.
    pub const IDEMPOTENT: OpFlags = OpFlags(1 << 5);
    /// The operands commute.
    pub const COMMUTATIVE: OpFlags = OpFlags(1 << 6);
    /// Overflow-checked arithmetic.
    pub const OVF: OpFlags = OpFlags(1 << 7);
    /// A call through a call descriptor.
    pub const CALL: OpFlags = OpFlags(1 << 8);
    /// Ends the trace or the loop.
    pub const FINAL: OpFlags = OpFlags(1 << 9);

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of two flag sets.
    pub const fn union(self, other: OpFlags) -> OpFlags {
        OpFlags(self.0 | other.0)
    }
}

macro_rules! define_opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $args:literal ) -> $res:ident, $descr:ident, [ $($flag:ident)* ];
    )*) => {
        /// One operation of the trace IR; see the module documentation.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Opcode {
            /// Every opcode, indexed by its number.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// The name in the text form.
            pub const fn name(self) -> &'static str {
                const NAMES: &[&str] = &[ $( stringify!($name), )* ];
                NAMES[self as usize]
            }

            /// The operand type letters (`*` for variadic).
            pub const fn arg_types(self) -> &'static str {
                const ARGS: &[&str] = &[ $( $args, )* ];
                ARGS[self as usize]
            }

            /// The result type.
            pub const fn result(self) -> Type {
                const RESULTS: &[Type] = &[ $( Type::$res, )* ];
                RESULTS[self as usize]
            }

            /// The kind of descriptor the op carries.
            pub const fn descr_kind(self) -> DescrKind {
                const DESCRS: &[DescrKind] = &[ $( DescrKind::$descr, )* ];
                DESCRS[self as usize]
            }

            /// The op's flags.
            pub const fn flags(self) -> OpFlags {
                const FLAGS: &[OpFlags] = &[ $( OpFlags::NONE $( .union(OpFlags::$flag) )*, )* ];
                FLAGS[self as usize]
            }
        }
    };
}

define_opcodes! {
    // ---- integer arithmetic (wrapping) -----------------------------------------
    /// `a + b`, wrapping.
    int_add("ii") -> Int, None, [PURE COMMUTATIVE];
    /// `a - b`, wrapping.
    int_sub("ii") -> Int, None, [PURE];
    /// `a * b`, wrapping.
    int_mul("ii") -> Int, None, [PURE COMMUTATIVE];
    /// `a // b` with Python's floor semantics; `b != 0` and not `MIN // -1`.
    int_floordiv("ii") -> Int, None, [PURE];
    /// `a % b` with Python's sign-of-divisor semantics; `b != 0`.
    int_mod("ii") -> Int, None, [PURE];
    /// Bitwise and.
    int_and("ii") -> Int, None, [PURE COMMUTATIVE];
    /// Bitwise or.
    int_or("ii") -> Int, None, [PURE COMMUTATIVE];
    /// Bitwise xor.
    int_xor("ii") -> Int, None, [PURE COMMUTATIVE];
    /// `a << b`, `0 <= b < 64`, wrapping.
    int_lshift("ii") -> Int, None, [PURE];
    /// Arithmetic `a >> b`, `0 <= b < 64`.
    int_rshift("ii") -> Int, None, [PURE];
    /// Logical `a >> b`, `0 <= b < 64`.
    uint_rshift("ii") -> Int, None, [PURE];
    /// `-a`, wrapping.
    int_neg("i") -> Int, None, [PURE];
    /// `~a`.
    int_invert("i") -> Int, None, [PURE];
    /// `a + b`; must be followed by `guard_no_overflow` or `guard_overflow`.
    int_add_ovf("ii") -> Int, None, [COMMUTATIVE OVF];
    /// `a - b`; must be followed by `guard_no_overflow` or `guard_overflow`.
    int_sub_ovf("ii") -> Int, None, [OVF];
    /// `a * b`; must be followed by `guard_no_overflow` or `guard_overflow`.
    int_mul_ovf("ii") -> Int, None, [COMMUTATIVE OVF];

    // ---- integer comparisons ------------------------------------------------------
    /// Signed `a < b`.
    int_lt("ii") -> Int, None, [PURE BOOL];
    /// Signed `a <= b`.
    int_le("ii") -> Int, None, [PURE BOOL];
    /// `a == b`.
    int_eq("ii") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// `a != b`.
    int_ne("ii") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// Signed `a > b`.
    int_gt("ii") -> Int, None, [PURE BOOL];
    /// Signed `a >= b`.
    int_ge("ii") -> Int, None, [PURE BOOL];
    /// Unsigned `a < b`.
    uint_lt("ii") -> Int, None, [PURE BOOL];
    /// Unsigned `a <= b`.
    uint_le("ii") -> Int, None, [PURE BOOL];
    /// Unsigned `a > b`.
    uint_gt("ii") -> Int, None, [PURE BOOL];
    /// Unsigned `a >= b`.
    uint_ge("ii") -> Int, None, [PURE BOOL];
    /// `a != 0`.
    int_is_true("i") -> Int, None, [PURE BOOL];
    /// `a == 0`.
    int_is_zero("i") -> Int, None, [PURE BOOL];

    // ---- floats -------------------------------------------------------------------
    /// `a + b`. Not `COMMUTATIVE`: with two NaN operands the hardware
    /// returns the first one (payload and sign), so `a + b` and `b + a` can
    /// differ in bits, which `math.copysign` can observe.
    float_add("ff") -> Float, None, [PURE];
    /// `a - b`.
    float_sub("ff") -> Float, None, [PURE];
    /// `a * b` (not `COMMUTATIVE`, as for `float_add`).
    float_mul("ff") -> Float, None, [PURE];
    /// `a / b` (IEEE; the recorder guards `b != 0` to raise ZeroDivisionError).
    float_truediv("ff") -> Float, None, [PURE];
    /// `-a`.
    float_neg("f") -> Float, None, [PURE];
    /// `abs(a)`.
    float_abs("f") -> Float, None, [PURE];
    /// The square root (NaN for a negative operand).
    float_sqrt("f") -> Float, None, [PURE];
    /// `a < b`.
    float_lt("ff") -> Int, None, [PURE BOOL];
    /// `a <= b`.
    float_le("ff") -> Int, None, [PURE BOOL];
    /// `a == b`.
    float_eq("ff") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// `a != b`.
    float_ne("ff") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// `a > b`.
    float_gt("ff") -> Int, None, [PURE BOOL];
    /// `a >= b`.
    float_ge("ff") -> Int, None, [PURE BOOL];
    /// `float(a)`.
    cast_int_to_float("i") -> Float, None, [PURE];
    /// Truncate toward zero; the value must fit in an i64.
    cast_float_to_int("f") -> Int, None, [PURE];
    /// The same machine word as a ref (a tagged value built by int ops,
    /// such as a boxed small int).
    cast_int_to_ptr("i") -> Ref, None, [PURE];
    /// The machine word of a ref, as an int (to test a tagged value's bits).
    cast_ptr_to_int("r") -> Int, None, [PURE];
    /// The IEEE bits of a float, as an int.
    convert_float_bytes_to_longlong("f") -> Int, None, [PURE];
    /// The float whose IEEE bits are the int.
    convert_longlong_bytes_to_float("i") -> Float, None, [PURE];

    // ---- references -----------------------------------------------------------------
    /// Pointer identity `a is b`.
    ptr_eq("rr") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// Pointer identity `a is not b`.
    ptr_ne("rr") -> Int, None, [PURE BOOL COMMUTATIVE];
    /// The operand itself (an integer copy, left by passes and removed by folding).
    same_as_i("i") -> Int, None, [PURE];
    /// The operand itself (a float copy).
    same_as_f("f") -> Float, None, [PURE];
    /// The operand itself (a ref copy).
    same_as_r("r") -> Ref, None, [PURE];

    // ---- guards ---------------------------------------------------------------------
    /// Leave unless `a != 0`.
    guard_true("i") -> Void, None, [GUARD IDEMPOTENT];
    /// Leave unless `a == 0`.
    guard_false("i") -> Void, None, [GUARD IDEMPOTENT];
    /// Leave unless `a == b`, `b` a constant.
    guard_value("aa") -> Void, None, [GUARD IDEMPOTENT];
    /// Leave unless the object's class word is `b` (a `ConstPtr`).
    guard_class("rr") -> Void, None, [GUARD IDEMPOTENT];
    /// Leave if the pointer is null.
    guard_nonnull("r") -> Void, None, [GUARD IDEMPOTENT];
    /// Leave unless the pointer is null.
    guard_isnull("r") -> Void, None, [GUARD IDEMPOTENT];
    /// After an `_ovf` op: leave if it overflowed.
    guard_no_overflow("") -> Void, None, [GUARD];
    /// After an `_ovf` op: leave unless it overflowed.
    guard_overflow("") -> Void, None, [GUARD];
    /// After a call that can raise: leave if an exception is pending.
    guard_no_exception("") -> Void, None, [GUARD];
    /// Leave if the trace's invalidation word was set.
    guard_not_invalidated("") -> Void, None, [GUARD IDEMPOTENT];
    /// After a `call_may_force_*`: leave if the call forced the frame.
    guard_not_forced("") -> Void, None, [GUARD];

    // ---- memory -----------------------------------------------------------------------
    /// Load an int field.
    getfield_gc_i("r") -> Int, Field, [NO_SIDE_EFFECT];
    /// Load a ref field.
    getfield_gc_r("r") -> Ref, Field, [NO_SIDE_EFFECT];
    /// Load a float field.
    getfield_gc_f("r") -> Float, Field, [NO_SIDE_EFFECT];
    /// Store a field: `obj.field = value`.
    setfield_gc("ra") -> Void, Field, [];
    /// Load an int array item.
    getarrayitem_gc_i("ri") -> Int, Array, [NO_SIDE_EFFECT];
    /// Load a ref array item.
    getarrayitem_gc_r("ri") -> Ref, Array, [NO_SIDE_EFFECT];
    /// Load a float array item.
    getarrayitem_gc_f("ri") -> Float, Array, [NO_SIDE_EFFECT];
    /// Store an array item: `array[index] = value`.
    setarrayitem_gc("ria") -> Void, Array, [];
    /// The length word of an array.
    arraylen_gc("r") -> Int, Array, [NO_SIDE_EFFECT];
    /// Allocate an object of the size descriptor's size (fields zeroed).
    new("") -> Ref, Size, [NO_SIDE_EFFECT];
    /// Allocate an object and set its class word to the descriptor's vtable.
    new_with_vtable("") -> Ref, Size, [NO_SIDE_EFFECT];
    /// Allocate an array of `n` items (zeroed).
    new_array("i") -> Ref, Array, [NO_SIDE_EFFECT];

    // ---- calls ----------------------------------------------------------------------------
    /// Call returning an int.
    call_i("*") -> Int, Call, [CALL CAN_RAISE];
    /// Call returning a ref.
    call_r("*") -> Ref, Call, [CALL CAN_RAISE];
    /// Call returning a float.
    call_f("*") -> Float, Call, [CALL CAN_RAISE];
    /// Call returning nothing.
    call_n("*") -> Void, Call, [CALL CAN_RAISE];
    /// Call to a pure (elidable) function returning an int.
    call_pure_i("*") -> Int, Call, [CALL PURE];
    /// Call to a pure function returning a ref.
    call_pure_r("*") -> Ref, Call, [CALL PURE];
    /// Call to a pure function returning a float.
    call_pure_f("*") -> Float, Call, [CALL PURE];
    /// Call that may run Python code (and force virtual frames), returning an int.
    call_may_force_i("*") -> Int, Call, [CALL CAN_RAISE];
    /// Call that may run Python code, returning a ref.
    call_may_force_r("*") -> Ref, Call, [CALL CAN_RAISE];
    /// Call that may run Python code, returning a float.
    call_may_force_f("*") -> Float, Call, [CALL CAN_RAISE];
    /// Call that may run Python code, returning nothing.
    call_may_force_n("*") -> Void, Call, [CALL CAN_RAISE];

    // ---- control --------------------------------------------------------------------------
    /// The loop header: defines one new value per operand (the loop-carried values).
    label("*") -> Void, None, [];
    /// Jump to the label: operands are the label's new values.
    jump("*") -> Void, None, [FINAL];
    /// Leave the trace normally with the operands as results.
    finish("*") -> Void, None, [FINAL];
    /// Marks where the bytecode instruction (code id, index) starts; no code.
    debug_merge_point("ii") -> Void, None, [];
    /// Test only: makes its operands escape (an opaque use).
    escape("*") -> Void, None, [];
}

impl Opcode {
    /// Look an opcode up by its text name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.iter().copied().find(|op| op.name() == name)
    }

    /// The number of operands, or `None` if variadic.
    pub fn arity(self) -> Option<usize> {
        let args = self.arg_types();
        if args == "*" {
            None
        } else {
            Some(args.len())
        }
    }

    /// Whether the op is a guard.
    pub const fn is_guard(self) -> bool {
        self.flags().contains(OpFlags::GUARD)
    }

    /// Whether the op is pure (see the module documentation).
    pub const fn is_pure(self) -> bool {
        self.flags().contains(OpFlags::PURE)
    }

    /// Whether the op may be removed when its result is unused.
    pub const fn is_removable(self) -> bool {
        self.flags().contains(OpFlags::PURE) || self.flags().contains(OpFlags::NO_SIDE_EFFECT)
    }

    /// Whether the op is a call.
    pub const fn is_call(self) -> bool {
        self.flags().contains(OpFlags::CALL)
    }

    /// Whether the op is one of the `call_may_force_*` family.
    pub const fn is_call_may_force(self) -> bool {
        matches!(
            self,
            Opcode::call_may_force_i | Opcode::call_may_force_r | Opcode::call_may_force_f | Opcode::call_may_force_n
        )
    }

    /// The call op for a call descriptor's result type and effect class (what
    /// the recorder emits; the verifier checks the same correspondence).
    /// `None` for a pure call returning nothing, which would be dead code.
    pub fn call_for(result: Type, effect: EffectClass) -> Option<Opcode> {
        use Opcode::*;
        Some(match (effect, result) {
            (EffectClass::Pure, Type::Int) => call_pure_i,
            (EffectClass::Pure, Type::Ref) => call_pure_r,
            (EffectClass::Pure, Type::Float) => call_pure_f,
            (EffectClass::Pure, Type::Void) => return None,
            (EffectClass::CanRaise, Type::Int) => call_i,
            (EffectClass::CanRaise, Type::Ref) => call_r,
            (EffectClass::CanRaise, Type::Float) => call_f,
            (EffectClass::CanRaise, Type::Void) => call_n,
            (EffectClass::MayForce, Type::Int) => call_may_force_i,
            (EffectClass::MayForce, Type::Ref) => call_may_force_r,
            (EffectClass::MayForce, Type::Float) => call_may_force_f,
            (EffectClass::MayForce, Type::Void) => call_may_force_n,
        })
    }

    /// The `same_as` op of a type.
    pub fn same_as(ty: Type) -> Opcode {
        match ty {
            Type::Int | Type::Void => Opcode::same_as_i,
            Type::Float => Opcode::same_as_f,
            Type::Ref => Opcode::same_as_r,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::ALL.len(), Opcode::escape as usize + 1);
    }

    #[test]
    fn properties_come_from_the_table() {
        assert!(Opcode::guard_true.is_guard());
        assert!(!Opcode::int_add.is_guard());
        assert!(Opcode::int_add.is_pure());
        assert!(Opcode::int_add.flags().contains(OpFlags::COMMUTATIVE));
        assert!(!Opcode::int_sub.flags().contains(OpFlags::COMMUTATIVE));
        assert!(!Opcode::float_mul.flags().contains(OpFlags::COMMUTATIVE), "NaN operands do not commute");
        assert!(!Opcode::int_add_ovf.is_pure());
        assert!(Opcode::int_mul_ovf.flags().contains(OpFlags::OVF));
        assert!(Opcode::int_lt.flags().contains(OpFlags::BOOL));
        assert!(!Opcode::getfield_gc_i.is_pure());
        assert!(Opcode::getfield_gc_i.is_removable());
        assert!(!Opcode::setfield_gc.is_removable());
        assert!(Opcode::call_i.flags().contains(OpFlags::CAN_RAISE));
        assert!(!Opcode::call_pure_i.flags().contains(OpFlags::CAN_RAISE));
        assert!(Opcode::call_may_force_n.is_call_may_force());
        assert_eq!(Opcode::getfield_gc_r.result(), Type::Ref);
        assert_eq!(Opcode::getfield_gc_r.descr_kind(), DescrKind::Field);
        assert_eq!(Opcode::setarrayitem_gc.arity(), Some(3));
        assert_eq!(Opcode::jump.arity(), None);
        assert!(Opcode::jump.flags().contains(OpFlags::FINAL));
    }

    #[test]
    fn calls_are_chosen_by_result_and_effect() {
        for effect in [EffectClass::Pure, EffectClass::CanRaise, EffectClass::MayForce] {
            for ty in [Type::Int, Type::Float, Type::Ref, Type::Void] {
                let Some(op) = Opcode::call_for(ty, effect) else {
                    assert_eq!((effect, ty), (EffectClass::Pure, Type::Void));
                    continue;
                };
                assert_eq!(op.result(), ty);
                assert_eq!(op.is_pure(), effect == EffectClass::Pure);
                assert_eq!(op.is_call_may_force(), effect == EffectClass::MayForce);
            }
        }
    }

    #[test]
    fn every_guard_returns_void_and_every_bool_op_returns_int() {
        for &op in Opcode::ALL {
            if op.is_guard() {
                assert_eq!(op.result(), Type::Void, "{}", op.name());
            }
            if op.flags().contains(OpFlags::BOOL) {
                assert_eq!(op.result(), Type::Int, "{}", op.name());
            }
            if op.is_call() {
                assert_eq!(op.descr_kind(), DescrKind::Call, "{}", op.name());
            }
        }
    }
}
