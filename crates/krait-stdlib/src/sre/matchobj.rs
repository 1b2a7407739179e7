//! `re.Match`: the result of a successful match (CPython 3.11's
//! `MatchObject` in `Modules/_sre/sre.c`). It keeps the subject object and
//! the group spans in code-point (or byte) offsets; group texts are sliced
//! from the subject on demand.

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::native::{Args, GetSetDef, MethodDef, Signature};
use krait_vm::object::PyPayload;
use krait_vm::protocol::{attr, call, number, object};
use krait_vm::rooted::RootedVec;
use krait_vm::types::dict::PyDict;
use krait_vm::types::native_object::{native_data, new_native_object, NativeData, PyNativeObject};
use krait_vm::types::tuple::{new_tuple, PyTuple};
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

use super::engine::Machine;
use super::pattern::pattern_of;
use super::{call_re, slice_subject, sre_type};

pub(crate) struct MatchState {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// Group 0 (the whole match) and each group: its span, if it matched.
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}

impl NativeData for MatchState {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.pattern, self.string]);
    }
}

/// A `Match` for the machine's last successful match `start..end`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn new_match(
    vm: &mut Vm,
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    machine: &Machine,
    start: usize,
    end: usize,
) -> PyResult {
    let groups = pattern_of(vm, pattern)?.groups;
    let mut spans = Vec::with_capacity(groups + 1);
    spans.push(Some((start, end)));
    for g in 0..groups {
        let a = machine.marks.get(2 * g).copied().flatten();
        let b = machine.marks.get(2 * g + 1).copied().flatten();
        spans.push(match (a, b) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        });
    }
    let state = MatchState { pattern, string, pos, endpos, spans, lastindex: machine.lastindex };
    let ty = sre_type(vm, "Match")?;
    Ok(new_native_object(vm, state, ty))
}

fn match_of(vm: &mut Vm, v: Value) -> PyResult<&'static MatchState> {
    native_data::<MatchState>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a 're.Match' object but received '{tn}'"))
    })
}

/// The group number that `index` (an int or a group name) names.
fn group_index(vm: &mut Vm, state: &MatchState, index: Value) -> PyResult<usize> {
    let ngroups = state.spans.len();
    if krait_vm::types::int::is_int(index) || attr::lookup_special(vm, index, "__index__").is_some() {
        if let Ok(i) = number::to_i64(vm, index) {
            if i >= 0 && (i as usize) < ngroups {
                return Ok(i as usize);
            }
        }
        return Err(vm.index_error("no such group"));
    }
    let groupindex = pattern_of(vm, state.pattern)?.groupindex;
    if let Some(dict) = groupindex.downcast::<PyDict>() {
        // Unhashable names are simply not found.
        if let Ok(Some(found)) = dict.get_item(vm, index) {
            if let Some(i) = found.as_small_int() {
                if i >= 0 && (i as usize) < ngroups {
                    return Ok(i as usize);
                }
            }
        }
    }
    Err(vm.index_error("no such group"))
}

fn group_value(vm: &mut Vm, state: &MatchState, g: usize, default: Value) -> PyResult {
    match state.spans[g] {
        Some((a, b)) => slice_subject(vm, state.string, a, b),
        None => Ok(default),
    }
}

fn match_group(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "group")?;
    let positional = args.positional();
    let this = positional[0];
    let state = match_of(vm, this)?;
    let none = vm.none();
    match positional.len() {
        1 => group_value(vm, state, 0, none),
        2 => {
            let g = group_index(vm, state, positional[1])?;
            group_value(vm, state, g, none)
        }
        _ => {
            let items = RootedVec::new(vm);
            for &index in &positional[1..] {
                let g = group_index(vm, state, index)?;
                let v = group_value(vm, state, g, none)?;
                items.push(vm, v);
            }
            let values: Vec<Value> = (0..items.len()).map(|i| items.get(i)).collect();
            Ok(new_tuple(vm, &values))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, index] = args.exact::<2>(vm, "__getitem__")?;
    let state = match_of(vm, this)?;
    let g = group_index(vm, state, index)?;
    let none = vm.none();
    group_value(vm, state, g, none)
}

fn match_groups(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature =
        Signature { name: "groups", params: &["self", "default"], positional_only: 1, keyword_only: 2, required: 1 };
    let [this, default] = args.bind::<2>(vm, &SIG)?;
    let state = match_of(vm, this)?;
    let default = if default.is_null() { vm.none() } else { default };
    let items = RootedVec::new(vm);
    for g in 1..state.spans.len() {
        let v = group_value(vm, state, g, default)?;
        items.push(vm, v);
    }
    let values: Vec<Value> = (0..items.len()).map(|i| items.get(i)).collect();
    Ok(new_tuple(vm, &values))
}

fn match_groupdict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature =
        Signature { name: "groupdict", params: &["self", "default"], positional_only: 1, keyword_only: 2, required: 1 };
    let [this, default] = args.bind::<2>(vm, &SIG)?;
    let state = match_of(vm, this)?;
    let default = if default.is_null() { vm.none() } else { default };
    let result = PyDict::new(vm);
    let groupindex = pattern_of(vm, state.pattern)?.groupindex;
    let Some(index) = groupindex.downcast::<PyDict>() else { return Ok(result.value()) };
    let mut pos = 0;
    while let Some((next, entry)) = index.next_entry(pos) {
        pos = next;
        if entry.key.is_null() {
            continue;
        }
        let g = entry.value.as_small_int().unwrap_or(-1);
        let v = if g >= 0 && (g as usize) < state.spans.len() {
            group_value(vm, state, g as usize, default)?
        } else {
            default
        };
        result.set_item(vm, entry.key, v)?;
    }
    Ok(result.value())
}

fn span_arg(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<(&'static MatchState, Option<(usize, usize)>)> {
    let positional = args.positional_range(vm, name, 1, 2)?;
    args.no_kwargs(vm, name)?;
    let state = match_of(vm, positional[0])?;
    let g = match positional.get(1) {
        Some(&index) => group_index(vm, state, index)?,
        None => 0,
    };
    Ok((state, state.spans[g]))
}

fn match_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, span) = span_arg(vm, args, "start")?;
    Ok(vm.new_int(span.map_or(-1, |s| s.0 as i64)))
}

fn match_end(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, span) = span_arg(vm, args, "end")?;
    Ok(vm.new_int(span.map_or(-1, |s| s.1 as i64)))
}

fn span_tuple(vm: &mut Vm, span: Option<(usize, usize)>) -> Value {
    let (a, b) = span.map_or((-1, -1), |(a, b)| (a as i64, b as i64));
    let a = vm.new_int(a);
    let b = vm.new_int(b);
    new_tuple(vm, &[a, b])
}

fn match_span(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, span) = span_arg(vm, args, "span")?;
    Ok(span_tuple(vm, span))
}

fn match_expand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, template] = args.exact::<2>(vm, "expand")?;
    let state = match_of(vm, this)?;
    call_re(vm, "_expand", &[state.pattern, this, template])
}

fn match_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let state = match_of(vm, this)?;
    let (a, b) = state.spans[0].unwrap_or((0, 0));
    let none = vm.none();
    let text = group_value(vm, state, 0, none)?;
    let text_repr = object::repr(vm, text)?;
    let out = format!("<re.Match object; span=({a}, {b}), match={}>", text_repr.as_str());
    Ok(vm.new_str(&out))
}

fn return_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "__copy__", 1, 2)?;
    Ok(positional[0])
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, item] = args.exact::<2>(vm, "__class_getitem__")?;
    let types = super::import_module(vm, "types")?;
    let generic_alias = attr::getattr_str(vm, types, "GenericAlias")?;
    call::call(vm, generic_alias, &[cls, item])
}

fn match_new(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("cannot create 're.Match' instances"))
}

fn lastgroup(vm: &mut Vm, v: Value) -> PyResult {
    let state = match_of(vm, v)?;
    let Some(last) = state.lastindex else { return Ok(vm.none()) };
    let indexgroup = pattern_of(vm, state.pattern)?.indexgroup;
    if let Some(tuple) = indexgroup.downcast::<PyTuple>() {
        if let Some(&name) = tuple.as_slice().get(last) {
            return Ok(name);
        }
    }
    Ok(vm.none())
}

fn regs(vm: &mut Vm, v: Value) -> PyResult {
    let state = match_of(vm, v)?;
    let items = RootedVec::new(vm);
    for g in 0..state.spans.len() {
        let t = span_tuple(vm, state.spans[g]);
        items.push(vm, t);
    }
    let values: Vec<Value> = (0..items.len()).map(|i| items.get(i)).collect();
    Ok(new_tuple(vm, &values))
}

pub static MATCH_SPEC: TypeSpec = TypeSpec {
    name: "Match",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", match_new),
        MethodDef::method("group", match_group),
        MethodDef::method("__getitem__", match_getitem),
        MethodDef::method("groups", match_groups),
        MethodDef::method("groupdict", match_groupdict),
        MethodDef::method("start", match_start),
        MethodDef::method("end", match_end),
        MethodDef::method("span", match_span),
        MethodDef::method("expand", match_expand),
        MethodDef::method("__repr__", match_repr),
        MethodDef::method("__copy__", return_self),
        MethodDef::method("__deepcopy__", return_self),
        MethodDef::classmethod("__class_getitem__", class_getitem),
    ],
    getsets: &[
        GetSetDef::readonly("re", |vm, v| Ok(match_of(vm, v)?.pattern)),
        GetSetDef::readonly("string", |vm, v| Ok(match_of(vm, v)?.string)),
        GetSetDef::readonly("pos", |vm, v| {
            let pos = match_of(vm, v)?.pos;
            Ok(vm.new_int(pos as i64))
        }),
        GetSetDef::readonly("endpos", |vm, v| {
            let endpos = match_of(vm, v)?.endpos;
            Ok(vm.new_int(endpos as i64))
        }),
        GetSetDef::readonly("lastindex", |vm, v| {
            let last = match_of(vm, v)?.lastindex;
            Ok(match last {
                Some(i) => vm.new_int(i as i64),
                None => vm.none(),
            })
        }),
        GetSetDef::readonly("lastgroup", lastgroup),
        GetSetDef::readonly("regs", regs),
    ],
    doc: "The result of re.match() and re.search().",
};
