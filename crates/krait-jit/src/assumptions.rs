//! Assumptions: facts a compiled loop relies on without checking them in
//! its machine code.
//!
//! A trace runs the code of the Python functions it calls inlined, as it
//! was when recorded, and may take the values of the globals it reads as
//! constants, and the attributes of modules too. These can change: a
//! function's `__code__` or `__defaults__` can be assigned, a global or a
//! module attribute rebound. But never while compiled code runs: no
//! instruction a trace records assigns either, and the helpers it calls run
//! no Python code (finalizers wait for the interpreter's next safe point).
//! So checking them when the loop is entered is as good as checking them at
//! every use, and costs nothing per iteration. PyPy gets the same effect
//! with quasi-immutable fields whose change invalidates the machine code;
//! here the check is lazy, one lookup per assumption per entry.
//!
//! The driver checks a loop's assumptions, and those of its bridges, before
//! each entry, and throws the loop away when one no longer holds: it is
//! recorded again after the usual threshold, then reading globals on every
//! iteration (`record::Options`) so that a global that keeps changing does
//! not make the loop be recorded over and over.

use krait_vm::object::Gc;
use krait_vm::types::dict::PyDict;
use krait_vm::types::function::PyFunction;
use krait_vm::types::str::PyStr;
use krait_vm::types::typeobject::PyType;
use krait_vm::value::Value as PyValue;

/// One fact a trace relies on.
#[derive(Clone, Copy, Debug)]
pub enum Assumption {
    /// The function has this version: its code and defaults are the ones
    /// the trace inlined.
    FunctionVersion { function: Gc<PyFunction>, version: u32 },
    /// The class has this version: its MRO and its dict are unchanged.
    ClassVersion { class: Gc<PyType>, version: u32 },
    /// `name` looked up in `globals`, then in `builtins`, is `value`.
    Global { globals: Gc<PyDict>, builtins: Gc<PyDict>, name: Gc<PyStr>, value: PyValue },
    /// Attribute `name` of a module (whose dict is `dict`) is `value`.
    ModuleAttr { dict: Gc<PyDict>, name: Gc<PyStr>, value: PyValue },
}

impl Assumption {
    /// Whether it still holds.
    pub fn holds(&self) -> bool {
        match *self {
            Assumption::FunctionVersion { function, version } => function.version.get() == version,
            Assumption::ClassVersion { class, version } => class.current_version() == version,
            Assumption::Global { globals, builtins, name, value } => {
                lookup_global(globals, builtins, name).is_some_and(|v| v.is(value))
            }
            Assumption::ModuleAttr { dict, name, value } => dict.get_str(name).is_some_and(|v| v.is(value)),
        }
    }

    /// The objects it names, which must stay alive as long as the trace
    /// (no other object may take their addresses).
    pub fn objects(&self) -> Vec<PyValue> {
        match *self {
            Assumption::FunctionVersion { function, .. } => vec![function.value()],
            Assumption::ClassVersion { class, .. } => vec![class.value()],
            Assumption::Global { globals, builtins, name, value } => {
                vec![globals.value(), builtins.value(), name.value(), value]
            }
            Assumption::ModuleAttr { dict, name, value } => vec![dict.value(), name.value(), value],
        }
    }
}

/// `LOAD_GLOBAL`'s lookup: `name` in `globals`, then in `builtins`.
pub fn lookup_global(globals: Gc<PyDict>, builtins: Gc<PyDict>, name: Gc<PyStr>) -> Option<PyValue> {
    globals.get_str(name).or_else(|| builtins.get_str(name))
}
