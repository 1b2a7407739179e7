//! The `builtins` module: the builtin functions, and the names of the
//! builtin types, exceptions and constants.
//!
//! The functions are split by concern, one file per family, mirroring the
//! sections of CPython's `Python/bltinmodule.c`:
//!
//! - `io`: `print`, `input`
//! - `iteration`: `iter`, `next`, `len`, `sorted`, `min`, `max`, `sum`,
//!   `any`, `all`
//! - `introspection`: `isinstance`, `issubclass`, `callable`, the attribute
//!   functions, `vars`, `dir`, `id`, `hash`, `globals`, `locals`
//! - `numbers`: `abs`, `divmod`, `pow`, `round`, `hex`, `oct`, `bin`, `chr`,
//!   `ord`
//! - `text`: `repr`, `ascii`, `format`
//! - `code`: `exec`, `eval`, `compile`, `__import__`
//!
//! `BUILTINS_FUNCTIONS` is the one table of them; `populate` fills a fresh
//! `builtins` module with the table, the builtin types (`vm.types`), every
//! builtin exception (`vm.exceptions`) and the constants. The iterator types
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`) and `range`, `type`,
//! `super` are classes, not functions, and come in with the types.
//! `__build_class__` belongs to the core (`class.rs`) and is added there.

mod code;
mod introspection;
mod io;
mod iteration;
mod numbers;
mod open;
mod text;

use crate::error::PyResult;
use crate::native::MethodDef;
use crate::object::Gc;
use crate::types::module::PyModule;
use crate::value::Value;
use crate::vm::Vm;

/// Every builtin function, in `dir(builtins)` order.
pub static BUILTINS_FUNCTIONS: &[MethodDef] = &[
    MethodDef::function("__import__", code::builtin_import),
    MethodDef::function("abs", numbers::builtin_abs),
    MethodDef::function("all", iteration::builtin_all),
    MethodDef::function("any", iteration::builtin_any),
    MethodDef::function("ascii", text::builtin_ascii),
    MethodDef::function("bin", numbers::builtin_bin),
    MethodDef::function("callable", introspection::builtin_callable),
    MethodDef::function("chr", numbers::builtin_chr),
    MethodDef::function("compile", code::builtin_compile),
    MethodDef::function("delattr", introspection::builtin_delattr),
    MethodDef::function("dir", introspection::builtin_dir),
    MethodDef::function("divmod", numbers::builtin_divmod),
    MethodDef::function("eval", code::builtin_eval),
    MethodDef::function("exec", code::builtin_exec),
    MethodDef::function("format", text::builtin_format),
    MethodDef::function("getattr", introspection::builtin_getattr),
    MethodDef::function("globals", introspection::builtin_globals),
    MethodDef::function("hasattr", introspection::builtin_hasattr),
    MethodDef::function("hash", introspection::builtin_hash),
    MethodDef::function("hex", numbers::builtin_hex),
    MethodDef::function("id", introspection::builtin_id),
    MethodDef::function("input", io::builtin_input),
    MethodDef::function("isinstance", introspection::builtin_isinstance),
    MethodDef::function("issubclass", introspection::builtin_issubclass),
    MethodDef::function("iter", iteration::builtin_iter),
    MethodDef::function("len", iteration::builtin_len),
    MethodDef::function("locals", introspection::builtin_locals),
    MethodDef::function("max", iteration::builtin_max),
    MethodDef::function("min", iteration::builtin_min),
    MethodDef::function("next", iteration::builtin_next),
    MethodDef::function("oct", numbers::builtin_oct),
    MethodDef::function("open", open::builtin_open),
    MethodDef::function("ord", numbers::builtin_ord),
    MethodDef::function("pow", numbers::builtin_pow),
    MethodDef::function("print", io::builtin_print),
    MethodDef::function("repr", text::builtin_repr),
    MethodDef::function("round", numbers::builtin_round),
    MethodDef::function("setattr", introspection::builtin_setattr),
    MethodDef::function("sorted", iteration::builtin_sorted),
    MethodDef::function("sum", iteration::builtin_sum),
    MethodDef::function("vars", introspection::builtin_vars),
];

/// Fill the `builtins` module: functions, types, exceptions, constants.
pub fn populate(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let module_name = vm.intern("builtins");
    for def in BUILTINS_FUNCTIONS {
        let function = crate::types::descriptor::new_builtin_function(vm, def, Value::NULL, module_name);
        module.set_attr(vm, def.name, function);
    }
    let build_class = &crate::types::class::BUILD_CLASS_DEF;
    let function = crate::types::descriptor::new_builtin_function(vm, build_class, Value::NULL, module_name);
    module.set_attr(vm, build_class.name, function);

    let t = &vm.types;
    let types = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("memoryview", t.memoryview),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
    ];
    for (name, ty) in types {
        module.set_attr(vm, name, ty.value());
    }
    for (name, ty) in vm.exceptions.all() {
        module.set_attr(vm, name, ty.value());
    }
    // Aliases kept since Python 3.3.
    let os_error = vm.exceptions.os_error.value();
    module.set_attr(vm, "IOError", os_error);
    module.set_attr(vm, "EnvironmentError", os_error);

    let none = vm.none();
    module.set_attr(vm, "None", none);
    let true_ = vm.bool_value(true);
    module.set_attr(vm, "True", true_);
    let false_ = vm.bool_value(false);
    module.set_attr(vm, "False", false_);
    let ellipsis = vm.singletons.ellipsis;
    module.set_attr(vm, "Ellipsis", ellipsis);
    let not_implemented = vm.not_implemented();
    module.set_attr(vm, "NotImplemented", not_implemented);
    module.set_attr(vm, "__debug__", true_);
    Ok(())
}
