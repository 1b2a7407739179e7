//! The `_warnings` module (CPython 3.11: `Python/_warnings.c`): the
//! filters list, `warn` and `warn_explicit`. `Lib/warnings.py` imports them
//! (so importing `warnings` does not need `re` for its default filters) and
//! keeps the rest (`filterwarnings`, `catch_warnings`, formatting).
//!
//! As in CPython, the module owns `filters`, `_defaultaction` and
//! `_onceregistry`, but reads the `warnings` module's `filters`,
//! `defaultaction` and `onceregistry` when it is imported (`catch_warnings`
//! rebinds them); `warnings.py` calls
//! `_filters_mutated()` after each change, which bumps the version that
//! invalidates the per-module `__warningregistry__` dicts. A filter's
//! message and module parts are None, a str compared for equality (the
//! default filter's `'__main__'`), or a compiled regex whose `match` is
//! called. Warnings are shown through `warnings._showwarnmsg` with a
//! `warnings.WarningMessage`, or written to stderr in the standard format
//! when the `warnings` module is not imported.

use std::cell::Cell;

use krait_vm::error::{PyErr, PyResult};
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::Gc;
use krait_vm::protocol::{attr, call, object};
use krait_vm::types::dict::PyDict;
use krait_vm::types::list::{new_list, PyList};
use krait_vm::types::module::PyModule;
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::{new_tuple, PyTuple};
use krait_vm::types::typeobject::{is_subtype, PyType};
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static WARNINGS: NativeModuleDef = NativeModuleDef {
    name: "_warnings",
    doc: "_warnings provides basic warning filtering support.\n\
          It is a helper module to speed up interpreter start-up.",
    methods: &[
        MethodDef::function("warn", warnings_warn),
        MethodDef::function("warn_explicit", warnings_warn_explicit),
        MethodDef::function("_filters_mutated", |vm, args| {
            args.exact::<0>(vm, "_filters_mutated")?;
            FILTERS_VERSION.with(|v| v.set(v.get() + 1));
            Ok(vm.none())
        }),
    ],
    init: Some(warnings_init),
};

thread_local! {
    /// Bumped whenever `warnings.py` changes the filters.
    static FILTERS_VERSION: Cell<i64> = const { Cell::new(1) };
}

fn warnings_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let defaults = [
        ("default", vm.exceptions.deprecation_warning, Some("__main__")),
        ("ignore", vm.exceptions.deprecation_warning, None),
        ("ignore", vm.exceptions.pending_deprecation_warning, None),
        ("ignore", vm.exceptions.import_warning, None),
        ("ignore", vm.exceptions.resource_warning, None),
    ];
    let filters = new_list(vm, &[]);
    let filters_list = filters.downcast::<PyList>().expect("list");
    for (action, category, module_name) in defaults {
        let action = vm.intern(action);
        let none = vm.none();
        let module_value = match module_name {
            Some(m) => vm.intern(m),
            None => none,
        };
        let item = new_tuple(vm, &[action, none, category.value(), module_value, Value::from_small(0)]);
        filters_list.push(item);
    }
    module.set_attr(vm, "filters", filters);
    let default_action = vm.intern("default");
    module.set_attr(vm, "_defaultaction", default_action);
    let once = PyDict::new(vm);
    module.set_attr(vm, "_onceregistry", once.value());
    Ok(())
}

/// `filters`, `defaultaction` or `onceregistry`: the `warnings` module's
/// (which `catch_warnings` rebinds) if it is imported, else ours
/// (CPython's `get_warnings_attr`).
fn module_attr(vm: &mut Vm, name: &str) -> PyResult {
    let warnings_key = vm.intern("warnings").downcast::<PyStr>().expect("str");
    if let Some(warnings) = vm.modules.get_str(warnings_key) {
        let public = name.trim_start_matches('_');
        if let Some(v) = attr::getattr_opt(vm, warnings, public)? {
            return Ok(v);
        }
    }
    let key = vm.intern("_warnings").downcast::<PyStr>().expect("str");
    let Some(module) = vm.modules.get_str(key) else {
        return Err(vm.runtime_error("_warnings is not imported"));
    };
    attr::getattr_str(vm, module, name)
}

fn is_warning_class(vm: &mut Vm, v: Value) -> bool {
    let warning = vm.exceptions.warning;
    v.downcast::<PyType>().is_some_and(|t| is_subtype(t, warning))
}

/// The category of `warn(message, category)`, checked.
fn warn_category(vm: &mut Vm, message: Value, category: Value) -> PyResult<Value> {
    if vm.is_instance(message, vm.exceptions.warning) {
        return Ok(vm.class_of(message).value());
    }
    let category =
        if category.is_null() || vm.is_none(category) { vm.exceptions.user_warning.value() } else { category };
    if !is_warning_class(vm, category) {
        let tn = vm.class_of(category).name().to_string();
        return Err(vm.type_error(format!("category must be a Warning subclass, not '{tn}'")));
    }
    Ok(category)
}

static WARN_SIG: Signature = Signature {
    name: "warn",
    params: &["message", "category", "stacklevel", "source"],
    positional_only: 0,
    keyword_only: 4,
    required: 1,
};

fn warnings_warn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [message, category, stacklevel, source] = args.bind::<4>(vm, &WARN_SIG)?;
    let category = warn_category(vm, message, category)?;
    let stacklevel = if stacklevel.is_null() { 1 } else { krait_vm::protocol::number::to_i64(vm, stacklevel)? };
    // The caller's frame: this native call has none of its own, so
    // `sys._getframe(stacklevel - 1)` is the frame `stacklevel` up.
    let sys = vm.sys_module;
    let depth = Value::from_small((stacklevel - 1).max(0));
    let frame = call::call_method(vm, sys, "_getframe", &[depth]);
    let (globals, filename, lineno, module) = match frame {
        Ok(frame) => {
            let globals = attr::getattr_str(vm, frame, "f_globals")?;
            let code = attr::getattr_str(vm, frame, "f_code")?;
            let filename = attr::getattr_str(vm, code, "co_filename")?;
            let lineno = attr::getattr_str(vm, frame, "f_lineno")?;
            let name_key = vm.intern("__name__");
            let module = match globals.downcast::<PyDict>() {
                Some(d) => d.get_item(vm, name_key)?,
                None => None,
            };
            let module = match module {
                Some(m) => m,
                None => vm.new_str("<string>"),
            };
            (globals, filename, lineno, module)
        }
        Err(err) if vm.error_matches(err, vm.exceptions.value_error) => {
            // Deeper than the stack: CPython uses sys's namespace.
            let globals = attr::getattr_str(vm, sys, "__dict__")?;
            let filename = vm.new_str("sys");
            let module = vm.new_str("sys");
            (globals, filename, Value::from_small(1), module)
        }
        Err(err) => return Err(err),
    };
    let registry = match globals.downcast::<PyDict>() {
        Some(d) => {
            let key = vm.intern("__warningregistry__");
            match d.get_item(vm, key)? {
                Some(r) => r,
                None => {
                    let fresh = PyDict::new(vm);
                    d.set_item(vm, key, fresh.value())?;
                    fresh.value()
                }
            }
        }
        None => vm.none(),
    };
    let source = if source.is_null() { vm.none() } else { source };
    warn_explicit(vm, category, message, filename, lineno, module, registry, source)
}

static WARN_EXPLICIT_SIG: Signature = Signature {
    name: "warn_explicit",
    params: &["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
    positional_only: 0,
    keyword_only: 8,
    required: 4,
};

fn warnings_warn_explicit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [message, category, filename, lineno, module, registry, _globals, source] =
        args.bind::<8>(vm, &WARN_EXPLICIT_SIG)?;
    let module = if module.is_null() || vm.is_none(module) {
        // The file name without ".py".
        let text = object::str(vm, filename)?.as_str().to_string();
        let stem = text.strip_suffix(".py").unwrap_or(&text).to_string();
        vm.new_str(&stem)
    } else {
        module
    };
    let registry = if registry.is_null() { vm.none() } else { registry };
    let source = if source.is_null() { vm.none() } else { source };
    warn_explicit(vm, category, message, filename, lineno, module, registry, source)
}

/// Whether a filter part (None, a str, or a regex) accepts `text`.
fn part_matches(vm: &mut Vm, part: Value, text: Value) -> PyResult<bool> {
    if vm.is_none(part) {
        return Ok(true);
    }
    if part.downcast::<PyStr>().is_some() {
        return krait_vm::protocol::compare::eq(vm, part, text);
    }
    let result = call::call_method(vm, part, "match", &[text])?;
    object::truthy(vm, result)
}

fn registry_get(vm: &mut Vm, registry: Value, key: Value) -> PyResult<bool> {
    match registry.downcast::<PyDict>() {
        Some(d) => match d.get_item(vm, key)? {
            Some(v) => object::truthy(vm, v),
            None => Ok(false),
        },
        None => Ok(false),
    }
}

fn registry_set(vm: &mut Vm, registry: Value, key: Value) -> PyResult<()> {
    if let Some(d) = registry.downcast::<PyDict>() {
        d.set_item(vm, key, vm.bool_value(true))?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)] // CPython's warn_explicit takes exactly these.
fn warn_explicit(
    vm: &mut Vm,
    category: Value,
    message: Value,
    filename: Value,
    lineno: Value,
    module: Value,
    registry: Value,
    source: Value,
) -> PyResult {
    let (text, category, message) = if vm.is_instance(message, vm.exceptions.warning) {
        let text = object::str(vm, message)?.value();
        (text, vm.class_of(message).value(), message)
    } else {
        let category = if vm.is_none(category) { vm.exceptions.user_warning.value() } else { category };
        let text = message;
        let instance = call::call(vm, category, &[message])?;
        (text, category, instance)
    };
    let key = new_tuple(vm, &[text, category, lineno]);
    // A registry made under older filters is stale.
    if let Some(d) = registry.downcast::<PyDict>() {
        let version_key = vm.intern("version");
        let version = FILTERS_VERSION.with(|v| v.get());
        let current = d.get_item(vm, version_key)?;
        if current.and_then(|v| v.as_small_int()) != Some(version) {
            d.clear();
            d.set_item(vm, version_key, Value::from_small(version))?;
        }
    }
    if registry_get(vm, registry, key)? {
        return Ok(vm.none());
    }
    // The first matching filter decides.
    let filters = module_attr(vm, "filters")?;
    let Some(filters) = filters.downcast::<PyList>() else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    let mut action = Value::NULL;
    let mut i = 0;
    while let Some(item) = filters.get(i) {
        i += 1;
        let Some(filter) = item.downcast::<PyTuple>().filter(|t| t.len() == 5) else {
            return Err(vm.value_error(format!("_warnings.filters item {} isn't a 5-tuple", i - 1)));
        };
        let [f_action, f_message, f_category, f_module, f_lineno] = std::array::from_fn(|k| filter.as_slice()[k]);
        if !part_matches(vm, f_message, text)? {
            continue;
        }
        let category_ok = match (category.downcast::<PyType>(), f_category.downcast::<PyType>()) {
            (Some(c), Some(f)) => is_subtype(c, f),
            _ => false,
        };
        if !category_ok || !part_matches(vm, f_module, module)? {
            continue;
        }
        let line_ok = f_lineno.as_small_int() == Some(0) || krait_vm::protocol::compare::eq(vm, f_lineno, lineno)?;
        if line_ok {
            action = f_action;
            break;
        }
    }
    if action.is_null() {
        action = module_attr(vm, "_defaultaction")?;
    }
    let action_text = object::str(vm, action)?.as_str().to_string();
    match action_text.as_str() {
        "error" => return Err(PyErr::from_exception(message)),
        "ignore" => return Ok(vm.none()),
        "always" => {}
        "once" => {
            registry_set(vm, registry, key)?;
            let once_key = new_tuple(vm, &[text, category]);
            let once = module_attr(vm, "_onceregistry")?;
            if registry_get(vm, once, once_key)? {
                return Ok(vm.none());
            }
            registry_set(vm, once, once_key)?;
        }
        "module" => {
            registry_set(vm, registry, key)?;
            let alt_key = new_tuple(vm, &[text, category, Value::from_small(0)]);
            if registry_get(vm, registry, alt_key)? {
                return Ok(vm.none());
            }
            registry_set(vm, registry, alt_key)?;
        }
        "default" => registry_set(vm, registry, key)?,
        _ => {
            let action_repr = object::repr(vm, action)?.as_str().to_string();
            return Err(
                vm.runtime_error(format!("Unrecognized action ({action_repr}) in warnings.filters:\n {action_repr}"))
            );
        }
    }
    show_warning(vm, message, category, filename, lineno, source)?;
    Ok(vm.none())
}

/// `warnings._showwarnmsg(WarningMessage(...))`, or the standard format on
/// stderr when `warnings` is not imported.
fn show_warning(
    vm: &mut Vm,
    message: Value,
    category: Value,
    filename: Value,
    lineno: Value,
    source: Value,
) -> PyResult<()> {
    let key = vm.intern("warnings").downcast::<PyStr>().expect("str");
    if let Some(warnings) = vm.modules.get_str(key) {
        let show = attr::getattr_opt(vm, warnings, "_showwarnmsg")?;
        let message_type = attr::getattr_opt(vm, warnings, "WarningMessage")?;
        if let (Some(show), Some(message_type)) = (show, message_type) {
            let none = vm.none();
            let msg = call::call(vm, message_type, &[message, category, filename, lineno, none, none, source])?;
            call::call(vm, show, &[msg])?;
            return Ok(());
        }
    }
    let filename = object::str(vm, filename)?.as_str().to_string();
    let lineno = object::str(vm, lineno)?.as_str().to_string();
    let name = category.downcast::<PyType>().map(|t| t.name().to_string()).unwrap_or_default();
    let text = object::str(vm, message)?.as_str().to_string();
    let line = format!("{filename}:{lineno}: {name}: {text}\n");
    let stderr = attr::getattr_str(vm, vm.sys_module, "stderr")?;
    let line = vm.new_str(&line);
    call::call_method(vm, stderr, "write", &[line])?;
    Ok(())
}
