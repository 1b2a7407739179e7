//! The Python surface of `dict` (the table itself is in `dict.rs`), its
//! views `dict_keys`/`dict_values`/`dict_items`, and `mappingproxy`
//! (CPython's `Objects/dictobject.c`, `Objects/descrobject.c`).
//!
//! Views hold their dict and read it live. Set operations on key and item
//! views build a `set` from the left operand and apply the in-place set
//! method with the right one, as `dictviews_sub` and friends do.

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol;
use crate::types::dict::{new_mappingproxy, PyDict, PyMappingProxy};
use crate::types::iterator::{new_dict_iterator, new_dict_reverse_iterator, DictIterKind};
use crate::types::list::{items_equal, repr_enter, repr_leave};
use crate::types::set::PySet;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

fn this_dict(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyDict>> {
    match v.downcast::<PyDict>() {
        Some(d) => Ok(d),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'dict' objects doesn't apply to a '{name}' object")))
        }
    }
}

// ---- update -------------------------------------------------------------------------------------

/// `dict.update(other)` for one positional argument (`dict_update_arg`):
/// a mapping (anything with `keys`) or an iterable of pairs.
pub fn update_from(vm: &mut Vm, dict: Gc<PyDict>, other: Value) -> PyResult<()> {
    if let Some(source) = other.downcast::<PyDict>() {
        let own_iter = {
            let class = vm.class_of(other);
            let dict_type = vm.types.dict;
            let theirs = class.lookup_str(vm, "__iter__");
            let ours = dict_type.lookup_str(vm, "__iter__");
            theirs.zip(ours).is_some_and(|(a, b)| a.is(b))
        };
        if vm.is_exact(other, vm.types.dict) || own_iter {
            let items = source.items();
            let keep = crate::types::list::list_from_vec(vm, items.iter().flat_map(|&(k, v)| [k, v]).collect());
            for (key, value) in items {
                dict.set_item(vm, key, value)?;
            }
            std::hint::black_box(keep);
            return Ok(());
        }
    }
    if let Some(keys_method) = protocol::attr::getattr_opt(vm, other, "keys")? {
        let keys = protocol::call::call(vm, keys_method, &[])?;
        let iterator = protocol::iter::iter(vm, keys)?;
        while let Some(key) = protocol::iter::next(vm, iterator)? {
            let value = protocol::sequence::getitem(vm, other, key)?;
            dict.set_item(vm, key, value)?;
        }
        return Ok(());
    }
    merge_pairs(vm, dict, other)
}

/// `PyDict_MergeFromSeq2`.
fn merge_pairs(vm: &mut Vm, dict: Gc<PyDict>, pairs: Value) -> PyResult<()> {
    let iterator = protocol::iter::iter(vm, pairs)?;
    let mut index = 0;
    while let Some(item) = protocol::iter::next(vm, iterator)? {
        let pair = match crate::types::list::iterable_to_list(vm, item, None) {
            Ok(pair) => pair,
            Err(err) if vm.error_matches(err, vm.exceptions.type_error) => {
                return Err(
                    vm.type_error(format!("cannot convert dictionary update sequence element #{index} to a sequence"))
                )
            }
            Err(err) => return Err(err),
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            )));
        }
        let (key, value) = (pair.get(0).expect("pair"), pair.get(1).expect("pair"));
        dict.set_item(vm, key, value)?;
        index += 1;
    }
    Ok(())
}

fn update_with_args(vm: &mut Vm, dict: Gc<PyDict>, args: Args<'_>, name: &str) -> PyResult<()> {
    let positional = args.positional();
    if positional.len() > 1 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", positional.len())));
    }
    if let Some(&other) = positional.first() {
        update_from(vm, dict, other)?;
    }
    for (key, value) in args.kwargs() {
        dict.set_item(vm, key.value(), value)?;
    }
    Ok(())
}

// ---- dict ---------------------------------------------------------------------------------------

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.this().downcast::<PyType>() else {
        return Err(vm.type_error("dict.__new__(X): X is not a type object"));
    };
    Ok(vm.alloc_instance(PyDict::empty_payload(), cls).value())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "__init__")?;
    update_with_args(vm, dict, args.skip_self(), "dict")?;
    Ok(vm.none())
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "update")?;
    update_with_args(vm, dict, args.skip_self(), "update")?;
    Ok(vm.none())
}

fn dict_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let dict = this_dict(vm, this, "__getitem__")?;
    if let Some(value) = dict.get_item(vm, key)? {
        return Ok(value);
    }
    if !vm.is_exact(this, vm.types.dict) {
        let class = vm.class_of(this);
        if let Some(missing) = class.lookup_str(vm, "__missing__") {
            return protocol::call::call(vm, missing, &[this, key]);
        }
    }
    Err(vm.key_error(key))
}

fn dict_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let dict = this_dict(vm, this, "__setitem__")?;
    dict.set_item(vm, key, value)?;
    Ok(vm.none())
}

fn dict_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__delitem__")?;
    let dict = this_dict(vm, this, "__delitem__")?;
    match dict.del_item(vm, key)? {
        Some(_) => Ok(vm.none()),
        None => Err(vm.key_error(key)),
    }
}

fn dict_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__contains__")?;
    let dict = this_dict(vm, this, "__contains__")?;
    let found = dict.get_item(vm, key)?.is_some();
    Ok(vm.bool_value(found))
}

fn dict_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let dict = this_dict(vm, this, "__len__")?;
    Ok(Value::from_small(dict.len() as i64))
}

fn dict_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let dict = this_dict(vm, this, "__iter__")?;
    Ok(new_dict_iterator(vm, dict, DictIterKind::Keys))
}

fn dict_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__reversed__")?;
    let dict = this_dict(vm, this, "__reversed__")?;
    Ok(new_dict_reverse_iterator(vm, dict, DictIterKind::Keys))
}

/// `dict_equal`: same keys mapping to equal values.
fn dicts_equal(vm: &mut Vm, a: Gc<PyDict>, b: Gc<PyDict>) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((next, entry)) = a.next_entry(pos) {
        pos = next;
        let Some(other_value) = b.get_item_hashed(vm, entry.key, entry.hash)? else {
            return Ok(false);
        };
        if !items_equal(vm, entry.value, other_value)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let dict = this_dict(vm, this, name)?;
    let Some(other) = other.downcast::<PyDict>() else {
        return Ok(vm.not_implemented());
    };
    let equal = dicts_equal(vm, dict, other)?;
    Ok(vm.bool_value(if op == ComparisonOp::Eq { equal } else { !equal }))
}

crate::rich_compare_fns!(dict_compare: dict_eq = Eq, dict_ne = Ne);

fn dict_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__or__")?;
    let dict = this_dict(vm, this, "__or__")?;
    if other.downcast::<PyDict>().is_none() {
        return Ok(vm.not_implemented());
    }
    let result = dict.copy(vm);
    update_from(vm, result, other)?;
    Ok(result.value())
}

fn dict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__ror__")?;
    this_dict(vm, this, "__ror__")?;
    let Some(other_dict) = other.downcast::<PyDict>() else {
        return Ok(vm.not_implemented());
    };
    let result = other_dict.copy(vm);
    update_from(vm, result, this)?;
    Ok(result.value())
}

fn dict_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__ior__")?;
    let dict = this_dict(vm, this, "__ior__")?;
    update_from(vm, dict, other)?;
    Ok(this)
}

fn dict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let dict = this_dict(vm, this, "__repr__")?;
    if dict.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    if !repr_enter(vm, this) {
        return Ok(vm.new_str("{...}"));
    }
    let result = repr_entries(vm, dict);
    repr_leave(vm, this);
    let body = result?;
    Ok(vm.new_str(&format!("{{{body}}}")))
}

/// `k1: v1, k2: v2` for a dict's entries, read live.
fn repr_entries(vm: &mut Vm, dict: Gc<PyDict>) -> PyResult<String> {
    let mut out = String::new();
    let mut pos = 0;
    let mut first = true;
    while let Some((next, entry)) = dict.next_entry(pos) {
        pos = next;
        if !first {
            out.push_str(", ");
        }
        first = false;
        // Keep the pair alive while the reprs run (the dict may drop them).
        let pair = new_tuple(vm, &[entry.key, entry.value]);
        let key = protocol::object::repr(vm, entry.key)?;
        out.push_str(key.as_str());
        out.push_str(": ");
        let value = protocol::object::repr(vm, entry.value)?;
        out.push_str(value.as_str());
        let _ = pair;
    }
    Ok(out)
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "get")?;
    let rest = args.skip_self().positional_range(vm, "get", 1, 2)?;
    let default = rest.get(1).copied().unwrap_or(vm.none());
    Ok(dict.get_item(vm, rest[0])?.unwrap_or(default))
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "setdefault")?;
    let rest = args.skip_self().positional_range(vm, "setdefault", 1, 2)?;
    let default = rest.get(1).copied().unwrap_or(vm.none());
    if let Some(value) = dict.get_item(vm, rest[0])? {
        return Ok(value);
    }
    dict.set_item(vm, rest[0], default)?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "pop")?;
    let rest = args.skip_self().positional_range(vm, "pop", 1, 2)?;
    match dict.del_item(vm, rest[0])? {
        Some(value) => Ok(value),
        None => match rest.get(1) {
            Some(&default) => Ok(default),
            None => Err(vm.key_error(rest[0])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "popitem")?;
    args.skip_self().exact::<0>(vm, "dict.popitem")?;
    match dict.pop_last() {
        Some((key, value)) => Ok(new_tuple(vm, &[key, value])),
        None => {
            let ty = vm.exceptions.key_error;
            Err(vm.new_error(ty, "popitem(): dictionary is empty"))
        }
    }
}

fn dict_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "clear")?;
    args.skip_self().exact::<0>(vm, "dict.clear")?;
    dict.clear();
    Ok(vm.none())
}

fn dict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "copy")?;
    args.skip_self().exact::<0>(vm, "dict.copy")?;
    Ok(dict.copy(vm).value())
}

fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.this();
    let rest = args.skip_self().positional_range(vm, "fromkeys", 1, 2)?;
    let value = rest.get(1).copied().unwrap_or(vm.none());
    let result = protocol::call::call(vm, cls, &[])?;
    let iterator = protocol::iter::iter(vm, rest[0])?;
    match result.downcast::<PyDict>() {
        Some(dict) if vm.is_exact(result, vm.types.dict) => {
            while let Some(key) = protocol::iter::next(vm, iterator)? {
                dict.set_item(vm, key, value)?;
            }
        }
        _ => {
            while let Some(key) = protocol::iter::next(vm, iterator)? {
                protocol::sequence::setitem(vm, result, key, value)?;
            }
        }
    }
    Ok(result)
}

fn new_view(vm: &mut Vm, dict: Gc<PyDict>, kind: DictIterKind) -> Value {
    let ty = match kind {
        DictIterKind::Keys => vm.types.dict_keys,
        DictIterKind::Values => vm.types.dict_values,
        DictIterKind::Items => vm.types.dict_items,
    };
    let view = PyDictView {
        header: ObjHeader::new(PyDictView::LAYOUT, Value::NULL),
        dict: ValueCell::new(dict.value()),
        kind,
    };
    vm.alloc(view, ty).value()
}

fn dict_keys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "keys")?;
    args.skip_self().exact::<0>(vm, "dict.keys")?;
    Ok(new_view(vm, dict, DictIterKind::Keys))
}

fn dict_values(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "values")?;
    args.skip_self().exact::<0>(vm, "dict.values")?;
    Ok(new_view(vm, dict, DictIterKind::Values))
}

fn dict_items(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this_dict(vm, args.this(), "items")?;
    args.skip_self().exact::<0>(vm, "dict.items")?;
    Ok(new_view(vm, dict, DictIterKind::Items))
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    MethodDef::staticmethod("__new__", dict_new),
    MethodDef::method("__init__", dict_init),
    MethodDef::method("__getitem__", dict_getitem),
    MethodDef::method("__setitem__", dict_setitem),
    MethodDef::method("__delitem__", dict_delitem),
    MethodDef::method("__contains__", dict_contains),
    MethodDef::method("__len__", dict_len),
    MethodDef::method("__iter__", dict_iter),
    MethodDef::method("__reversed__", dict_reversed),
    MethodDef::method("__eq__", dict_eq),
    MethodDef::method("__ne__", dict_ne),
    MethodDef::method("__or__", dict_or),
    MethodDef::method("__ror__", dict_ror),
    MethodDef::method("__ior__", dict_ior),
    MethodDef::method("__repr__", dict_repr),
    MethodDef::method("__hash__", protocol::hash::unhashable),
    MethodDef::method("keys", dict_keys),
    MethodDef::method("values", dict_values),
    MethodDef::method("items", dict_items),
    MethodDef::method("get", dict_get),
    MethodDef::method("setdefault", dict_setdefault),
    MethodDef::method("pop", dict_pop),
    MethodDef::method("popitem", dict_popitem),
    MethodDef::method("update", dict_update),
    MethodDef::method("clear", dict_clear),
    MethodDef::method("copy", dict_copy),
    MethodDef::classmethod("fromkeys", dict_fromkeys),
];

// ---- views ----------------------------------------------------------------------------------------

/// `dict_keys`, `dict_values` or `dict_items`.
#[repr(C)]
pub struct PyDictView {
    header: ObjHeader,
    pub dict: ValueCell,
    pub kind: DictIterKind,
}

impl_payload!(PyDictView, DictView);

impl PyDictView {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.dict.get());
    }

    pub fn dict(&self) -> Gc<PyDict> {
        self.dict.get().downcast::<PyDict>().expect("a view's dict")
    }
}

fn this_view(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyDictView>> {
    match v.downcast::<PyDictView>() {
        Some(view) => Ok(view),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a dict view but received a '{name}'")))
        }
    }
}

fn view_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let view = this_view(vm, this, "__len__")?;
    Ok(Value::from_small(view.dict().len() as i64))
}

fn view_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let view = this_view(vm, this, "__iter__")?;
    Ok(new_dict_iterator(vm, view.dict(), view.kind))
}

fn view_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__reversed__")?;
    let view = this_view(vm, this, "__reversed__")?;
    Ok(new_dict_reverse_iterator(vm, view.dict(), view.kind))
}

fn view_contains_value(vm: &mut Vm, view: Gc<PyDictView>, needle: Value) -> PyResult<bool> {
    let dict = view.dict();
    match view.kind {
        DictIterKind::Keys => Ok(dict.get_item(vm, needle)?.is_some()),
        DictIterKind::Items => {
            let Some(pair) = needle.downcast::<PyTuple>() else {
                return Ok(false);
            };
            if pair.len() != 2 {
                return Ok(false);
            }
            match dict.get_item(vm, pair.get(0))? {
                Some(value) => items_equal(vm, value, pair.get(1)),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let mut pos = 0;
            while let Some((next, entry)) = dict.next_entry(pos) {
                pos = next;
                if items_equal(vm, entry.value, needle)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, needle] = args.exact::<2>(vm, "__contains__")?;
    let view = this_view(vm, this, "__contains__")?;
    let found = view_contains_value(vm, view, needle)?;
    Ok(vm.bool_value(found))
}

fn view_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let view = this_view(vm, this, "__repr__")?;
    let name = vm.type_name(this);
    if !repr_enter(vm, this) {
        return Ok(vm.new_str("..."));
    }
    let result = (|| {
        let iterator = new_dict_iterator(vm, view.dict(), view.kind);
        let items = protocol::iter::collect(vm, iterator)?;
        protocol::object::repr(vm, items.value())
    })();
    repr_leave(vm, this);
    let list = result?;
    Ok(vm.new_str(&format!("{name}({})", list.as_str())))
}

fn view_mapping(vm: &mut Vm, v: Value) -> PyResult {
    let view = this_view(vm, v, "mapping")?;
    Ok(new_mappingproxy(vm, view.dict.get()))
}

/// Whether `v` takes part in set operations with views (sets and key/item views).
fn is_setlike(v: Value) -> bool {
    v.downcast::<PySet>().is_some() || v.downcast::<PyDictView>().is_some_and(|view| view.kind != DictIterKind::Values)
}

#[derive(Clone, Copy)]
enum ViewOp {
    And,
    Or,
    Sub,
    Xor,
}

/// `dictviews_and` etc.: `set(left) <op>= right`.
fn view_setop(vm: &mut Vm, args: Args<'_>, op: ViewOp, reflected: bool) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "operator")?;
    let (left, right) = if reflected { (other, this) } else { (this, other) };
    let result = crate::types::set::new_set(vm, left)?;
    let method = match op {
        ViewOp::And => "intersection_update",
        ViewOp::Or => "update",
        ViewOp::Sub => "difference_update",
        ViewOp::Xor => "symmetric_difference_update",
    };
    protocol::call::call_method(vm, result.value(), method, &[right])?;
    Ok(result.value())
}

macro_rules! view_op_fns {
    ($($name:ident = $op:ident, $reflected:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                view_setop(vm, args, ViewOp::$op, $reflected)
            }
        )*
    };
}

view_op_fns! {
    view_and = And, false;
    view_rand = And, true;
    view_or = Or, false;
    view_ror = Or, true;
    view_sub = Sub, false;
    view_rsub = Sub, true;
    view_xor = Xor, false;
    view_rxor = Xor, true;
}

/// Every item of `a` is in `b` (`all_contained_in`).
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let iterator = protocol::iter::iter(vm, a)?;
    while let Some(item) = protocol::iter::next(vm, iterator)? {
        if !protocol::sequence::contains(vm, b, item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`.
fn view_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    this_view(vm, this, name)?;
    if !is_setlike(other) {
        return Ok(vm.not_implemented());
    }
    let len_a = protocol::sequence::len(vm, this)?;
    let len_b = protocol::sequence::len(vm, other)?;
    let result = match op {
        ComparisonOp::Eq | ComparisonOp::Ne => {
            let equal = len_a == len_b && all_contained_in(vm, this, other)?;
            equal == (op == ComparisonOp::Eq)
        }
        ComparisonOp::Lt => len_a < len_b && all_contained_in(vm, this, other)?,
        ComparisonOp::Le => len_a <= len_b && all_contained_in(vm, this, other)?,
        ComparisonOp::Gt => len_a > len_b && all_contained_in(vm, other, this)?,
        ComparisonOp::Ge => len_a >= len_b && all_contained_in(vm, other, this)?,
    };
    Ok(vm.bool_value(result))
}

crate::rich_compare_fns!(view_compare: view_eq = Eq, view_ne = Ne, view_lt = Lt, view_le = Le, view_gt = Gt, view_ge = Ge);

fn view_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "isdisjoint")?;
    this_view(vm, this, "isdisjoint")?;
    let iterator = protocol::iter::iter(vm, other)?;
    while let Some(item) = protocol::iter::next(vm, iterator)? {
        if protocol::sequence::contains(vm, this, item)? {
            return Ok(vm.bool_value(false));
        }
    }
    Ok(vm.bool_value(true))
}

const SETLIKE_VIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("__len__", view_len),
    MethodDef::method("__iter__", view_iter),
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__contains__", view_contains),
    MethodDef::method("__repr__", view_repr),
    MethodDef::method("__hash__", protocol::hash::unhashable),
    MethodDef::method("__and__", view_and),
    MethodDef::method("__rand__", view_rand),
    MethodDef::method("__or__", view_or),
    MethodDef::method("__ror__", view_ror),
    MethodDef::method("__sub__", view_sub),
    MethodDef::method("__rsub__", view_rsub),
    MethodDef::method("__xor__", view_xor),
    MethodDef::method("__rxor__", view_rxor),
    MethodDef::method("__eq__", view_eq),
    MethodDef::method("__ne__", view_ne),
    MethodDef::method("__lt__", view_lt),
    MethodDef::method("__le__", view_le),
    MethodDef::method("__gt__", view_gt),
    MethodDef::method("__ge__", view_ge),
    MethodDef::method("isdisjoint", view_isdisjoint),
];

const VALUES_VIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("__len__", view_len),
    MethodDef::method("__iter__", view_iter),
    MethodDef::method("__reversed__", view_reversed),
    MethodDef::method("__repr__", view_repr),
];

const VIEW_GETSETS: &[GetSetDef] = &[GetSetDef::readonly("mapping", view_mapping)];

const fn view_spec(name: &'static str, methods: &'static [MethodDef]) -> TypeSpec {
    TypeSpec {
        name,
        base: None,
        layout: PyDictView::LAYOUT,
        layout_with_attrs: None,
        methods,
        getsets: VIEW_GETSETS,
        doc: "",
    }
}

pub const KEYS_SPEC: TypeSpec = view_spec("dict_keys", SETLIKE_VIEW_METHODS);
pub const VALUES_SPEC: TypeSpec = view_spec("dict_values", VALUES_VIEW_METHODS);
pub const ITEMS_SPEC: TypeSpec = view_spec("dict_items", SETLIKE_VIEW_METHODS);

// ---- mappingproxy -------------------------------------------------------------------------------

fn this_proxy(vm: &mut Vm, v: Value, method: &str) -> PyResult<Value> {
    match v.downcast::<PyMappingProxy>() {
        Some(proxy) => Ok(proxy.mapping.get()),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{method}' for 'mappingproxy' objects doesn't apply to a '{name}' object"
            )))
        }
    }
}

fn proxy_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [_, mapping] = args.exact::<2>(vm, "mappingproxy")?;
    let is_mapping = protocol::attr::lookup_special(vm, mapping, "__getitem__").is_some()
        && mapping.downcast::<crate::types::list::PyList>().is_none()
        && mapping.downcast::<PyTuple>().is_none();
    if !is_mapping {
        let name = vm.type_name(mapping);
        return Err(vm.type_error(format!("mappingproxy() argument must be a mapping, not {name}")));
    }
    Ok(new_mappingproxy(vm, mapping))
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let mapping = this_proxy(vm, this, "__getitem__")?;
    protocol::sequence::getitem(vm, mapping, key)
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__contains__")?;
    let mapping = this_proxy(vm, this, "__contains__")?;
    let found = protocol::sequence::contains(vm, mapping, key)?;
    Ok(vm.bool_value(found))
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let mapping = this_proxy(vm, this, "__len__")?;
    let len = protocol::sequence::len(vm, mapping)?;
    Ok(vm.new_int(len as i64))
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let mapping = this_proxy(vm, this, "__iter__")?;
    protocol::iter::iter(vm, mapping)
}

fn proxy_delegate(vm: &mut Vm, args: Args<'_>, method: &str) -> PyResult {
    let mapping = this_proxy(vm, args.this(), method)?;
    args.no_kwargs(vm, method)?;
    let rest = args.skip_self();
    protocol::call::call_method(vm, mapping, method, rest.positional())
}

fn proxy_keys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    proxy_delegate(vm, args, "keys")
}
fn proxy_values(vm: &mut Vm, args: Args<'_>) -> PyResult {
    proxy_delegate(vm, args, "values")
}
fn proxy_items(vm: &mut Vm, args: Args<'_>) -> PyResult {
    proxy_delegate(vm, args, "items")
}
fn proxy_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    proxy_delegate(vm, args, "get")
}
fn proxy_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    proxy_delegate(vm, args, "copy")
}

fn proxy_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let mapping = this_proxy(vm, this, "__repr__")?;
    let text = protocol::object::repr(vm, mapping)?;
    Ok(vm.new_str(&format!("mappingproxy({})", text.as_str())))
}

fn proxy_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__str__")?;
    let mapping = this_proxy(vm, this, "__str__")?;
    Ok(protocol::object::str(vm, mapping)?.value())
}

fn proxy_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let mapping = this_proxy(vm, this, name)?;
    protocol::compare::rich_compare(vm, mapping, other, op)
}

crate::rich_compare_fns!(proxy_compare: proxy_eq = Eq, proxy_ne = Ne);

const MAPPINGPROXY_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", proxy_new),
    MethodDef::method("__getitem__", proxy_getitem),
    MethodDef::method("__contains__", proxy_contains),
    MethodDef::method("__len__", proxy_len),
    MethodDef::method("__iter__", proxy_iter),
    MethodDef::method("__repr__", proxy_repr),
    MethodDef::method("__str__", proxy_str),
    MethodDef::method("__eq__", proxy_eq),
    MethodDef::method("__ne__", proxy_ne),
    MethodDef::method("keys", proxy_keys),
    MethodDef::method("values", proxy_values),
    MethodDef::method("items", proxy_items),
    MethodDef::method("get", proxy_get),
    MethodDef::method("copy", proxy_copy),
];

pub const MAPPINGPROXY_SPEC: TypeSpec = TypeSpec {
    name: "mappingproxy",
    base: None,
    layout: PyMappingProxy::LAYOUT,
    layout_with_attrs: None,
    methods: MAPPINGPROXY_METHODS,
    getsets: &[],
    doc: "",
};
