//! `re.Pattern` (a compiled pattern) and `_sre.SRE_Scanner` (the iterator
//! state behind `finditer` and `Pattern.scanner`), as CPython 3.11's
//! `Modules/_sre/sre.c` defines them. `sub` calls back into `re._subx` for
//! template replacements, as CPython does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::native::{Args, GetSetDef, MethodDef, Signature};
use krait_vm::object::PyPayload;
use krait_vm::protocol::{call, compare, hash, object};
use krait_vm::rooted::RootedVec;
use krait_vm::types::dict::{new_mappingproxy, PyDict};
use krait_vm::types::list::{list_from_vec, PyList};
use krait_vm::types::native_object::{native_data, new_native_object, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::new_tuple;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

use super::constants::*;
use super::engine::{Machine, Subject};
use super::matchobj::new_match;
use super::{call_re, clamp_bounds, slice_subject, sre_type, subject_units};

pub(crate) struct PatternState {
    pub pattern: Value,
    pub flags: u32,
    pub code: Vec<u32>,
    pub groups: usize,
    pub groupindex: Value,
    pub indexgroup: Value,
    pub is_bytes: bool,
    /// The last long immutable subject and its units: loops that call
    /// `match(s, pos)` over one string (tokenizers, `json`) convert it once.
    subject_cache: RefCell<Option<(Value, Rc<Vec<u32>>)>>,
}

impl NativeData for PatternState {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.pattern, self.groupindex, self.indexgroup]);
        if let Some((subject, _)) = &*self.subject_cache.borrow() {
            tracer.mark(*subject);
        }
    }
}

/// Subjects at least this long are cached by their pattern.
const CACHED_SUBJECT_LEN: usize = 256;

/// The units of `string` for matching with `state`'s pattern.
fn units_for(vm: &mut Vm, state: &PatternState, string: Value) -> PyResult<Rc<Vec<u32>>> {
    if let Some((cached, units)) = &*state.subject_cache.borrow() {
        if cached.is(string) {
            return Ok(units.clone());
        }
    }
    let units = Rc::new(subject_units(vm, string, state.is_bytes)?);
    let immutable = string.downcast::<PyStr>().is_some() || vm.is_exact(string, vm.types.bytes);
    if units.len() >= CACHED_SUBJECT_LEN && immutable {
        *state.subject_cache.borrow_mut() = Some((string, units.clone()));
    }
    Ok(units)
}

pub(crate) fn pattern_of(vm: &mut Vm, v: Value) -> PyResult<&'static PatternState> {
    native_data::<PatternState>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a 're.Pattern' object but received '{tn}'"))
    })
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub(crate) fn sre_compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "compile",
        params: &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
        positional_only: 0,
        keyword_only: 6,
        required: 6,
    };
    let [pattern, flags, code, groups, groupindex, indexgroup] = args.bind::<6>(vm, &SIG)?;
    let flags = krait_vm::protocol::number::to_i64(vm, flags)? as u32;
    let Some(code_list) = code.downcast::<PyList>() else {
        return Err(vm.type_error("compile() argument 'code' must be list"));
    };
    let items = code_list.to_vec();
    let mut words = Vec::with_capacity(items.len());
    for item in items {
        let n = krait_vm::protocol::number::to_i64(vm, item)?;
        if !(0..=u32::MAX as i64).contains(&n) {
            return Err(vm.overflow_error("regular expression code size limit exceeded"));
        }
        words.push(n as u32);
    }
    let groups = krait_vm::protocol::number::to_i64(vm, groups)?.max(0) as usize;
    let is_bytes = if vm.is_none(pattern) || pattern.downcast::<PyStr>().is_some() {
        false
    } else if krait_vm::types::bytes::as_buffer(pattern).is_some() {
        true
    } else {
        let tn = vm.type_name(pattern);
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")));
    };
    let state = PatternState {
        pattern,
        flags,
        code: words,
        groups,
        groupindex,
        indexgroup,
        is_bytes,
        subject_cache: RefCell::new(None),
    };
    let ty = sre_type(vm, "Pattern")?;
    Ok(new_native_object(vm, state, ty))
}

/// `(self, string, pos=0, endpos=sys.maxsize)`: the matching methods' signature.
const fn string_pos_sig(name: &'static str) -> Signature {
    Signature { name, params: &["self", "string", "pos", "endpos"], positional_only: 1, keyword_only: 4, required: 2 }
}
static MATCH_SIG: Signature = string_pos_sig("match");
static FULLMATCH_SIG: Signature = string_pos_sig("fullmatch");
static SEARCH_SIG: Signature = string_pos_sig("search");
static FINDALL_SIG: Signature = string_pos_sig("findall");
static FINDITER_SIG: Signature = string_pos_sig("finditer");
static SCANNER_SIG: Signature = string_pos_sig("scanner");

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn match_common(vm: &mut Vm, args: Args<'_>, sig: &Signature, mode: Mode) -> PyResult {
    let [this, string, pos, endpos] = args.bind::<4>(vm, sig)?;
    let state = pattern_of(vm, this)?;
    let text = units_for(vm, state, string)?;
    let (start, end) = clamp_bounds(vm, pos, endpos, text.len())?;
    let mut machine = Machine::new(&state.code, Subject { text: &text, end }, state.groups);
    machine.match_all = mode == Mode::Full;
    let found = match mode {
        Mode::Search => machine.search_from(start),
        _ => machine.match_at(start).map(|e| (start, e)),
    };
    match found {
        Some((b, e)) => new_match(vm, this, string, start, end, &machine, b, e),
        None => Ok(vm.none()),
    }
}

fn pattern_match(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match_common(vm, args, &MATCH_SIG, Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match_common(vm, args, &FULLMATCH_SIG, Mode::Full)
}

fn pattern_search(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match_common(vm, args, &SEARCH_SIG, Mode::Search)
}

/// A group's text for `findall`/`split`: unmatched is `""` for findall,
/// `None` for split.
fn group_value(vm: &mut Vm, string: Value, machine: &Machine, g: usize, unmatched: Value) -> PyResult {
    let span = match (machine.marks.get(2 * g).copied().flatten(), machine.marks.get(2 * g + 1).copied().flatten()) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        _ => None,
    };
    match span {
        Some((a, b)) => slice_subject(vm, string, a, b),
        None => Ok(unmatched),
    }
}

fn pattern_findall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, string, pos, endpos] = args.bind::<4>(vm, &FINDALL_SIG)?;
    let state = pattern_of(vm, this)?;
    let text = units_for(vm, state, string)?;
    let (mut start, end) = clamp_bounds(vm, pos, endpos, text.len())?;
    let result = list_from_vec(vm, Vec::new());
    let list = result.downcast::<PyList>().expect("list");
    let empty = slice_subject(vm, string, 0, 0)?;
    let mut machine = Machine::new(&state.code, Subject { text: &text, end }, state.groups);
    while start <= end {
        let Some((b, e)) = machine.search_from(start) else { break };
        let item = match state.groups {
            0 => slice_subject(vm, string, b, e)?,
            1 => group_value(vm, string, &machine, 0, empty)?,
            n => {
                let items = RootedVec::new(vm);
                for g in 0..n {
                    let v = group_value(vm, string, &machine, g, empty)?;
                    items.push(vm, v);
                }
                let values: Vec<Value> = (0..items.len()).map(|i| items.get(i)).collect();
                new_tuple(vm, &values)
            }
        };
        list.push(item);
        machine.must_advance = e == b;
        start = e;
    }
    Ok(result)
}

fn pattern_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "split",
        params: &["self", "string", "maxsplit"],
        positional_only: 1,
        keyword_only: 3,
        required: 2,
    };
    let [this, string, maxsplit] = args.bind::<3>(vm, &SIG)?;
    let state = pattern_of(vm, this)?;
    let maxsplit = if maxsplit.is_null() { 0 } else { krait_vm::protocol::number::to_index_isize(vm, maxsplit)? };
    let text = units_for(vm, state, string)?;
    let end = text.len();
    let result = list_from_vec(vm, Vec::new());
    let list = result.downcast::<PyList>().expect("list");
    let mut machine = Machine::new(&state.code, Subject { text: &text, end }, state.groups);
    let mut last = 0;
    let mut start = 0;
    let mut n = 0;
    while maxsplit <= 0 || n < maxsplit {
        let Some((b, e)) = machine.search_from(start) else { break };
        let piece = slice_subject(vm, string, last, b)?;
        list.push(piece);
        for g in 0..state.groups {
            let none = vm.none();
            let v = group_value(vm, string, &machine, g, none)?;
            list.push(v);
        }
        n += 1;
        machine.must_advance = e == b;
        last = e;
        start = e;
    }
    let tail = slice_subject(vm, string, last, end)?;
    list.push(tail);
    Ok(result)
}

fn sub_common(vm: &mut Vm, args: Args<'_>, name: &'static str, with_count: bool) -> PyResult {
    static SUB_SIG: Signature = Signature {
        name: "sub",
        params: &["self", "repl", "string", "count"],
        positional_only: 1,
        keyword_only: 4,
        required: 3,
    };
    static SUBN_SIG: Signature = Signature {
        name: "subn",
        params: &["self", "repl", "string", "count"],
        positional_only: 1,
        keyword_only: 4,
        required: 3,
    };
    let sig = if name == "sub" { &SUB_SIG } else { &SUBN_SIG };
    let [this, repl, string, count] = args.bind::<4>(vm, sig)?;
    let state = pattern_of(vm, this)?;
    let count = if count.is_null() { 0 } else { krait_vm::protocol::number::to_index_isize(vm, count)? };
    // A callable is called with each match; a template with a backslash
    // goes through `re._subx`, which gives a literal or a callable.
    let mut filter = repl;
    let mut filter_is_callable = call::is_callable(vm, repl);
    if !filter_is_callable {
        let literal = if let Some(s) = repl.downcast::<PyStr>() {
            !s.as_str().contains('\\')
        } else if let Some(data) = krait_vm::types::bytes::as_buffer(repl) {
            !data.contains(&b'\\')
        } else {
            false
        };
        if !literal {
            filter = call_re(vm, "_subx", &[this, repl])?;
            filter_is_callable = call::is_callable(vm, filter);
        }
    }
    let text = units_for(vm, state, string)?;
    let end = text.len();
    let pieces = list_from_vec(vm, Vec::new());
    let list = pieces.downcast::<PyList>().expect("list");
    let mut machine = Machine::new(&state.code, Subject { text: &text, end }, state.groups);
    let mut i = 0;
    let mut start = 0;
    let mut n: isize = 0;
    while count <= 0 || n < count {
        let Some((b, e)) = machine.search_from(start) else { break };
        if i < b {
            let piece = slice_subject(vm, string, i, b)?;
            list.push(piece);
        }
        if filter_is_callable {
            let m = new_match(vm, this, string, 0, end, &machine, b, e)?;
            let item = call::call(vm, filter, &[m])?;
            if !vm.is_none(item) {
                list.push(item);
            }
        } else {
            list.push(filter);
        }
        i = e;
        n += 1;
        machine.must_advance = e == b;
        start = e;
    }
    if i < end {
        let piece = slice_subject(vm, string, i, end)?;
        list.push(piece);
    }
    let joiner = slice_subject(vm, string, 0, 0)?;
    let joiner = if state.is_bytes && !vm.is_exact(joiner, vm.types.bytes) {
        krait_vm::types::bytes::new_bytes(vm, b"")
    } else {
        joiner
    };
    let joined = call::call_method(vm, joiner, "join", &[pieces])?;
    if with_count {
        Ok(new_tuple(vm, &[joined, Value::from_small(n as i64)]))
    } else {
        Ok(joined)
    }
}

fn pattern_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    sub_common(vm, args, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    sub_common(vm, args, "subn", true)
}

fn make_scanner(vm: &mut Vm, this: Value, string: Value, pos: Value, endpos: Value) -> PyResult {
    let state = pattern_of(vm, this)?;
    let text = units_for(vm, state, string)?;
    let (start, end) = clamp_bounds(vm, pos, endpos, text.len())?;
    let scanner = ScannerState {
        pattern: this,
        string,
        text,
        end,
        start: Cell::new(Some(start)),
        pos: start,
        must_advance: Cell::new(false),
    };
    let ty = sre_type(vm, "SRE_Scanner")?;
    Ok(new_native_object(vm, scanner, ty))
}

fn pattern_scanner(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, string, pos, endpos] = args.bind::<4>(vm, &SCANNER_SIG)?;
    make_scanner(vm, this, string, pos, endpos)
}

fn pattern_finditer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, string, pos, endpos] = args.bind::<4>(vm, &FINDITER_SIG)?;
    let scanner = make_scanner(vm, this, string, pos, endpos)?;
    let search = krait_vm::protocol::attr::getattr_str(vm, scanner, "search")?;
    let iter_fn = krait_vm::protocol::attr::getattr_str(vm, vm.builtins_module, "iter")?;
    let none = vm.none();
    call::call(vm, iter_fn, &[search, none])
}

/// `%.200R`: the repr cut to 200 characters.
fn short_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = object::repr(vm, v)?;
    Ok(r.as_str().chars().take(200).collect())
}

fn pattern_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let state = pattern_of(vm, this)?;
    let pattern_repr = short_repr(vm, state.pattern)?;
    let mut flags = state.flags;
    if !state.is_bytes && (flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII)) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let text = if flags == 0 {
        format!("re.compile({pattern_repr})")
    } else {
        let names = [
            ("re.TEMPLATE", FLAG_TEMPLATE),
            ("re.IGNORECASE", FLAG_IGNORECASE),
            ("re.LOCALE", FLAG_LOCALE),
            ("re.MULTILINE", FLAG_MULTILINE),
            ("re.DOTALL", FLAG_DOTALL),
            ("re.UNICODE", FLAG_UNICODE),
            ("re.VERBOSE", FLAG_VERBOSE),
            ("re.DEBUG", FLAG_DEBUG),
            ("re.ASCII", FLAG_ASCII),
        ];
        let mut parts = Vec::new();
        for (name, bit) in names {
            if flags & bit != 0 {
                parts.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            parts.push(format!("0x{flags:x}"));
        }
        format!("re.compile({pattern_repr}, {})", parts.join("|"))
    };
    Ok(vm.new_str(&text))
}

fn pattern_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    let state = pattern_of(vm, this)?;
    let Some(other_state) = native_data::<PatternState>(other) else { return Ok(vm.not_implemented()) };
    if this.is(other) {
        return Ok(vm.bool_value(true));
    }
    let same = state.flags == other_state.flags
        && state.is_bytes == other_state.is_bytes
        && state.code == other_state.code
        && compare::eq(vm, state.pattern, other_state.pattern)?;
    Ok(vm.bool_value(same))
}

fn pattern_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let result = pattern_eq(vm, args)?;
    if result.is(vm.not_implemented()) {
        return Ok(result);
    }
    let truth = object::truthy(vm, result)?;
    Ok(vm.bool_value(!truth))
}

fn pattern_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let state = pattern_of(vm, this)?;
    let mut h = hash::hash(vm, state.pattern)?;
    for &w in &state.code {
        h = h.wrapping_mul(1_000_003) ^ w as i64;
    }
    h ^= state.flags as i64;
    if h == -1 {
        h = -2;
    }
    Ok(vm.new_int(h))
}

fn return_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "__copy__", 1, 2)?;
    Ok(positional[0])
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, item] = args.exact::<2>(vm, "__class_getitem__")?;
    let types = super::import_module(vm, "types")?;
    let generic_alias = krait_vm::protocol::attr::getattr_str(vm, types, "GenericAlias")?;
    call::call(vm, generic_alias, &[cls, item])
}

fn pattern_new(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("cannot create 're.Pattern' instances"))
}

pub static PATTERN_SPEC: TypeSpec = TypeSpec {
    name: "Pattern",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", pattern_new),
        MethodDef::method("match", pattern_match),
        MethodDef::method("fullmatch", pattern_fullmatch),
        MethodDef::method("search", pattern_search),
        MethodDef::method("sub", pattern_sub),
        MethodDef::method("subn", pattern_subn),
        MethodDef::method("findall", pattern_findall),
        MethodDef::method("split", pattern_split),
        MethodDef::method("finditer", pattern_finditer),
        MethodDef::method("scanner", pattern_scanner),
        MethodDef::method("__copy__", return_self),
        MethodDef::method("__deepcopy__", return_self),
        MethodDef::method("__repr__", pattern_repr),
        MethodDef::method("__eq__", pattern_eq),
        MethodDef::method("__ne__", pattern_ne),
        MethodDef::method("__hash__", pattern_hash),
        MethodDef::classmethod("__class_getitem__", class_getitem),
    ],
    getsets: &[
        GetSetDef::readonly("pattern", |vm, v| Ok(pattern_of(vm, v)?.pattern)),
        GetSetDef::readonly("flags", |vm, v| {
            let flags = pattern_of(vm, v)?.flags;
            Ok(vm.new_int(flags as i64))
        }),
        GetSetDef::readonly("groups", |vm, v| {
            let groups = pattern_of(vm, v)?.groups;
            Ok(vm.new_int(groups as i64))
        }),
        GetSetDef::readonly("groupindex", |vm, v| {
            let groupindex = pattern_of(vm, v)?.groupindex;
            // CPython keeps no index for a pattern without named groups
            // and gives a fresh (mutable) dict then.
            match groupindex.downcast::<PyDict>() {
                Some(d) if d.is_empty() => Ok(PyDict::new(vm).value()),
                Some(d) => {
                    let copy = d.copy(vm).value();
                    Ok(new_mappingproxy(vm, copy))
                }
                None => Ok(new_mappingproxy(vm, groupindex)),
            }
        }),
    ],
    doc: "Compiled regular expression object.",
};

/// The state of an `SRE_Scanner`: the subject, converted once, and where
/// the next match may start (`None` once exhausted).
pub(crate) struct ScannerState {
    pattern: Value,
    string: Value,
    text: Rc<Vec<u32>>,
    end: usize,
    pos: usize,
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
}

impl NativeData for ScannerState {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.pattern, self.string]);
    }
}

fn scanner_step(vm: &mut Vm, args: Args<'_>, search: bool) -> PyResult {
    let [this] = args.exact::<1>(vm, if search { "search" } else { "match" })?;
    let Some(scanner) = native_data::<ScannerState>(this) else {
        return Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object"));
    };
    let Some(start) = scanner.start.get() else { return Ok(vm.none()) };
    let state = pattern_of(vm, scanner.pattern)?;
    let mut machine = Machine::new(&state.code, Subject { text: &scanner.text, end: scanner.end }, state.groups);
    machine.must_advance = scanner.must_advance.get();
    let found = if search { machine.search_from(start) } else { machine.match_at(start).map(|e| (start, e)) };
    match found {
        Some((b, e)) => {
            scanner.must_advance.set(e == b);
            scanner.start.set(Some(e));
            new_match(vm, scanner.pattern, scanner.string, scanner.pos, scanner.end, &machine, b, e)
        }
        None => {
            scanner.start.set(None);
            Ok(vm.none())
        }
    }
}

fn scanner_match(vm: &mut Vm, args: Args<'_>) -> PyResult {
    scanner_step(vm, args, false)
}

fn scanner_search(vm: &mut Vm, args: Args<'_>) -> PyResult {
    scanner_step(vm, args, true)
}

pub static SCANNER_SPEC: TypeSpec = TypeSpec {
    name: "SRE_Scanner",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("match", scanner_match), MethodDef::method("search", scanner_search)],
    getsets: &[GetSetDef::readonly("pattern", |vm, v| match native_data::<ScannerState>(v) {
        Some(s) => Ok(s.pattern),
        None => Ok(vm.none()),
    })],
    doc: "",
};
