//! Builtins that compile and run code: `exec`, `eval`, `compile`,
//! `__import__` (CPython: `builtin_exec_impl`, `builtin_eval_impl`,
//! `builtin_compile_impl`, `builtin___import___impl`).
//!
//! `exec` and `eval` resolve their namespaces the same way: no globals
//! means the caller's globals and locals; globals without locals means the
//! globals serve as both. A globals dict without `__builtins__` gets the
//! current builtins, so the code can see `print` and friends.

use krait_compiler::Mode;

use crate::error::PyResult;
use crate::native::{Args, Signature};
use crate::object::Gc;
use crate::protocol::{number, object};
use crate::types::dict::PyDict;
use crate::types::function::PyCode;
use crate::types::str::PyStr;
use crate::types::typeobject::dict_set_str;
use crate::value::Value;
use crate::vm::Vm;

/// Which builtin is resolving namespaces: the two word their errors
/// differently.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Runner {
    Exec,
    Eval,
}

/// The text of a `str`, `bytes` or `bytearray` source argument.
fn source_text(vm: &mut Vm, source: Value) -> PyResult<Option<String>> {
    if let Some(s) = source.downcast::<PyStr>() {
        return Ok(Some(s.as_str().to_string()));
    }
    if vm.is_instance(source, vm.types.bytes) || vm.is_instance(source, vm.types.bytearray) {
        let bytes = crate::types::bytes::as_buffer(source).unwrap_or_default();
        return match String::from_utf8(bytes) {
            Ok(text) => Ok(Some(text)),
            Err(_) => Err(
                vm.new_error(vm.exceptions.syntax_error, "(unicode error) 'utf-8' codec can't decode bytes in source")
            ),
        };
    }
    Ok(None)
}

/// Resolve `globals`/`locals` (NULL or None when not given).
fn namespaces(vm: &mut Vm, globals: Value, locals: Value, runner: Runner) -> PyResult<(Gc<PyDict>, Value)> {
    let globals_given = !globals.is_null() && !vm.is_none(globals);
    let locals_given = !locals.is_null() && !vm.is_none(locals);
    let globals_dict = if globals_given {
        match globals.downcast::<PyDict>() {
            Some(dict) => dict,
            None => {
                let message = match runner {
                    Runner::Eval => "globals must be a dict".to_string(),
                    Runner::Exec => format!("exec() globals must be a dict, not {}", vm.type_name(globals)),
                };
                return Err(vm.type_error(message));
            }
        }
    } else {
        match crate::interp::current_globals(vm) {
            Some(dict) => dict,
            None => PyDict::new(vm),
        }
    };
    let locals = if locals_given {
        let class = vm.class_of(locals);
        if class.lookup_str(vm, "__getitem__").is_none() {
            let message = match runner {
                Runner::Eval => "locals must be a mapping".to_string(),
                Runner::Exec => format!("locals must be a mapping or None, not {}", vm.type_name(locals)),
            };
            return Err(vm.type_error(message));
        }
        locals
    } else if globals_given {
        globals_dict.value()
    } else {
        crate::interp::current_locals(vm)?
    };
    let builtins_key = vm.intern("__builtins__").downcast::<PyStr>().expect("interned str");
    if globals_dict.get_str(builtins_key).is_none() {
        let builtins = vm.builtins.value();
        dict_set_str(vm, globals_dict, "__builtins__", builtins);
    }
    Ok((globals_dict, locals))
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub(super) fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "exec",
        params: &["source", "globals", "locals", "closure"],
        positional_only: 3,
        keyword_only: 3,
        required: 1,
    };
    let [source, globals, locals, _closure] = args.bind::<4>(vm, &SIG)?;
    let (globals, locals) = namespaces(vm, globals, locals, Runner::Exec)?;
    let code = match source.downcast::<PyCode>() {
        Some(code) => code,
        None => match source_text(vm, source)? {
            Some(text) => crate::compile::compile_source(vm, &text, "<string>", Mode::Exec)?,
            None => return Err(vm.type_error("exec() arg 1 must be a string, bytes or code object")),
        },
    };
    crate::interp::exec_code(vm, code, globals, locals)?;
    Ok(vm.none())
}

/// `eval(source, globals=None, locals=None, /)`.
pub(super) fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "eval", 1, 3)?;
    let source = positional[0];
    let globals = positional.get(1).copied().unwrap_or(Value::NULL);
    let locals = positional.get(2).copied().unwrap_or(Value::NULL);
    let (globals, locals) = namespaces(vm, globals, locals, Runner::Eval)?;
    let code = match source.downcast::<PyCode>() {
        Some(code) => code,
        None => match source_text(vm, source)? {
            Some(text) => {
                if text.contains('\0') {
                    return Err(vm.value_error("source code string cannot contain null bytes"));
                }
                // CPython strips leading blanks so `eval(" 1")` works.
                let text = text.trim_start_matches([' ', '\t']);
                crate::compile::compile_source(vm, text, "<string>", Mode::Eval)?
            }
            None => return Err(vm.type_error("eval() arg 1 must be a string, bytes or code object")),
        },
    };
    crate::interp::exec_code(vm, code, globals, locals)
}

/// `ast.PyCF_ONLY_AST`: compile to an AST, which Krait does not expose.
const PY_CF_ONLY_AST: i64 = 0x400;

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1, *, _feature_version=-1)`: a code object.
pub(super) fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "compile",
        params: &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        positional_only: 0,
        keyword_only: 6,
        required: 3,
    };
    let total = args.all().len();
    if total > 7 {
        return Err(vm.type_error(format!("compile() takes at most 7 arguments ({total} given)")));
    }
    let [source, filename, mode, flags, _dont_inherit, _optimize, _feature_version] = args.bind::<7>(vm, &SIG)?;
    let Some(filename) = filename.downcast::<PyStr>() else {
        let name = vm.type_name(filename);
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {name}")));
    };
    let mode = match mode.downcast::<PyStr>() {
        Some(m) if m.as_str() == "exec" => Mode::Exec,
        Some(m) if m.as_str() == "eval" => Mode::Eval,
        Some(m) if m.as_str() == "single" => Mode::Single,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            let name = vm.type_name(mode);
            return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {name}")));
        }
    };
    if !flags.is_null() && number::to_i64(vm, flags)? & PY_CF_ONLY_AST != 0 {
        return Err(vm.not_implemented_error("compile() to an AST (ast.PyCF_ONLY_AST) is not supported by Krait"));
    }
    let Some(text) = source_text(vm, source)? else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if text.contains('\0') {
        return Err(vm.new_error(vm.exceptions.syntax_error, "source code string cannot contain null bytes"));
    }
    let filename = filename.as_str().to_string();
    let code = crate::compile::compile_source(vm, &text, &filename, mode)?;
    Ok(code.value())
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(super) fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "__import__",
        params: &["name", "globals", "locals", "fromlist", "level"],
        positional_only: 0,
        keyword_only: 5,
        required: 1,
    };
    let [name, globals, _locals, fromlist, level] = args.bind::<5>(vm, &SIG)?;
    let Some(name) = name.downcast::<PyStr>() else {
        return Err(vm.type_error("module name must be a string"));
    };
    let level = if level.is_null() { 0 } else { number::to_i64(vm, level)? };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if level == 0 && name.as_str().is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let globals = if globals.is_null() { vm.none() } else { globals };
    let fromlist = if fromlist.is_null() { vm.singletons.empty_tuple } else { fromlist };
    // An empty fromlist is the same as none (CPython tests truthiness).
    let fromlist = if !vm.is_none(fromlist) && !object::truthy(vm, fromlist)? { vm.none() } else { fromlist };
    crate::import::import_module_level(vm, name, globals, fromlist, level)
}
