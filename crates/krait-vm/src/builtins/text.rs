//! Builtins that turn objects into text: `repr`, `ascii`, `format`
//! (CPython: `builtin_repr`, `builtin_ascii`, `builtin_format_impl`).

use crate::error::PyResult;
use crate::native::Args;
use crate::protocol::object;
use crate::types::str::PyStr;
use crate::vm::Vm;

/// `repr(obj)`.
pub(super) fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "repr")?;
    Ok(object::repr(vm, obj)?.value())
}

/// `ascii(obj)`: `repr` with non-ASCII characters escaped.
pub(super) fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "ascii")?;
    Ok(object::ascii(vm, obj)?.value())
}

/// `format(value, format_spec='', /)`.
pub(super) fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "format", 1, 2)?;
    let value = positional[0];
    let spec = positional.get(1).copied().unwrap_or(vm.singletons.empty_str);
    if spec.downcast::<PyStr>().is_none() {
        let name = vm.type_name(spec);
        return Err(vm.type_error(format!("format() argument 2 must be str, not {name}")));
    }
    object::format(vm, value, spec)
}
