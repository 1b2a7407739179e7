//! `function`, `code` and `cell`.
//!
//! `PyCode` is the runtime form of a compiled `CodeObject`: its constants and
//! names turned into values once, and a private, mutable copy of the
//! instructions that the interpreter quickens in place (the inline caches
//! live between the instructions; see `krait_bytecode::opcode`).

use std::cell::Cell;
use std::sync::Arc;

use krait_bytecode::{CodeFlags, CodeObject, Constant};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyCode {
    header: ObjHeader,
    pub code: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[Value]>,
    /// `co_localsplus_names`, interned.
    pub localsplus_names: Box<[Value]>,
    /// The instructions, quickened in place by the interpreter.
    pub instructions: Box<[Cell<u32>]>,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    /// Calls of functions with this code, for the JIT's hot-function counter.
    pub call_count: Cell<u32>,
}

impl_payload!(PyCode, Code);

impl PyCode {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.consts);
        tracer.mark_all(&self.names);
        tracer.mark_all(&self.localsplus_names);
        tracer.mark_all(&[self.filename, self.name, self.qualname]);
    }

    /// Turn a compiled code object (and the ones nested in its constants)
    /// into a runtime code object.
    pub fn from_code_object(vm: &mut Vm, code: Arc<CodeObject>) -> Gc<PyCode> {
        let consts = crate::rooted::RootedVec::new(vm);
        for constant in &code.consts {
            let value = constant_to_value(vm, constant);
            consts.push(vm, value);
        }
        let names = crate::rooted::RootedVec::new(vm);
        for name in &code.names {
            let value = vm.intern(name);
            names.push(vm, value);
        }
        let locals = crate::rooted::RootedVec::new(vm);
        for name in &code.localsplus_names {
            let value = vm.intern(name);
            locals.push(vm, value);
        }
        let filename = vm.new_str(&code.filename);
        let name = vm.intern(&code.name);
        let qualname = vm.new_str(&code.qualname);
        let payload = PyCode {
            header: ObjHeader::new(PyCode::LAYOUT, Value::NULL),
            instructions: code.code.iter().map(|&unit| Cell::new(unit)).collect(),
            code,
            consts: consts.to_vec().into_boxed_slice(),
            names: names.to_vec().into_boxed_slice(),
            localsplus_names: locals.to_vec().into_boxed_slice(),
            filename,
            name,
            qualname,
            call_count: Cell::new(0),
        };
        let ty = vm.types.code;
        vm.alloc(payload, ty)
    }

    #[inline(always)]
    pub fn flags(&self) -> CodeFlags {
        self.code.flags
    }

    pub fn nlocalsplus(&self) -> usize {
        self.code.localsplus_names.len()
    }

    pub fn name_str(&self) -> &str {
        &self.code.name
    }

    pub fn is_generator_like(&self) -> bool {
        let f = self.code.flags;
        f.has(CodeFlags::GENERATOR) || f.has(CodeFlags::COROUTINE) || f.has(CodeFlags::ASYNC_GENERATOR)
    }
}

/// The value of a compile-time constant.
pub fn constant_to_value(vm: &mut Vm, constant: &Constant) -> Value {
    match constant {
        Constant::None => vm.none(),
        Constant::Bool(b) => vm.bool_value(*b),
        Constant::Ellipsis => vm.singletons.ellipsis,
        Constant::Int(i) => vm.new_bigint(i.clone()),
        Constant::Float(f) => vm.new_float(*f),
        Constant::Complex { real, imag } => crate::types::complex::new_complex(vm, *real, *imag),
        Constant::Str(s) => vm.intern(s),
        Constant::Bytes(b) => crate::types::bytes::new_bytes(vm, b),
        Constant::Tuple(items) => {
            let values = crate::rooted::RootedVec::new(vm);
            for item in items {
                let v = constant_to_value(vm, item);
                values.push(vm, v);
            }
            new_tuple(vm, &values.to_vec())
        }
        Constant::FrozenSet(items) => {
            let values = crate::rooted::RootedVec::new(vm);
            for item in items {
                let v = constant_to_value(vm, item);
                values.push(vm, v);
            }
            let set = crate::types::set::new_frozenset(vm, values.list().value());
            set.map_or_else(|_| vm.none(), |s| s.value())
        }
        Constant::Code(code) => PyCode::from_code_object(vm, code.clone()).value(),
    }
}

/// A Python function.
#[repr(C)]
pub struct PyFunction {
    header: ObjHeader,
    pub code: ValueCell,
    pub globals: Gc<PyDict>,
    pub builtins: Gc<PyDict>,
    pub name: ValueCell,
    pub qualname: ValueCell,
    /// A tuple or NULL.
    pub defaults: ValueCell,
    /// A dict or NULL.
    pub kwdefaults: ValueCell,
    /// A tuple of cells or NULL.
    pub closure: ValueCell,
    pub doc: ValueCell,
    pub module: ValueCell,
    /// A dict or NULL (made on first access).
    pub annotations: ValueCell,
    /// Changes when `__code__`, `__defaults__` or `__kwdefaults__` change, so
    /// call caches can guard on it.
    pub version: Cell<u32>,
}

impl_payload!(PyFunction, Function, subclassable);

impl PyFunction {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[
            self.code.get(),
            self.globals.value(),
            self.builtins.value(),
            self.name.get(),
            self.qualname.get(),
            self.defaults.get(),
            self.kwdefaults.get(),
            self.closure.get(),
            self.doc.get(),
            self.module.get(),
            self.annotations.get(),
        ]);
    }

    #[inline(always)]
    pub fn code(&self) -> Gc<PyCode> {
        // SAFETY: `code` always holds a code object (the setter checks).
        unsafe { Gc::from_raw(self.code.get().object_unchecked()) }
    }

    pub fn defaults_tuple(&self) -> Option<Gc<PyTuple>> {
        self.defaults.get().downcast::<PyTuple>()
    }

    /// A new function for `code` in `globals`.
    pub fn new(vm: &mut Vm, code: Gc<PyCode>, globals: Gc<PyDict>) -> Gc<PyFunction> {
        let builtins = builtins_for(vm, globals);
        let doc = match code.consts.first() {
            Some(&c) if c.downcast::<PyStr>().is_some() => c,
            _ => vm.none(),
        };
        let module = globals.get_str(vm.names.name).unwrap_or(Value::NULL);
        let version = next_function_version();
        let payload = PyFunction {
            header: ObjHeader::new(PyFunction::LAYOUT_WITH_ATTRS.expect("functions carry attributes"), Value::NULL),
            code: ValueCell::new(code.value()),
            globals,
            builtins,
            name: ValueCell::new(code.name),
            qualname: ValueCell::new(code.qualname),
            defaults: ValueCell::new(Value::NULL),
            kwdefaults: ValueCell::new(Value::NULL),
            closure: ValueCell::new(Value::NULL),
            doc: ValueCell::new(doc),
            module: ValueCell::new(module),
            annotations: ValueCell::new(Value::NULL),
            version: Cell::new(version),
        };
        let ty = vm.types.function;
        vm.alloc_instance(payload, ty)
    }

    pub fn bump_version(&self) {
        self.version.set(next_function_version());
    }
}

/// A new function version; once they run out every function gets
/// `u32::MAX`, which call caches never trust.
fn next_function_version() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| v.checked_add(1)).unwrap_or(u32::MAX)
}

/// The builtins namespace for code running in `globals`: `globals['__builtins__']`
/// (a module or a dict), else the interpreter's.
pub fn builtins_for(vm: &mut Vm, globals: Gc<PyDict>) -> Gc<PyDict> {
    match globals.get_str(vm.names.builtins) {
        Some(b) => {
            if let Some(d) = b.downcast::<PyDict>() {
                d
            } else if let Some(m) = b.downcast::<crate::types::module::PyModule>() {
                m.dict()
            } else {
                vm.builtins
            }
        }
        None => vm.builtins,
    }
}

/// A closure cell.
#[repr(C)]
pub struct PyCell {
    header: ObjHeader,
    /// NULL when empty.
    pub contents: ValueCell,
}

impl_payload!(PyCell, Cell);

impl PyCell {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.contents.get());
    }

    pub fn new_value(vm: &mut Vm, contents: Value) -> Value {
        let ty = vm.types.cell;
        vm.alloc(PyCell { header: ObjHeader::new(PyCell::LAYOUT, Value::NULL), contents: ValueCell::new(contents) }, ty)
            .value()
    }
}

fn this_function(vm: &mut Vm, v: Value) -> PyResult<Gc<PyFunction>> {
    match v.downcast::<PyFunction>() {
        Some(f) => Ok(f),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'function' object but received a '{name}'")))
        }
    }
}

fn null_to_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none()
    } else {
        v
    }
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "function",
    base: None,
    layout: match PyFunction::LAYOUT_WITH_ATTRS {
        Some(layout) => layout,
        None => PyFunction::LAYOUT,
    },
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", function_repr),
        MethodDef::method("__get__", function_get),
        MethodDef::method("__call__", function_call),
    ],
    getsets: &[
        GetSetDef::new(
            "__code__",
            |vm, f| Ok(this_function(vm, f)?.code.get()),
            |vm, f, v| {
                let f = this_function(vm, f)?;
                let Some(code) = v.downcast::<PyCode>() else {
                    return Err(vm.type_error("__code__ must be set to a code object"));
                };
                let closure_len = f.closure.get().downcast::<PyTuple>().map_or(0, |c| c.len());
                let free = code.code.free_count();
                if free != closure_len {
                    let name = f.name.get().downcast::<PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default();
                    return Err(vm.value_error(format!(
                        "{name}() requires a code object with {closure_len} free vars, not {free}"
                    )));
                }
                f.code.set(v);
                f.bump_version();
                Ok(())
            },
        ),
        GetSetDef::readonly("__globals__", |vm, f| Ok(this_function(vm, f)?.globals.value())),
        GetSetDef::readonly("__builtins__", |vm, f| Ok(this_function(vm, f)?.builtins.value())),
        GetSetDef::new(
            "__name__",
            |vm, f| Ok(this_function(vm, f)?.name.get()),
            |vm, f, v| {
                let f = this_function(vm, f)?;
                if v.downcast::<PyStr>().is_none() {
                    return Err(vm.type_error("__name__ must be set to a string object"));
                }
                f.name.set(v);
                Ok(())
            },
        ),
        GetSetDef::new(
            "__qualname__",
            |vm, f| Ok(this_function(vm, f)?.qualname.get()),
            |vm, f, v| {
                let f = this_function(vm, f)?;
                if v.downcast::<PyStr>().is_none() {
                    return Err(vm.type_error("__qualname__ must be set to a string object"));
                }
                f.qualname.set(v);
                Ok(())
            },
        ),
        GetSetDef::new(
            "__defaults__",
            |vm, f| {
                let d = this_function(vm, f)?.defaults.get();
                Ok(null_to_none(vm, d))
            },
            |vm, f, v| {
                let f = this_function(vm, f)?;
                if v.is_null() || vm.is_none(v) {
                    f.defaults.set(Value::NULL);
                } else if v.downcast::<PyTuple>().is_some() {
                    f.defaults.set(v);
                } else {
                    return Err(vm.type_error("__defaults__ must be set to a tuple object"));
                }
                f.bump_version();
                Ok(())
            },
        ),
        GetSetDef::new(
            "__kwdefaults__",
            |vm, f| {
                let d = this_function(vm, f)?.kwdefaults.get();
                Ok(null_to_none(vm, d))
            },
            |vm, f, v| {
                let f = this_function(vm, f)?;
                if v.is_null() || vm.is_none(v) {
                    f.kwdefaults.set(Value::NULL);
                } else if v.downcast::<PyDict>().is_some() {
                    f.kwdefaults.set(v);
                } else {
                    return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
                }
                f.bump_version();
                Ok(())
            },
        ),
        GetSetDef::readonly("__closure__", |vm, f| {
            let c = this_function(vm, f)?.closure.get();
            Ok(null_to_none(vm, c))
        }),
        GetSetDef::new(
            "__doc__",
            |vm, f| Ok(this_function(vm, f)?.doc.get()),
            |vm, f, v| {
                let f = this_function(vm, f)?;
                f.doc.set(if v.is_null() { vm.none() } else { v });
                Ok(())
            },
        ),
        GetSetDef::new(
            "__module__",
            |vm, f| {
                let m = this_function(vm, f)?.module.get();
                Ok(null_to_none(vm, m))
            },
            |vm, f, v| {
                let f = this_function(vm, f)?;
                f.module.set(if v.is_null() { vm.none() } else { v });
                Ok(())
            },
        ),
        GetSetDef::new(
            "__annotations__",
            |vm, f| {
                let f = this_function(vm, f)?;
                if f.annotations.get().is_null() {
                    let d = PyDict::new(vm);
                    f.annotations.set(d.value());
                }
                Ok(f.annotations.get())
            },
            |vm, f, v| {
                let f = this_function(vm, f)?;
                if !v.is_null() && v.downcast::<PyDict>().is_none() && !vm.is_none(v) {
                    return Err(vm.type_error("__annotations__ must be set to a dict object"));
                }
                f.annotations.set(if v.is_null() || vm.is_none(v) { Value::NULL } else { v });
                Ok(())
            },
        ),
        GetSetDef::readonly("__dict__", crate::protocol::attr::instance_dict),
    ],
    doc: "Create a function object.",
};

fn function_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = this_function(vm, args.this())?;
    let qualname = f.qualname.get().downcast::<PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default();
    let text = format!("<function {qualname} at {:#x}>", f.value().to_bits());
    Ok(vm.new_str(&text))
}

fn function_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional_range(vm, "__get__", 2, 3)?;
    let (f, obj) = (all[0], all[1]);
    if obj.is_null() || vm.is_none(obj) {
        return Ok(f);
    }
    Ok(crate::types::descriptor::new_bound_method(vm, f, obj))
}

fn function_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    crate::protocol::call::call_kw(vm, all[0], &all[1..], args.kwnames())
}

pub static CELL_SPEC: TypeSpec = TypeSpec {
    name: "cell",
    base: None,
    layout: PyCell::LAYOUT,
    layout_with_attrs: None,
    methods: &[],
    getsets: &[GetSetDef::new(
        "cell_contents",
        |vm, c| {
            let contents = c.downcast::<PyCell>().map(|c| c.contents.get()).unwrap_or(Value::NULL);
            if contents.is_null() {
                return Err(vm.value_error("Cell is empty"));
            }
            Ok(contents)
        },
        |_vm, c, v| {
            if let Some(c) = c.downcast::<PyCell>() {
                c.contents.set(v);
            }
            Ok(())
        },
    )],
    doc: "",
};

fn this_code(vm: &mut Vm, v: Value) -> PyResult<Gc<PyCode>> {
    v.downcast::<PyCode>().ok_or_else(|| vm.type_error("descriptor requires a 'code' object"))
}

fn strings_tuple(vm: &mut Vm, names: &[&str]) -> Value {
    let values = crate::rooted::RootedVec::new(vm);
    for name in names {
        let v = vm.intern(name);
        values.push(vm, v);
    }
    new_tuple(vm, &values.to_vec())
}

pub static CODE_SPEC: TypeSpec = TypeSpec {
    name: "code",
    base: None,
    layout: PyCode::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__repr__", |vm, args| {
        let code = this_code(vm, args.this())?;
        let text = format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            code.code.name,
            code.value().to_bits(),
            code.code.filename,
            code.code.first_line
        );
        Ok(vm.new_str(&text))
    })],
    getsets: &[
        GetSetDef::readonly("co_name", |vm, c| Ok(this_code(vm, c)?.name)),
        GetSetDef::readonly("co_qualname", |vm, c| Ok(this_code(vm, c)?.qualname)),
        GetSetDef::readonly("co_filename", |vm, c| Ok(this_code(vm, c)?.filename)),
        GetSetDef::readonly("co_firstlineno", |vm, c| Ok(Value::from_small(this_code(vm, c)?.code.first_line as i64))),
        GetSetDef::readonly("co_argcount", |vm, c| Ok(Value::from_small(this_code(vm, c)?.code.arg_count as i64))),
        GetSetDef::readonly("co_posonlyargcount", |vm, c| {
            Ok(Value::from_small(this_code(vm, c)?.code.posonly_arg_count as i64))
        }),
        GetSetDef::readonly("co_kwonlyargcount", |vm, c| {
            Ok(Value::from_small(this_code(vm, c)?.code.kwonly_arg_count as i64))
        }),
        GetSetDef::readonly("co_flags", |vm, c| Ok(Value::from_small(this_code(vm, c)?.code.flags.0 as i64))),
        GetSetDef::readonly("co_nlocals", |vm, c| {
            Ok(Value::from_small(this_code(vm, c)?.code.varnames().count() as i64))
        }),
        GetSetDef::readonly("co_consts", |vm, c| {
            let code = this_code(vm, c)?;
            Ok(new_tuple(vm, &code.consts))
        }),
        GetSetDef::readonly("co_names", |vm, c| {
            let code = this_code(vm, c)?;
            Ok(new_tuple(vm, &code.names))
        }),
        GetSetDef::readonly("co_varnames", |vm, c| {
            let code = this_code(vm, c)?;
            let names: Vec<&str> = code.code.varnames().collect();
            Ok(strings_tuple(vm, &names))
        }),
        GetSetDef::readonly("co_cellvars", |vm, c| {
            let code = this_code(vm, c)?;
            let names: Vec<&str> = code.code.cellvars().collect();
            Ok(strings_tuple(vm, &names))
        }),
        GetSetDef::readonly("co_freevars", |vm, c| {
            let code = this_code(vm, c)?;
            let names: Vec<&str> = code.code.freevars().collect();
            Ok(strings_tuple(vm, &names))
        }),
    ],
    doc: "",
};
