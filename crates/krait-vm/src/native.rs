//! Functions written in Rust and callable from Python.
//!
//! A native function receives its arguments the way CPython's vectorcall
//! does: one slice with the positional arguments followed by the values of
//! the keyword arguments, and a tuple naming the keyword ones. `Args` gives
//! typed access to them, and `Signature` binds them to parameters with
//! CPython's argument-clinic error messages.
//!
//! Builtin types declare their Python-visible surface as static tables of
//! `MethodDef`s and `GetSetDef`s (see `types::TypeSpec`); builtin modules
//! declare theirs the same way.

use crate::error::{PyErr, PyResult};
use crate::object::Gc;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

/// The Rust signature of every builtin function and method. For methods,
/// `self` is the first positional argument.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult;

/// A getter: `fn(vm, obj) -> value`.
pub type Getter = fn(&mut Vm, Value) -> PyResult;
/// A setter: `fn(vm, obj, value)`; `value` is NULL for `del`.
pub type Setter = fn(&mut Vm, Value, Value) -> PyResult<()>;

/// How a `MethodDef` binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (a `method_descriptor`).
    Instance,
    /// A class method: receives the class as `self`.
    Class,
    /// A static method: receives no `self`.
    Static,
}

/// One method of a builtin type or function of a builtin module.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Instance, doc: "" }
    }

    pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Class, doc: "" }
    }

    pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Static, doc: "" }
    }

    /// A module-level function (bound to nothing).
    pub const fn function(name: &'static str, func: NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Static, doc: "" }
    }
}

/// A computed attribute of a builtin type.
#[derive(Clone, Copy)]
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
}

impl GetSetDef {
    pub const fn readonly(name: &'static str, get: Getter) -> GetSetDef {
        GetSetDef { name, get, set: None }
    }

    pub const fn new(name: &'static str, get: Getter, set: Setter) -> GetSetDef {
        GetSetDef { name, get, set: Some(set) }
    }
}

/// The arguments of a call: positional values, then keyword values named
/// by `kwnames`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    values: &'a [Value],
    kwnames: Option<Gc<PyTuple>>,
    /// For a method of a builtin type called on an instance: that type, so
    /// errors read as CPython's (`str.upper() takes no arguments (1 given)`,
    /// counting the arguments without `self`).
    method_of: Option<Gc<PyType>>,
}

impl<'a> Args<'a> {
    pub fn new(values: &'a [Value], kwnames: Option<Gc<PyTuple>>) -> Args<'a> {
        debug_assert!(kwnames.is_none_or(|names| names.len() <= values.len()));
        Args { values, kwnames, method_of: None }
    }

    /// The arguments of a method of the builtin type `owner` (`self` first).
    pub fn for_method(values: &'a [Value], kwnames: Option<Gc<PyTuple>>, owner: Gc<PyType>) -> Args<'a> {
        Args { values, kwnames, method_of: Some(owner) }
    }

    /// Only positional arguments.
    pub fn positional_only(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: None, method_of: None }
    }

    /// Every value, positional then keyword.
    pub fn all(&self) -> &'a [Value] {
        self.values
    }

    pub fn kwnames(&self) -> Option<Gc<PyTuple>> {
        self.kwnames
    }

    #[inline]
    fn kw_count(&self) -> usize {
        self.kwnames.map_or(0, |names| names.len())
    }

    /// The positional arguments.
    #[inline]
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kw_count()]
    }

    #[inline]
    pub fn has_kwargs(&self) -> bool {
        self.kw_count() > 0
    }

    /// The keyword arguments as (name, value) pairs.
    pub fn kwargs(&self) -> impl Iterator<Item = (Gc<PyStr>, Value)> + 'a {
        let names = self.kwnames;
        let values = &self.values[self.values.len() - self.kw_count()..];
        (0..values.len()).map(move |i| {
            let name = names.expect("kwargs without names").get(i);
            (name.downcast::<PyStr>().expect("keyword names are strings"), values[i])
        })
    }

    /// The arguments without the first (for methods: without `self`).
    pub fn skip_self(&self) -> Args<'a> {
        Args { values: &self.values[1..], kwnames: self.kwnames, method_of: None }
    }

    /// The first positional argument (`self` of a method).
    pub fn this(&self) -> Value {
        self.values[0]
    }

    /// Positional arguments only, with a count in `min..=max`.
    #[inline]
    pub fn positional_range(&self, vm: &mut Vm, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(vm, name)?;
        let args = self.positional();
        if args.len() < min || args.len() > max {
            return Err(self.count_error(vm, name, min, max));
        }
        Ok(args)
    }

    #[cold]
    #[inline(never)]
    fn count_error(&self, vm: &mut Vm, name: &str, min: usize, max: usize) -> PyErr {
        let given = self.positional().len();
        match self.method_of {
            Some(owner) if min >= 1 => {
                let name = format!("{}.{name}", owner.name());
                arg_count_error(vm, &name, min - 1, max - 1, given - 1, true)
            }
            _ => arg_count_error(vm, name, min, max, given, false),
        }
    }

    /// Exactly `N` positional arguments.
    #[inline]
    pub fn exact<const N: usize>(&self, vm: &mut Vm, name: &str) -> PyResult<[Value; N]> {
        let args = self.positional_range(vm, name, N, N)?;
        Ok(std::array::from_fn(|i| args[i]))
    }

    /// Raise `TypeError` if there are keyword arguments.
    #[inline]
    pub fn no_kwargs(&self, vm: &mut Vm, name: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(self.no_kwargs_error(vm, name));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn no_kwargs_error(&self, vm: &mut Vm, name: &str) -> PyErr {
        let name = match self.method_of {
            Some(owner) => format!("{}.{name}", owner.name()),
            None => name.to_string(),
        };
        vm.type_error(format!("{name}() takes no keyword arguments"))
    }

    /// Bind to a signature; parameters not given are NULL.
    pub fn bind<const N: usize>(&self, vm: &mut Vm, sig: &Signature) -> PyResult<[Value; N]> {
        debug_assert_eq!(sig.params.len(), N, "signature of {}", sig.name);
        let mut out = [Value::NULL; N];
        sig.bind_into(vm, self, &mut out)?;
        Ok(out)
    }
}

/// CPython's argument-count messages; `method` selects the wording of
/// methods (`str.upper() takes no arguments (1 given)`).
fn arg_count_error(vm: &mut Vm, name: &str, min: usize, max: usize, given: usize, method: bool) -> crate::error::PyErr {
    let message = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            _ if method => format!("{name}() takes exactly {min} arguments ({given} given)"),
            _ => format!("{name} expected {min} arguments, got {given}"),
        }
    } else if given < min {
        format!("{name} expected at least {min} argument{}, got {given}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {given}", if max == 1 { "" } else { "s" })
    };
    vm.type_error(message)
}

/// A builtin function's parameters: `positional_only` of them can only be
/// passed positionally, those from `keyword_only` on only by keyword, and
/// the first `required` are required.
pub struct Signature {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub positional_only: usize,
    pub keyword_only: usize,
    pub required: usize,
}

impl Signature {
    fn bind_into(&self, vm: &mut Vm, args: &Args<'_>, out: &mut [Value]) -> PyResult<()> {
        // The checks and messages of CPython's `_PyArg_UnpackKeywords`.
        let positional = args.positional();
        // A method's `self` does not count in the messages.
        let this = usize::from(self.params.first() == Some(&"self"));
        let given = (positional.len() + args.kwargs().count()).saturating_sub(this);
        let max_args = self.params.len() - this;
        if given > max_args {
            return Err(vm.type_error(format!(
                "{}() takes at most {} {}argument{} ({given} given)",
                self.name,
                max_args,
                if positional.len() <= this { "keyword " } else { "" },
                if max_args == 1 { "" } else { "s" },
            )));
        }
        let max_positional = self.keyword_only;
        if positional.len() > max_positional {
            let message = if max_positional == 0 {
                format!("{}() takes no positional arguments", self.name)
            } else {
                format!(
                    "{}() takes {} {} positional argument{} ({} given)",
                    self.name,
                    if self.required >= max_positional { "exactly" } else { "at most" },
                    max_positional,
                    if max_positional == 1 { "" } else { "s" },
                    positional.len()
                )
            };
            return Err(vm.type_error(message));
        }
        out[..positional.len()].copy_from_slice(positional);
        for (name, value) in args.kwargs() {
            let key = name.as_str();
            let index = self.params.iter().position(|&p| p == key);
            match index {
                Some(i) if i >= self.positional_only => {
                    if !out[i].is_null() {
                        return Err(vm.type_error(format!(
                            "argument for {}() given by name ('{key}') and position ({})",
                            self.name,
                            i + 1
                        )));
                    }
                    out[i] = value;
                }
                _ => return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {}()", self.name))),
            }
        }
        for (i, value) in out.iter().enumerate().take(self.required) {
            if value.is_null() {
                let message = if i < self.keyword_only {
                    format!("{}() missing required argument '{}' (pos {})", self.name, self.params[i], i + 1)
                } else {
                    format!("{}() missing required keyword-only argument '{}'", self.name, self.params[i])
                };
                return Err(vm.type_error(message));
            }
        }
        Ok(())
    }
}
