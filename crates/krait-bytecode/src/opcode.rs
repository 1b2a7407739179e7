//! The instruction set, defined once.
//!
//! Every instruction is one row of the `opcodes!` table below. The macro
//! produces the `Opcode` enum, its names, the kind of its argument, the number
//! of inline cache units that follow it, its stack effect, and, for the
//! specialised forms the interpreter quickens into, the generic instruction it
//! stands for. Nothing else in Krait lists opcodes: the compiler, the
//! interpreter, the disassembler and (later) the trace recorder all read these
//! properties from here.
//!
//! ## Encoding
//!
//! Bytecode is a sequence of 32-bit code units. An instruction is one unit:
//! the opcode in the low 8 bits and a 24-bit argument above it (so, unlike
//! CPython, there is no `EXTENDED_ARG`). It is followed by `cache_units()`
//! units of inline cache, which the compiler emits as zeros and the
//! interpreter uses for quickening (the adaptive counter is always the first
//! cache unit). Jump arguments are absolute code-unit indices.
//!
//! ## Semantics
//!
//! The instructions are CPython 3.11's, with its stack layout, so that the
//! listing of `krait -m dis` reads like `python3 -m dis`. The differences:
//! jumps are absolute (`POP_JUMP_IF_FALSE` instead of the forward/backward
//! pairs), `PRECALL` does not exist (`CALL` does its work), and there is no
//! `EXTENDED_ARG` or `CACHE` instruction. Each row documents its stack effect
//! as `Stack: before => after`, top of stack rightmost. `NULL` is the empty
//! value that `PUSH_NULL` pushes.

/// How an instruction's argument is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// An index into `CodeObject::consts`.
    Const,
    /// An index into `CodeObject::names`.
    Name,
    /// `LOAD_GLOBAL`: `(name index << 1) | push_null`.
    GlobalName,
    /// An index into the fast locals (`CodeObject::localsplus_names`).
    Local,
    /// An index into the fast locals naming a cell or free variable.
    Deref,
    /// An absolute code-unit index.
    Jump,
    /// A count or a flag word.
    Count,
    /// A `ComparisonOp`.
    Compare,
    /// A `BinaryOp`.
    Binary,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { cache: $cache:literal, arg: $kind:ident, effect: $effect:expr $(, base: $base:ident)? $(,)? }
    )*) => {
        /// One instruction of Krait's bytecode; see the module documentation.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Opcode {
            /// Every opcode, indexed by its number.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// The name `dis` prints.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// How many 32-bit inline cache units follow the instruction.
            #[inline(always)]
            pub const fn cache_units(self) -> usize {
                const CACHE_UNITS: &[u8] = &[ $( $cache, )* ];
                CACHE_UNITS[self as usize] as usize
            }

            /// How the argument is read.
            pub const fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// The net change in stack depth, for an argument and for whether
            /// the jump (if the instruction has one) is taken.
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                let arg = arg as i32;
                match self { $( Opcode::$name => {
                    let effect: fn(i32, bool) -> i32 = $effect;
                    effect(arg, jump)
                } )* }
            }

            /// The generic instruction a specialised form was quickened from
            /// (itself for a generic instruction). Specialised forms share the
            /// generic form's argument and cache layout.
            #[inline(always)]
            pub const fn base(self) -> Opcode {
                const BASES: &[Opcode] = &[ $( opcodes!(@base $name $(, $base)?), )* ];
                BASES[self as usize]
            }
        }
    };
    (@base $name:ident) => { Opcode::$name };
    (@base $name:ident, $base:ident) => { Opcode::$base };
}

opcodes! {
    // ---- stack manipulation -------------------------------------------------
    /// Does nothing. Stack: =>
    NOP { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: value =>
    POP_TOP { cache: 0, arg: None, effect: |_, _| -1 }
    /// Stack: => NULL
    PUSH_NULL { cache: 0, arg: None, effect: |_, _| 1 }
    /// Push a copy of the i-th item from the top (1 is the top). Stack: ... => ..., item
    COPY { cache: 0, arg: Count, effect: |_, _| 1 }
    /// Swap the top with the i-th item from the top (i >= 2). Stack: unchanged depth.
    SWAP { cache: 0, arg: Count, effect: |_, _| 0 }

    // ---- constants and variables --------------------------------------------
    /// Stack: => consts[arg]
    LOAD_CONST { cache: 0, arg: Const, effect: |_, _| 1 }
    /// Raises UnboundLocalError if unset. Stack: => value
    LOAD_FAST { cache: 0, arg: Local, effect: |_, _| 1 }
    /// Stack: value =>
    STORE_FAST { cache: 0, arg: Local, effect: |_, _| -1 }
    /// Stack: =>
    DELETE_FAST { cache: 0, arg: Local, effect: |_, _| 0 }
    /// Replace the value in fast local `arg` with a new cell holding it
    /// (or an empty cell). Emitted at function start. Stack: =>
    MAKE_CELL { cache: 0, arg: Deref, effect: |_, _| 0 }
    /// Copy the `arg` cells of the function's closure into the last `arg`
    /// fast locals. Emitted at function start. Stack: =>
    COPY_FREE_VARS { cache: 0, arg: Count, effect: |_, _| 0 }
    /// Push the cell object in slot `arg` (to build a closure). Stack: => cell
    LOAD_CLOSURE { cache: 0, arg: Deref, effect: |_, _| 1 }
    /// Push the contents of the cell in slot `arg`. Stack: => value
    LOAD_DEREF { cache: 0, arg: Deref, effect: |_, _| 1 }
    /// In a class body: look the name up in the class namespace first, then
    /// in the cell. Stack: => value
    LOAD_CLASSDEREF { cache: 0, arg: Deref, effect: |_, _| 1 }
    /// Stack: value =>
    STORE_DEREF { cache: 0, arg: Deref, effect: |_, _| -1 }
    /// Stack: =>
    DELETE_DEREF { cache: 0, arg: Deref, effect: |_, _| 0 }
    /// Look up in locals, globals, builtins. Stack: => value
    LOAD_NAME { cache: 0, arg: Name, effect: |_, _| 1 }
    /// Stack: value =>
    STORE_NAME { cache: 0, arg: Name, effect: |_, _| -1 }
    /// Stack: =>
    DELETE_NAME { cache: 0, arg: Name, effect: |_, _| 0 }
    /// Look up names[arg >> 1] in globals then builtins; if arg & 1, push
    /// NULL first. Cache: counter, index, globals keys version, builtins keys
    /// version. Stack: => [NULL], value
    LOAD_GLOBAL { cache: 4, arg: GlobalName, effect: |a, _| 1 + (a & 1) }
    /// Stack: value =>
    STORE_GLOBAL { cache: 0, arg: Name, effect: |_, _| -1 }
    /// Stack: =>
    DELETE_GLOBAL { cache: 0, arg: Name, effect: |_, _| 0 }

    // ---- attributes and items -----------------------------------------------
    /// Cache: counter, type version, map id, slot. Stack: owner => value
    LOAD_ATTR { cache: 13, arg: Name, effect: |_, _| 0 }
    /// Push the unbound method and `owner` if the attribute is a plain
    /// function found on the type, else NULL and the attribute.
    /// Cache: counter, type version, map id, descriptor (2 units).
    /// Stack: owner => method, owner  |  owner => NULL, value
    LOAD_METHOD { cache: 17, arg: Name, effect: |_, _| 1 }
    /// Cache: counter, type version, map id, slot. Stack: value, owner =>
    STORE_ATTR { cache: 13, arg: Name, effect: |_, _| -2 }
    /// Stack: owner =>
    DELETE_ATTR { cache: 0, arg: Name, effect: |_, _| -1 }
    /// Stack: container, key => container[key]
    BINARY_SUBSCR { cache: 1, arg: None, effect: |_, _| -1 }
    /// Stack: value, container, key =>
    STORE_SUBSCR { cache: 1, arg: None, effect: |_, _| -3 }
    /// Stack: container, key =>
    DELETE_SUBSCR { cache: 0, arg: None, effect: |_, _| -2 }

    // ---- operators ------------------------------------------------------------
    /// Stack: value => +value
    UNARY_POSITIVE { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: value => -value
    UNARY_NEGATIVE { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: value => not value
    UNARY_NOT { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: value => ~value
    UNARY_INVERT { cache: 0, arg: None, effect: |_, _| 0 }
    /// The operator is a `BinaryOp`. Cache: counter. Stack: lhs, rhs => result
    BINARY_OP { cache: 1, arg: Binary, effect: |_, _| -1 }
    /// The operator is a `ComparisonOp`. Cache: counter. Stack: lhs, rhs => result
    COMPARE_OP { cache: 1, arg: Compare, effect: |_, _| -1 }
    /// `is` (arg 0) or `is not` (arg 1). Stack: lhs, rhs => bool
    IS_OP { cache: 0, arg: Count, effect: |_, _| -1 }
    /// `in` (arg 0) or `not in` (arg 1). Stack: item, container => bool
    CONTAINS_OP { cache: 0, arg: Count, effect: |_, _| -1 }

    // ---- building -----------------------------------------------------------------
    /// Stack: item * arg => tuple
    BUILD_TUPLE { cache: 0, arg: Count, effect: |a, _| 1 - a }
    /// Stack: item * arg => list
    BUILD_LIST { cache: 0, arg: Count, effect: |a, _| 1 - a }
    /// Stack: item * arg => set
    BUILD_SET { cache: 0, arg: Count, effect: |a, _| 1 - a }
    /// Stack: (key, value) * arg => dict
    BUILD_MAP { cache: 0, arg: Count, effect: |a, _| 1 - 2 * a }
    /// Stack: value * arg, keys_tuple => dict
    BUILD_CONST_KEY_MAP { cache: 0, arg: Count, effect: |a, _| -a }
    /// Concatenate `arg` strings. Stack: str * arg => str
    BUILD_STRING { cache: 0, arg: Count, effect: |a, _| 1 - a }
    /// arg is 2 or 3. Stack: start, stop[, step] => slice
    BUILD_SLICE { cache: 0, arg: Count, effect: |a, _| 1 - a }
    /// Append to the list `arg` items down (counting the item as 1... as CPython:
    /// the list is at stack[-arg] after popping). Stack: list, ..., item => list, ...
    LIST_APPEND { cache: 0, arg: Count, effect: |_, _| -1 }
    /// Stack: set, ..., item => set, ...
    SET_ADD { cache: 0, arg: Count, effect: |_, _| -1 }
    /// Stack: dict, ..., key, value => dict, ...
    MAP_ADD { cache: 0, arg: Count, effect: |_, _| -2 }
    /// Stack: list, ..., iterable => list, ...
    LIST_EXTEND { cache: 0, arg: Count, effect: |_, _| -1 }
    /// Stack: set, ..., iterable => set, ...
    SET_UPDATE { cache: 0, arg: Count, effect: |_, _| -1 }
    /// `{**a}`. Stack: dict, ..., mapping => dict, ...
    DICT_UPDATE { cache: 0, arg: Count, effect: |_, _| -1 }
    /// `f(**a)`: like DICT_UPDATE but duplicate keys raise TypeError.
    /// Stack: dict, ..., mapping => dict, ...
    DICT_MERGE { cache: 0, arg: Count, effect: |_, _| -1 }
    /// Stack: list => tuple
    LIST_TO_TUPLE { cache: 0, arg: None, effect: |_, _| 0 }
    /// Cache: counter. Stack: seq => item[arg-1], ..., item[0]
    UNPACK_SEQUENCE { cache: 1, arg: Count, effect: |a, _| a - 1 }
    /// arg = before | after << 8. Stack: seq => after items (reversed), list, before items (reversed)
    UNPACK_EX { cache: 0, arg: Count, effect: |a, _| (a & 0xff) + (a >> 8) }
    /// flags & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); flags & 4: a
    /// format spec is on the stack. Stack: value[, spec] => str
    FORMAT_VALUE { cache: 0, arg: Count, effect: |a, _| if a & 4 != 0 { -1 } else { 0 } }

    // ---- control flow ---------------------------------------------------------------
    /// Stack: =>
    JUMP_FORWARD { cache: 0, arg: Jump, effect: |_, _| 0 }
    /// A loop's back edge; counts iterations for the JIT. Cache: counter.
    /// Stack: =>
    JUMP_BACKWARD { cache: 1, arg: Jump, effect: |_, _| 0 }
    /// A back edge that is not a loop (yield from / await). Stack: =>
    JUMP_BACKWARD_NO_INTERRUPT { cache: 0, arg: Jump, effect: |_, _| 0 }
    /// Stack: cond =>
    POP_JUMP_IF_FALSE { cache: 0, arg: Jump, effect: |_, _| -1 }
    /// Stack: cond =>
    POP_JUMP_IF_TRUE { cache: 0, arg: Jump, effect: |_, _| -1 }
    /// Stack: value =>
    POP_JUMP_IF_NONE { cache: 0, arg: Jump, effect: |_, _| -1 }
    /// Stack: value =>
    POP_JUMP_IF_NOT_NONE { cache: 0, arg: Jump, effect: |_, _| -1 }
    /// If false, jump and keep it, else pop. Stack: cond => cond (jump) | =>
    JUMP_IF_FALSE_OR_POP { cache: 0, arg: Jump, effect: |_, j| if j { 0 } else { -1 } }
    /// If true, jump and keep it, else pop. Stack: cond => cond (jump) | =>
    JUMP_IF_TRUE_OR_POP { cache: 0, arg: Jump, effect: |_, j| if j { 0 } else { -1 } }
    /// Stack: iterable => iterator
    GET_ITER { cache: 0, arg: None, effect: |_, _| 0 }
    /// Push the next item, or pop the iterator and jump when exhausted.
    /// Cache: counter. Stack: iter => iter, item  |  iter => (jump)
    FOR_ITER { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 } }

    // ---- calls and functions --------------------------------------------------------
    /// The names of the last `len(consts[arg])` arguments of the next CALL.
    /// Stack: =>
    KW_NAMES { cache: 0, arg: Const, effect: |_, _| 0 }
    /// Call with `arg` arguments (the last ones named by a preceding
    /// KW_NAMES). Cache: counter, function version, 2 spare.
    /// Stack: NULL, callable, args * arg => result
    ///        method, self, args * arg => result
    CALL { cache: 4, arg: Count, effect: |a, _| -1 - a }
    /// flags & 1: a kwargs mapping is on the stack.
    /// Stack: NULL|callable_or_self..., callable, args_tuple[, kwargs] => result
    /// (as CPython 3.11: NULL, callable, args_tuple[, kwargs])
    CALL_FUNCTION_EX { cache: 0, arg: Count, effect: |a, _| -2 - (a & 1) }
    /// flags: 1 defaults tuple, 2 kw-defaults dict, 4 annotations tuple,
    /// 8 closure tuple. Stack: [defaults], [kwdefaults], [annotations], [closure], code => function
    MAKE_FUNCTION { cache: 0, arg: Count, effect: |a, _| -((a & 1 != 0) as i32 + (a & 2 != 0) as i32 + (a & 4 != 0) as i32 + (a & 8 != 0) as i32) }
    /// Stack: retval =>
    RETURN_VALUE { cache: 0, arg: None, effect: |_, _| -1 }
    /// Marks the start of a function body or a resumption point: 0 start,
    /// 1 after yield, 2 after yield from, 3 after await. Stack: =>
    RESUME { cache: 0, arg: Count, effect: |_, _| 0 }
    /// First instruction of a generator, coroutine or async generator: turn
    /// the frame into a generator object and return it. Stack: =>
    RETURN_GENERATOR { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: value => sent
    YIELD_VALUE { cache: 0, arg: None, effect: |_, _| 0 }
    /// Send the value to the sub-iterator; when it returns, replace both
    /// with the return value and jump. Stack: receiver, value => receiver, yielded | => retval (jump)
    SEND { cache: 0, arg: Jump, effect: |_, j| if j { -1 } else { 0 } }
    /// `yield from`: iter() unless already a generator or coroutine.
    /// Stack: iterable => iterator
    GET_YIELD_FROM_ITER { cache: 0, arg: None, effect: |_, _| 0 }
    /// Wrap the value yielded by an async generator. Stack: value => wrapped
    ASYNC_GEN_WRAP { cache: 0, arg: None, effect: |_, _| 0 }
    /// arg: 0 plain await, 1 after __aenter__, 2 after __aexit__.
    /// Stack: awaitable => iterator
    GET_AWAITABLE { cache: 0, arg: Count, effect: |_, _| 0 }
    /// Stack: aiterable => aiterator
    GET_AITER { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: aiterator => aiterator, awaitable
    GET_ANEXT { cache: 0, arg: None, effect: |_, _| 1 }
    /// In an exception handler of `async for`: swallow StopAsyncIteration.
    /// Stack: aiterator, exc =>
    END_ASYNC_FOR { cache: 0, arg: None, effect: |_, _| -2 }

    // ---- exceptions -----------------------------------------------------------------
    /// 0: re-raise the current exception; 1: raise exc; 2: raise exc from cause.
    /// Stack: [exc, [cause]] =>
    RAISE_VARARGS { cache: 0, arg: Count, effect: |a, _| -a }
    /// Re-raise; if arg, set the frame's last instruction from the value
    /// under the exception. Stack: [lasti,] exc =>
    RERAISE { cache: 0, arg: Count, effect: |_, _| -1 }
    /// On entry to a handler: save the current exception and make `exc` current.
    /// Stack: exc => previous_exc, exc
    PUSH_EXC_INFO { cache: 0, arg: None, effect: |_, _| 1 }
    /// Restore the exception saved by PUSH_EXC_INFO. Stack: previous_exc =>
    POP_EXCEPT { cache: 0, arg: None, effect: |_, _| -1 }
    /// Stack: exc, type => exc, bool
    CHECK_EXC_MATCH { cache: 0, arg: None, effect: |_, _| 0 }
    /// `except*`: split the group. Stack: exc, type => rest, match
    CHECK_EG_MATCH { cache: 0, arg: None, effect: |_, _| 0 }
    /// `except*`: combine what is left to re-raise. Stack: orig, list => exc_or_None
    PREP_RERAISE_STAR { cache: 0, arg: None, effect: |_, _| -1 }
    /// Stack: => AssertionError
    LOAD_ASSERTION_ERROR { cache: 0, arg: None, effect: |_, _| 1 }

    // ---- with -----------------------------------------------------------------------
    /// Stack: manager => exit, enter_result
    BEFORE_WITH { cache: 0, arg: None, effect: |_, _| 1 }
    /// Stack: manager => exit, awaitable
    BEFORE_ASYNC_WITH { cache: 0, arg: None, effect: |_, _| 1 }
    /// Call exit(type, value, tb) for the exception on top.
    /// Stack: exit, lasti, prev_exc, exc => exit, lasti, prev_exc, exc, result
    WITH_EXCEPT_START { cache: 0, arg: None, effect: |_, _| 1 }

    // ---- classes, modules, misc -------------------------------------------------------------
    /// Stack: => builtins.__build_class__
    LOAD_BUILD_CLASS { cache: 0, arg: None, effect: |_, _| 1 }
    /// Create `__annotations__` in the local namespace if absent. Stack: =>
    SETUP_ANNOTATIONS { cache: 0, arg: None, effect: |_, _| 0 }
    /// Stack: level, fromlist => module
    IMPORT_NAME { cache: 0, arg: Name, effect: |_, _| -1 }
    /// Stack: module => module, attribute
    IMPORT_FROM { cache: 0, arg: Name, effect: |_, _| 1 }
    /// `from m import *`. Stack: module =>
    IMPORT_STAR { cache: 0, arg: None, effect: |_, _| -1 }
    /// Interactive mode: display the value. Stack: value =>
    PRINT_EXPR { cache: 0, arg: None, effect: |_, _| -1 }

    // ---- structural pattern matching --------------------------------------------------------
    /// Stack: obj => obj, len(obj)
    GET_LEN { cache: 0, arg: None, effect: |_, _| 1 }
    /// Stack: obj => obj, bool
    MATCH_MAPPING { cache: 0, arg: None, effect: |_, _| 1 }
    /// Stack: obj => obj, bool
    MATCH_SEQUENCE { cache: 0, arg: None, effect: |_, _| 1 }
    /// Stack: obj, keys => obj, keys, values_tuple_or_None
    MATCH_KEYS { cache: 0, arg: None, effect: |_, _| 1 }
    /// `arg` positional sub-patterns. Stack: obj, cls, kw_names => attrs_tuple_or_None
    MATCH_CLASS { cache: 0, arg: Count, effect: |_, _| -2 }

    // ---- specialised forms (written only by the interpreter's quickening) ---------------------
    /// LOAD_ATTR of an attribute stored in an instance at a known map slot.
    LOAD_ATTR_INSTANCE { cache: 13, arg: Name, effect: |_, _| 0, base: LOAD_ATTR }
    /// LOAD_ATTR of a `__slots__` member (cache: type version, -, index).
    LOAD_ATTR_SLOT { cache: 13, arg: Name, effect: |_, _| 0, base: LOAD_ATTR }
    /// LOAD_ATTR of a `property` whose getter is a plain Python function:
    /// pushes the getter's frame, whose return value replaces the owner
    /// (cache: type version, property, getter version).
    LOAD_ATTR_PROPERTY { cache: 13, arg: Name, effect: |_, _| 0, base: LOAD_ATTR }
    /// LOAD_ATTR of a module attribute (cache: dict keys version, index).
    LOAD_ATTR_MODULE { cache: 13, arg: Name, effect: |_, _| 0, base: LOAD_ATTR }
    /// LOAD_METHOD of a function found on the type, with no instance attribute shadowing it.
    LOAD_METHOD_CACHED { cache: 17, arg: Name, effect: |_, _| 1, base: LOAD_METHOD }
    /// LOAD_METHOD of a module attribute (a plain call: NULL, attribute).
    LOAD_METHOD_MODULE { cache: 17, arg: Name, effect: |_, _| 1, base: LOAD_METHOD }
    /// STORE_ATTR into an instance slot at a known map, or adding the
    /// attribute by a known map transition.
    STORE_ATTR_INSTANCE { cache: 13, arg: Name, effect: |_, _| -2, base: STORE_ATTR }
    /// STORE_ATTR into a `__slots__` member (cache: type version, -, index).
    STORE_ATTR_SLOT { cache: 13, arg: Name, effect: |_, _| -2, base: STORE_ATTR }
    /// LOAD_GLOBAL found in the module's globals.
    LOAD_GLOBAL_MODULE { cache: 4, arg: GlobalName, effect: |a, _| 1 + (a & 1), base: LOAD_GLOBAL }
    /// LOAD_GLOBAL found in builtins.
    LOAD_GLOBAL_BUILTIN { cache: 4, arg: GlobalName, effect: |a, _| 1 + (a & 1), base: LOAD_GLOBAL }
    /// BINARY_OP on two small ints.
    BINARY_OP_INT { cache: 1, arg: Binary, effect: |_, _| -1, base: BINARY_OP }
    /// BINARY_OP on two floats (or a float and a small int).
    BINARY_OP_FLOAT { cache: 1, arg: Binary, effect: |_, _| -1, base: BINARY_OP }
    /// `+` (or `+=`) on two floats (or a float and a small int).
    BINARY_OP_ADD_FLOAT { cache: 1, arg: Binary, effect: |_, _| -1, base: BINARY_OP }
    /// `-` (or `-=`) on two floats (or a float and a small int).
    BINARY_OP_SUBTRACT_FLOAT { cache: 1, arg: Binary, effect: |_, _| -1, base: BINARY_OP }
    /// `*` (or `*=`) on two floats (or a float and a small int).
    BINARY_OP_MULTIPLY_FLOAT { cache: 1, arg: Binary, effect: |_, _| -1, base: BINARY_OP }
    /// COMPARE_OP on two small ints.
    COMPARE_OP_INT { cache: 1, arg: Compare, effect: |_, _| -1, base: COMPARE_OP }
    /// COMPARE_OP on two floats.
    COMPARE_OP_FLOAT { cache: 1, arg: Compare, effect: |_, _| -1, base: COMPARE_OP }
    /// COMPARE_OP on two exact strs.
    COMPARE_OP_STR { cache: 1, arg: Compare, effect: |_, _| -1, base: COMPARE_OP }
    /// BINARY_SUBSCR of a list by a small int.
    BINARY_SUBSCR_LIST_INT { cache: 1, arg: None, effect: |_, _| -1, base: BINARY_SUBSCR }
    /// BINARY_SUBSCR of a tuple by a small int.
    BINARY_SUBSCR_TUPLE_INT { cache: 1, arg: None, effect: |_, _| -1, base: BINARY_SUBSCR }
    /// BINARY_SUBSCR of an exact dict.
    BINARY_SUBSCR_DICT { cache: 1, arg: None, effect: |_, _| -1, base: BINARY_SUBSCR }
    /// STORE_SUBSCR into a list by a small int.
    STORE_SUBSCR_LIST_INT { cache: 1, arg: None, effect: |_, _| -3, base: STORE_SUBSCR }
    /// STORE_SUBSCR into an exact dict.
    STORE_SUBSCR_DICT { cache: 1, arg: None, effect: |_, _| -3, base: STORE_SUBSCR }
    /// FOR_ITER over a range iterator.
    FOR_ITER_RANGE { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 }, base: FOR_ITER }
    /// FOR_ITER over a list iterator.
    FOR_ITER_LIST { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 }, base: FOR_ITER }
    /// FOR_ITER over a tuple iterator.
    FOR_ITER_TUPLE { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 }, base: FOR_ITER }
    /// FOR_ITER over a plain generator: runs its frame in this loop (its
    /// yield pushes the item, its return jumps to the target).
    FOR_ITER_GEN { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 }, base: FOR_ITER }
    /// FOR_ITER over a `zip` or `enumerate` whose item the next
    /// instruction, an UNPACK_SEQUENCE, unpacks: pushes the items as that
    /// would and steps over it, so no tuple is made per step.
    FOR_ITER_UNPACK { cache: 1, arg: Jump, effect: |_, j| if j { -1 } else { 1 }, base: FOR_ITER }
    /// CALL of a Python function with exactly its positional parameters.
    CALL_PY_EXACT_ARGS { cache: 4, arg: Count, effect: |a, _| -1 - a, base: CALL }
    /// CALL of a plain Python class (object's `__new__`, a Python
    /// `__init__` taking exactly the arguments): allocates the instance and
    /// pushes `__init__`'s frame, whose return pushes the instance (cache:
    /// class version, `__init__` function).
    CALL_PY_INIT { cache: 4, arg: Count, effect: |a, _| -1 - a, base: CALL }
    /// CALL of a builtin function (module-level or unbound) or of a builtin
    /// type's method on an instance of exactly that type, without keywords
    /// (cache: the address of its static definition).
    CALL_BUILTIN { cache: 4, arg: Count, effect: |a, _| -1 - a, base: CALL }
    /// UNPACK_SEQUENCE of a tuple of the right length.
    UNPACK_SEQUENCE_TUPLE { cache: 1, arg: Count, effect: |a, _| a - 1, base: UNPACK_SEQUENCE }
    /// UNPACK_SEQUENCE of a list of the right length.
    UNPACK_SEQUENCE_LIST { cache: 1, arg: Count, effect: |a, _| a - 1, base: UNPACK_SEQUENCE }
}

impl Opcode {
    /// Decode an opcode number.
    #[inline]
    pub fn from_u8(byte: u8) -> Option<Opcode> {
        Opcode::ALL.get(byte as usize).copied()
    }

    /// Decode an opcode number known to be valid.
    ///
    /// # Safety
    /// `byte` must be less than `Opcode::ALL.len()`.
    #[inline(always)]
    pub unsafe fn from_u8_unchecked(byte: u8) -> Opcode {
        debug_assert!((byte as usize) < Opcode::ALL.len());
        // SAFETY: `Opcode` is `repr(u8)` with variants numbered densely from
        // 0 (see `opcode_numbers_round_trip`), and the caller guarantees the range.
        unsafe { std::mem::transmute::<u8, Opcode>(byte) }
    }

    /// Whether the argument is a jump target.
    pub const fn has_jump(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Jump)
    }

    /// Whether control never falls through to the next instruction.
    pub const fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::RETURN_VALUE
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
        )
    }

    /// Whether this is a specialised form of another instruction.
    pub const fn is_specialized(self) -> bool {
        self.base() as u8 != self as u8
    }
}

/// `BINARY_OP`'s argument: CPython's `NB_*` numbering (in-place forms are
/// the plain ones plus 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl BinaryOp {
    /// All operators, in argument order.
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::LShift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::RShift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];

    /// The offset that turns an operator into its in-place form.
    pub const INPLACE: u32 = 13;

    /// Decode a `BINARY_OP` argument into the operator and whether it is in place.
    pub fn decode(arg: u32) -> Option<(BinaryOp, bool)> {
        let inplace = arg >= Self::INPLACE;
        let index = if inplace { arg - Self::INPLACE } else { arg };
        Self::ALL.get(index as usize).map(|&op| (op, inplace))
    }

    /// The operator as written in Python source (`+`, `//`, ...).
    pub const fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::LShift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::RShift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }
}

/// `COMPARE_OP`'s argument, CPython's `Py_LT` ... `Py_GE` numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ComparisonOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl ComparisonOp {
    /// All comparisons, in argument order.
    pub const ALL: [ComparisonOp; 6] =
        [ComparisonOp::Lt, ComparisonOp::Le, ComparisonOp::Eq, ComparisonOp::Ne, ComparisonOp::Gt, ComparisonOp::Ge];

    /// Decode a `COMPARE_OP` argument.
    pub fn decode(arg: u32) -> Option<ComparisonOp> {
        Self::ALL.get(arg as usize).copied()
    }

    /// The operator as written in Python source.
    pub const fn symbol(self) -> &'static str {
        match self {
            ComparisonOp::Lt => "<",
            ComparisonOp::Le => "<=",
            ComparisonOp::Eq => "==",
            ComparisonOp::Ne => "!=",
            ComparisonOp::Gt => ">",
            ComparisonOp::Ge => ">=",
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub const fn swapped(self) -> ComparisonOp {
        match self {
            ComparisonOp::Lt => ComparisonOp::Gt,
            ComparisonOp::Le => ComparisonOp::Ge,
            ComparisonOp::Eq => ComparisonOp::Eq,
            ComparisonOp::Ne => ComparisonOp::Ne,
            ComparisonOp::Gt => ComparisonOp::Lt,
            ComparisonOp::Ge => ComparisonOp::Le,
        }
    }
}

/// One 32-bit code unit, decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub op: Opcode,
    pub arg: u32,
}

impl Instruction {
    /// The largest argument an instruction can carry.
    pub const MAX_ARG: u32 = (1 << 24) - 1;

    /// Encode as a code unit.
    #[inline]
    pub const fn encode(op: Opcode, arg: u32) -> u32 {
        (op as u32) | (arg << 8)
    }

    /// Decode a code unit; `None` for a cache unit that is not an instruction.
    #[inline]
    pub fn decode(unit: u32) -> Option<Instruction> {
        Opcode::from_u8(unit as u8).map(|op| Instruction { op, arg: unit >> 8 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbers_round_trip() {
        for (i, &op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(op as usize, i);
            assert_eq!(Opcode::from_u8(i as u8), Some(op));
            let unit = Instruction::encode(op, 0x12_3456);
            assert_eq!(Instruction::decode(unit), Some(Instruction { op, arg: 0x12_3456 }));
        }
        assert_eq!(Opcode::from_u8(Opcode::ALL.len() as u8), None);
    }

    #[test]
    fn specialised_forms_share_the_base_layout() {
        for &op in Opcode::ALL {
            let base = op.base();
            assert_eq!(op.cache_units(), base.cache_units(), "{}", op.name());
            assert_eq!(op.arg_kind(), base.arg_kind(), "{}", op.name());
            for arg in [0, 1, 3] {
                for jump in [false, true] {
                    assert_eq!(op.stack_effect(arg, jump), base.stack_effect(arg, jump));
                }
            }
            assert!(!base.is_specialized());
        }
    }

    #[test]
    fn stack_effects_follow_cpython() {
        assert_eq!(Opcode::BUILD_TUPLE.stack_effect(3, false), -2);
        assert_eq!(Opcode::CALL.stack_effect(2, false), -3);
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, true), -1);
        assert_eq!(Opcode::MAKE_FUNCTION.stack_effect(0b1011, false), -3);
        assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(5, false), 2);
        assert_eq!(Opcode::UNPACK_EX.stack_effect(1 | (2 << 8), false), 3);
    }

    #[test]
    fn binary_op_arguments_decode() {
        assert_eq!(BinaryOp::decode(0), Some((BinaryOp::Add, false)));
        assert_eq!(BinaryOp::decode(13 + 10), Some((BinaryOp::Subtract, true)));
        assert_eq!(BinaryOp::decode(26), None);
    }
}
