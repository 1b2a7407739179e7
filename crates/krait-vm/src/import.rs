//! The import system: builtin (Rust) modules, and `.py` files and packages
//! on `sys.path` (CPython's `importlib._bootstrap` reduced to what a
//! file-system finder needs: `_find_and_load`, `_handle_fromlist`,
//! `_resolve_name`).

use std::path::{Path, PathBuf};

use crate::error::{PyErr, PyResult};
use crate::native::MethodDef;
use crate::object::Gc;
use crate::protocol::{attr, iter};
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// A module written in Rust: its functions, and an optional hook that adds
/// everything else (constants, types) to the new module.
pub struct NativeModuleDef {
    pub name: &'static str,
    pub doc: &'static str,
    pub methods: &'static [MethodDef],
    pub init: Option<NativeModuleInitFn>,
}

/// The hook that completes a native module after its functions are added.
pub type NativeModuleInitFn = fn(&mut Vm, Gc<PyModule>) -> PyResult<()>;

pub type NativeModuleInit = &'static NativeModuleDef;

impl Vm {
    /// Make a Rust module importable by its name.
    pub fn register_native_module(&mut self, def: &'static NativeModuleDef) {
        self.native_modules.insert(def.name, def);
        if let Some(sys) = Some(self.sys_module).filter(|m| !m.is_null()).and_then(|m| m.downcast::<PyModule>()) {
            crate::sys::set_builtin_module_names(self, sys);
        }
    }
}

/// Create the module object of a native module (not registered in sys.modules).
pub fn create_native_module(vm: &mut Vm, def: &'static NativeModuleDef) -> PyResult<Gc<PyModule>> {
    let module = PyModule::new(vm, def.name);
    if !def.doc.is_empty() {
        let doc = vm.new_str(def.doc);
        module.set_attr(vm, "__doc__", doc);
    }
    let module_name = vm.intern(def.name);
    for method in def.methods {
        let f = crate::types::descriptor::new_builtin_function(vm, method, module.value(), module_name);
        module.set_attr(vm, method.name, f);
    }
    if let Some(init) = def.init {
        init(vm, module)?;
    }
    Ok(module)
}

fn str_of(vm: &mut Vm, v: Value) -> Option<String> {
    let _ = vm;
    v.downcast::<PyStr>().map(|s| s.as_str().to_string())
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(vm: &mut Vm, name: Gc<PyStr>, globals: Value, fromlist: Value, level: i64) -> PyResult {
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let absolute = if level > 0 { resolve_name(vm, name.as_str(), globals, level)? } else { name.as_str().to_string() };
    if absolute.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let module = import_dotted(vm, &absolute)?;
    let has_fromlist = !fromlist.is_null() && !vm.is_none(fromlist) && crate::protocol::object::truthy(vm, fromlist)?;
    if !has_fromlist {
        if level == 0 || !name.as_str().is_empty() {
            // `import a.b.c` binds `a`.
            let first = name.as_str().split('.').next().unwrap_or("");
            let top = if level == 0 {
                first.to_string()
            } else {
                let cut = absolute.len() - (name.as_str().len() - first.len());
                absolute[..cut].to_string()
            };
            return lookup_module(vm, &top).ok_or_else(|| vm.key_error(Value::NULL));
        }
        return Ok(module);
    }
    handle_fromlist(vm, module, &absolute, fromlist)?;
    Ok(module)
}

/// `importlib._bootstrap._resolve_name`.
fn resolve_name(vm: &mut Vm, name: &str, globals: Value, level: i64) -> PyResult<String> {
    let globals = globals.downcast::<PyDict>();
    let get = |vm: &mut Vm, key: &str| -> Option<Value> {
        let key = vm.intern(key).downcast::<PyStr>()?;
        globals.and_then(|g| g.get_str(key))
    };
    let package = match get(vm, "__package__").filter(|p| !vm.is_none(*p)) {
        Some(p) => str_of(vm, p),
        None => {
            let module_name = get(vm, "__name__").and_then(|n| n.downcast::<PyStr>()).map(|s| s.as_str().to_string());
            match module_name {
                Some(n) if get(vm, "__path__").is_some() => Some(n),
                Some(n) => Some(n.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()),
                None => None,
            }
        }
    };
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => return Err(import_error(vm, "attempted relative import with no known parent package")),
    };
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((parent, _)) => base = parent,
            None => return Err(import_error(vm, "attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

fn import_error(vm: &mut Vm, message: &str) -> PyErr {
    vm.new_error(vm.exceptions.import_error, message)
}

fn lookup_module(vm: &mut Vm, name: &str) -> Option<Value> {
    let key = vm.intern(name).downcast::<PyStr>()?;
    vm.modules.get_str(key).filter(|m| !vm.is_none(*m))
}

/// Import `a.b.c`: each package first, binding each child on its parent.
fn import_dotted(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = lookup_module(vm, name) {
        return Ok(m);
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((parent, child)) => (Some(parent), child),
        None => (None, name),
    };
    let search_path = match parent {
        Some(parent_name) => {
            let parent_module = import_dotted(vm, parent_name)?;
            if let Some(m) = lookup_module(vm, name) {
                return Ok(m);
            }
            match attr::getattr_opt(vm, parent_module, "__path__")? {
                Some(path) => path_entries(vm, path)?,
                None => {
                    let message = format!("No module named '{name}'; '{parent_name}' is not a package");
                    return Err(module_not_found(vm, &message, name));
                }
            }
        }
        None => {
            if let Some(&def) = vm.native_modules.get(name) {
                let module = create_native_module(vm, def)?;
                let key = vm.intern(name);
                let modules = vm.modules;
                modules.set_item(vm, key, module.value())?;
                return Ok(module.value());
            }
            let sys_path = attr::getattr_opt(vm, vm.sys_module, "path")?;
            match sys_path {
                Some(p) => path_entries(vm, p)?,
                None => Vec::new(),
            }
        }
    };
    let module = load_from_path(vm, name, child, &search_path)?;
    if let Some(parent_name) = parent {
        if let Some(parent_module) = lookup_module(vm, parent_name) {
            let key = vm.intern(child).downcast::<PyStr>().expect("str");
            // Binding the child on its parent may fail for odd parents; ignore as CPython does not.
            attr::setattr(vm, parent_module, key, module)?;
        }
    }
    Ok(module)
}

fn path_entries(vm: &mut Vm, path: Value) -> PyResult<Vec<String>> {
    let list = iter::collect(vm, path)?;
    Ok(list.to_vec().into_iter().filter_map(|v| v.downcast::<PyStr>().map(|s| s.as_str().to_string())).collect())
}

fn module_not_found(vm: &mut Vm, message: &str, name: &str) -> PyErr {
    let err = vm.new_error(vm.exceptions.module_not_found_error, message);
    let key = vm.intern("name").downcast::<PyStr>().expect("str");
    let value = vm.new_str(name);
    attr::set_instance_attr(vm, err.exception(), key, value);
    err
}

/// Find `child` (the last component of `fullname`) in the directories of
/// `search_path` as a package or a module file, and execute it.
fn load_from_path(vm: &mut Vm, fullname: &str, child: &str, search_path: &[String]) -> PyResult {
    for dir in search_path {
        let dir = if dir.is_empty() { Path::new(".") } else { Path::new(dir) };
        let package_dir = dir.join(child);
        let init = package_dir.join("__init__.py");
        if init.is_file() {
            return exec_module_file(vm, fullname, &init, Some(&package_dir));
        }
        let file = dir.join(format!("{child}.py"));
        if file.is_file() {
            return exec_module_file(vm, fullname, &file, None);
        }
    }
    Err(module_not_found(vm, &format!("No module named '{fullname}'"), fullname))
}

/// Create module `fullname` from a source file, register it in
/// `sys.modules` and run its body (removing it again if that fails).
fn exec_module_file(vm: &mut Vm, fullname: &str, file: &Path, package_dir: Option<&PathBuf>) -> PyResult {
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(err) => {
            let message = format!("{}: {}", file.display(), err);
            return Err(vm.new_error(vm.exceptions.import_error, message));
        }
    };
    let filename = file.to_string_lossy().to_string();
    let module = PyModule::new(vm, fullname);
    let file_value = vm.new_str(&filename);
    module.set_attr(vm, "__file__", file_value);
    let package = match package_dir {
        Some(dir) => {
            let dir_value = vm.new_str(&dir.to_string_lossy());
            let path = crate::types::list::new_list(vm, &[dir_value]);
            module.set_attr(vm, "__path__", path);
            fullname.to_string()
        }
        None => fullname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    let package_value = vm.new_str(&package);
    module.set_attr(vm, "__package__", package_value);
    let builtins = vm.builtins_module;
    module.set_attr(vm, "__builtins__", builtins);
    let key = vm.intern(fullname);
    let modules = vm.modules;
    modules.set_item(vm, key, module.value())?;
    let result = crate::compile::compile_source(vm, &source, &filename, krait_compiler::Mode::Exec)
        .and_then(|code| crate::interp::exec_code(vm, code, module.dict(), Value::NULL));
    if let Err(err) = result {
        let modules = vm.modules;
        let _ = modules.del_item(vm, key);
        return Err(err);
    }
    Ok(lookup_module(vm, fullname).unwrap_or(module.value()))
}

/// `from module import a, b`: import submodules named in the fromlist.
fn handle_fromlist(vm: &mut Vm, module: Value, module_name: &str, fromlist: Value) -> PyResult<()> {
    if attr::getattr_opt(vm, module, "__path__")?.is_none() {
        return Ok(());
    }
    let names = iter::collect(vm, fromlist)?;
    for name in names.to_vec() {
        let Some(name) = name.downcast::<PyStr>() else { continue };
        if name.as_str() == "*" {
            if let Some(all) = attr::getattr_opt(vm, module, "__all__")? {
                handle_fromlist(vm, module, module_name, all)?;
            }
            continue;
        }
        if attr::getattr_opt(vm, module, name.as_str())?.is_none() {
            let sub = format!("{module_name}.{}", name.as_str());
            match import_dotted(vm, &sub) {
                Ok(_) => {}
                Err(err) if vm.error_matches(err, vm.exceptions.module_not_found_error) => {
                    let missing = attr::getattr_opt(vm, err.exception(), "name")?.and_then(|n| str_of(vm, n));
                    if missing.as_deref() != Some(sub.as_str()) {
                        return Err(err);
                    }
                }
                Err(err) => return Err(err),
            }
        }
    }
    Ok(())
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult {
    let key = name.downcast::<PyStr>().expect("str name");
    match attr::getattr(vm, module, key) {
        Ok(v) => return Ok(v),
        Err(err) if !vm.error_matches(err, vm.exceptions.attribute_error) => return Err(err),
        Err(_) => {}
    }
    let module_name = attr::getattr_opt(vm, module, "__name__")?.and_then(|n| str_of(vm, n));
    if let Some(module_name) = &module_name {
        let full = format!("{module_name}.{}", key.as_str());
        if let Some(m) = lookup_module(vm, &full) {
            return Ok(m);
        }
    }
    let module_name = module_name.unwrap_or_else(|| "<unknown module name>".to_string());
    let file = attr::getattr_opt(vm, module, "__file__")?.and_then(|f| str_of(vm, f));
    let location = file.unwrap_or_else(|| "unknown location".to_string());
    let initializing =
        lookup_module(vm, &module_name).is_some_and(|m| m.is(module))
            && vm.thread.frames.iter().any(|f| {
                f.globals.value().is(module.downcast::<PyModule>().map(|m| m.dict.get()).unwrap_or(Value::NULL))
            });
    let message = if initializing {
        format!(
            "cannot import name '{}' from partially initialized module '{module_name}' (most likely due to a circular import) ({location})",
            key.as_str()
        )
    } else {
        format!("cannot import name '{}' from '{module_name}' ({location})", key.as_str())
    };
    let err = vm.new_error(vm.exceptions.import_error, message);
    let name_key = vm.intern("name").downcast::<PyStr>().expect("str");
    let module_name_value = vm.new_str(&module_name);
    attr::set_instance_attr(vm, err.exception(), name_key, module_name_value);
    Err(err)
}
