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
    /// `seen`: the dicts' mutation counts when that was last checked.
    Global { globals: Gc<PyDict>, builtins: Gc<PyDict>, name: Gc<PyStr>, value: PyValue, seen: [u64; 2] },
    /// Attribute `name` of a module (whose dict is `dict`) is `value`.
    ModuleAttr { dict: Gc<PyDict>, name: Gc<PyStr>, value: PyValue, seen: u64 },
}

impl Assumption {
    /// That `name` in `globals`, then in `builtins`, is `value`.
    pub fn global(globals: Gc<PyDict>, builtins: Gc<PyDict>, name: Gc<PyStr>, value: PyValue) -> Assumption {
        let seen = [globals.mutation_count(), builtins.mutation_count()];
        Assumption::Global { globals, builtins, name, value, seen }
    }

    /// That attribute `name` of the module whose dict is `dict` is `value`.
    pub fn module_attr(dict: Gc<PyDict>, name: Gc<PyStr>, value: PyValue) -> Assumption {
        Assumption::ModuleAttr { dict, name, value, seen: dict.mutation_count() }
    }

    /// Whether it still holds. A name in dicts that did not change since
    /// it was last checked is not looked up again (a loop is entered often,
    /// its globals rarely change).
    pub fn holds(&mut self) -> bool {
        match self {
            Assumption::FunctionVersion { function, version } => function.version.get() == *version,
            Assumption::ClassVersion { class, version } => class.current_version() == *version,
            Assumption::Global { globals, builtins, name, value, seen } => {
                let now = [globals.mutation_count(), builtins.mutation_count()];
                now == *seen || checked(lookup_global(*globals, *builtins, *name), *value, seen, now)
            }
            Assumption::ModuleAttr { dict, name, value, seen } => {
                let now = dict.mutation_count();
                now == *seen || checked(dict.get_str(*name), *value, seen, now)
            }
        }
    }

    /// Whether `other` states the same fact.
    pub fn same(&self, other: &Assumption) -> bool {
        self.key() == other.key()
    }

    fn key(&self) -> (u8, [u64; 4]) {
        match *self {
            Assumption::FunctionVersion { function, version } => {
                (0, [function.value().to_bits(), version.into(), 0, 0])
            }
            Assumption::ClassVersion { class, version } => (1, [class.value().to_bits(), version.into(), 0, 0]),
            Assumption::Global { globals, builtins, name, value, .. } => {
                let words = [globals.value(), builtins.value(), name.value(), value].map(PyValue::to_bits);
                (2, words)
            }
            Assumption::ModuleAttr { dict, name, value, .. } => {
                (3, [dict.value().to_bits(), name.value().to_bits(), value.to_bits(), 0])
            }
        }
    }

    /// The objects it names, which must stay alive as long as the trace
    /// (no other object may take their addresses).
    pub fn objects(&self) -> Vec<PyValue> {
        match *self {
            Assumption::FunctionVersion { function, .. } => vec![function.value()],
            Assumption::ClassVersion { class, .. } => vec![class.value()],
            Assumption::Global { globals, builtins, name, value, .. } => {
                vec![globals.value(), builtins.value(), name.value(), value]
            }
            Assumption::ModuleAttr { dict, name, value, .. } => vec![dict.value(), name.value(), value],
        }
    }
}

/// Whether the lookup `found` gave `value`; if so, remember the mutation
/// counts `now` it was checked at.
fn checked<T>(found: Option<PyValue>, value: PyValue, seen: &mut T, now: T) -> bool {
    let holds = found.is_some_and(|v| v.is(value));
    if holds {
        *seen = now;
    }
    holds
}

/// Add `assumption` to `all` unless it is there already.
pub fn add(all: &mut Vec<Assumption>, assumption: Assumption) {
    if !all.iter().any(|a| a.same(&assumption)) {
        all.push(assumption);
    }
}

/// `LOAD_GLOBAL`'s lookup: `name` in `globals`, then in `builtins`.
pub fn lookup_global(globals: Gc<PyDict>, builtins: Gc<PyDict>, name: Gc<PyStr>) -> Option<PyValue> {
    globals.get_str(name).or_else(|| builtins.get_str(name))
}
