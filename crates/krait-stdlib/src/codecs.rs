//! The `_codecs` module (CPython 3.11: `Modules/_codecsmodule.c`,
//! `Python/codecs.c`): the codec registry and error-handler registry that
//! `codecs.py` and the `encodings` package build on, the codec functions
//! for the encodings Krait's str and bytes implement natively (UTF-8,
//! ASCII, Latin-1), and the charmap, UTF-16 and UTF-32 functions that the
//! `encodings` modules call. str.encode/bytes.decode send every other
//! encoding here, through the registry, as CPython does.
//!
//! Errors go through the error-handler registry (`call_handler`), so
//! every handler, builtin or registered, works with these codecs.
//!
//! The registries are a search-function list (the first lookup imports
//! `encodings`, which registers the standard one, as CPython's registry
//! initialisation does), a lookup cache and an error-handler dict, kept in one list that the VM roots and this module
//! finds through a thread-local. Codecs whose functions are not here
//! (`utf_7`, `idna`, the CJK codecs, ...) are found by `lookup` through
//! `encodings`, and fail when called with the AttributeError for the
//! missing `codecs` function. The `surrogateescape` and `surrogatepass`
//! handlers are not registered: Krait's str holds no lone surrogates.

use std::cell::Cell;

use krait_vm::error::PyResult;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::Gc;
use krait_vm::protocol::{attr, call, object};
use krait_vm::types::bytes::{as_buffer, new_bytes};
use krait_vm::types::dict::PyDict;
use krait_vm::types::list::{new_list, PyList};
use krait_vm::types::module::PyModule;
use krait_vm::types::str::PyStr;
use krait_vm::types::str_methods;
use krait_vm::types::tuple::{new_tuple, PyTuple};
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static CODECS: NativeModuleDef = NativeModuleDef {
    name: "_codecs",
    doc: "",
    methods: &[
        MethodDef::function("register", codecs_register),
        MethodDef::function("unregister", codecs_unregister),
        MethodDef::function("lookup", codecs_lookup),
        MethodDef::function("encode", codecs_encode),
        MethodDef::function("decode", codecs_decode),
        MethodDef::function("register_error", codecs_register_error),
        MethodDef::function("lookup_error", codecs_lookup_error),
        MethodDef::function("utf_8_encode", utf_8_encode),
        MethodDef::function("utf_8_decode", utf_8_decode),
        MethodDef::function("ascii_encode", ascii_encode),
        MethodDef::function("ascii_decode", ascii_decode),
        MethodDef::function("latin_1_encode", latin_1_encode),
        MethodDef::function("latin_1_decode", latin_1_decode),
        MethodDef::function("charmap_build", charmap_build),
        MethodDef::function("charmap_encode", charmap_encode),
        MethodDef::function("charmap_decode", charmap_decode),
        MethodDef::function("utf_16_encode", utf_16_encode),
        MethodDef::function("utf_16_decode", utf_16_decode),
        MethodDef::function("utf_16_le_encode", utf_16_le_encode),
        MethodDef::function("utf_16_le_decode", utf_16_le_decode),
        MethodDef::function("utf_16_be_encode", utf_16_be_encode),
        MethodDef::function("utf_16_be_decode", utf_16_be_decode),
        MethodDef::function("utf_32_encode", utf_32_encode),
        MethodDef::function("utf_32_decode", utf_32_decode),
        MethodDef::function("utf_32_le_encode", utf_32_le_encode),
        MethodDef::function("utf_32_le_decode", utf_32_le_decode),
        MethodDef::function("utf_32_be_encode", utf_32_be_encode),
        MethodDef::function("utf_32_be_decode", utf_32_be_decode),
    ],
    init: Some(codecs_init),
};

thread_local! {
    /// `[search functions, lookup cache, error handlers]`, rooted by the VM.
    static STATE: Cell<Value> = const { Cell::new(Value::NULL) };
    /// Whether `encodings` (which registers the standard search function)
    /// has been imported: CPython does it when the registry is first used.
    static ENCODINGS_IMPORTED: Cell<bool> = const { Cell::new(false) };
}

/// The builtin error handlers, registered at startup.
static HANDLERS: &[MethodDef] = &[
    MethodDef::function("strict_errors", strict_errors),
    MethodDef::function("ignore_errors", ignore_errors),
    MethodDef::function("replace_errors", replace_errors),
    MethodDef::function("backslashreplace_errors", backslashreplace_errors),
    MethodDef::function("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    MethodDef::function("namereplace_errors", namereplace_errors),
];

fn codecs_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let search = new_list(vm, &[]);
    let cache = PyDict::new(vm).value();
    let handlers = PyDict::new(vm);
    let state = new_list(vm, &[search, cache, handlers.value()]);
    vm.add_root(state);
    STATE.with(|s| s.set(state));
    for def in HANDLERS {
        let module_name = vm.new_str("_codecs");
        let function = krait_vm::types::descriptor::new_builtin_function(vm, def, module.value(), module_name);
        let name = def.name.trim_end_matches("_errors");
        let key = vm.intern(name);
        handlers.set_item(vm, key, function)?;
    }
    Ok(())
}

fn state(i: usize) -> Value {
    let state = STATE.with(|s| s.get()).downcast::<PyList>().expect("_codecs state");
    state.get(i).expect("_codecs state slot")
}

fn search_functions() -> Gc<PyList> {
    state(0).downcast::<PyList>().expect("search list")
}

fn cache() -> Gc<PyDict> {
    state(1).downcast::<PyDict>().expect("lookup cache")
}

fn handlers() -> Gc<PyDict> {
    state(2).downcast::<PyDict>().expect("error handlers")
}

fn str_arg(vm: &mut Vm, v: Value, func: &str, what: &str) -> PyResult<Gc<PyStr>> {
    match v.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{func}() argument {what} must be str, not {tn}")))
        }
    }
}

fn codecs_register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [function] = args.exact::<1>(vm, "register")?;
    if !call::is_callable(vm, function) {
        return Err(vm.type_error("argument must be callable"));
    }
    search_functions().push(function);
    Ok(vm.none())
}

fn codecs_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [function] = args.exact::<1>(vm, "unregister")?;
    let list = search_functions();
    let position = list.items.borrow().iter().position(|f| f.is(function));
    if let Some(i) = position {
        list.items.borrow_mut().remove(i);
        cache().clear();
    }
    Ok(vm.none())
}

/// `_PyCodec_Lookup`: the CodecInfo for an encoding name, from the cache
/// or the first search function that knows it.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult {
    let normalized: String = encoding.chars().map(|c| if c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect();
    let key = vm.new_str(&normalized);
    if let Some(info) = cache().get_item(vm, key)? {
        return Ok(info);
    }
    if !ENCODINGS_IMPORTED.with(|done| done.replace(true)) {
        let name = vm.intern("encodings").downcast::<PyStr>().expect("str");
        let none = vm.none();
        krait_vm::import::import_module_level(vm, name, none, none, 0)?;
    }
    // A snapshot (a list, so its values stay rooted): a search function
    // may register or unregister others.
    let functions = new_list(vm, &search_functions().to_vec()).downcast::<PyList>().expect("a list");
    for i in 0..functions.len() {
        let function = functions.get(i).expect("in range");
        let info = call::call(vm, function, &[key])?;
        if vm.is_none(info) {
            continue;
        }
        if info.downcast::<PyTuple>().is_none_or(|t| t.len() != 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        cache().set_item(vm, key, info)?;
        return Ok(info);
    }
    Err(vm.new_error(vm.exceptions.lookup_error, format!("unknown encoding: {encoding}")))
}

fn codecs_lookup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [encoding] = args.exact::<1>(vm, "lookup")?;
    let encoding = str_arg(vm, encoding, "lookup", "")?;
    lookup(vm, encoding.as_str())
}

static CODING_SIG: Signature = Signature {
    name: "encode",
    params: &["obj", "encoding", "errors"],
    positional_only: 0,
    keyword_only: 3,
    required: 1,
};

/// `_codecs.encode` / `decode`: through the registry, except for the
/// codecs str and bytes implement themselves.
fn run_codec(vm: &mut Vm, args: Args<'_>, encoding_side: bool) -> PyResult {
    let [obj, encoding, errors] = args.bind::<3>(vm, &CODING_SIG)?;
    let func = if encoding_side { "encode" } else { "decode" };
    let encoding =
        if encoding.is_null() { "utf-8".to_string() } else { str_arg(vm, encoding, func, "2")?.as_str().to_string() };
    let errors =
        if errors.is_null() { "strict".to_string() } else { str_arg(vm, errors, func, "3")?.as_str().to_string() };
    if str_methods::is_native_codec(&encoding) {
        if encoding_side {
            if let Some(s) = obj.downcast::<PyStr>() {
                let data = str_methods::encode(vm, s.as_str(), obj, &encoding, &errors)?;
                return Ok(new_bytes(vm, &data));
            }
        } else if let Some(data) = as_buffer(obj) {
            return str_methods::decode(vm, &data, obj, &encoding, &errors);
        }
    }
    let info = lookup(vm, &encoding)?;
    let function = info.downcast::<PyTuple>().expect("4-tuple").get(if encoding_side { 0 } else { 1 });
    let errors = vm.new_str(&errors);
    let result = call::call(vm, function, &[obj, errors])?;
    match result.downcast::<PyTuple>() {
        Some(t) if t.len() == 2 => Ok(t.get(0)),
        _ => {
            let what = if encoding_side { "encoder" } else { "decoder" };
            Err(vm.type_error(format!("{what} must return a tuple (object, integer)")))
        }
    }
}

fn codecs_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    run_codec(vm, args, true)
}

fn codecs_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    run_codec(vm, args, false)
}

fn codecs_register_error(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name, handler] = args.exact::<2>(vm, "register_error")?;
    str_arg(vm, name, "register_error", "1")?;
    if !call::is_callable(vm, handler) {
        return Err(vm.type_error("handler must be callable"));
    }
    handlers().set_item(vm, name, handler)?;
    Ok(vm.none())
}

fn codecs_lookup_error(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>(vm, "lookup_error")?;
    let name = str_arg(vm, name, "lookup_error", "")?;
    match handlers().get_item(vm, name.value())? {
        Some(handler) => Ok(handler),
        None => {
            Err(vm.new_error(vm.exceptions.lookup_error, format!("unknown error handler name '{}'", name.as_str())))
        }
    }
}

// ---- the native codecs --------------------------------------------------------------------

/// `(str, errors=None)` of an `*_encode` function, encoded.
fn encode_with(vm: &mut Vm, args: Args<'_>, func: &str, encoding: &str) -> PyResult {
    let values = args.positional_range(vm, func, 1, 2)?;
    let s = str_arg(vm, values[0], func, "1")?;
    let errors = match values.get(1) {
        Some(&e) if !vm.is_none(e) => str_arg(vm, e, func, "2")?.as_str().to_string(),
        _ => "strict".to_string(),
    };
    let data = str_methods::encode(vm, s.as_str(), s.value(), encoding, &errors)?;
    let bytes = new_bytes(vm, &data);
    let consumed = vm.new_int(s.char_len() as i64);
    Ok(new_tuple(vm, &[bytes, consumed]))
}

/// `(data, errors=None[, final=False])` of a `*_decode` function, decoded;
/// without `final`, an incomplete UTF-8 sequence at the end is left for
/// the next call.
fn decode_with(vm: &mut Vm, args: Args<'_>, func: &str, encoding: &str, max: usize) -> PyResult {
    let values = args.positional_range(vm, func, 1, max)?;
    let Some(data) = as_buffer(values[0]) else {
        let tn = vm.type_name(values[0]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    let errors = match values.get(1) {
        Some(&e) if !vm.is_none(e) => str_arg(vm, e, func, "2")?.as_str().to_string(),
        _ => "strict".to_string(),
    };
    let last = match values.get(2) {
        Some(&f) => object::truthy(vm, f)?,
        None => max == 2,
    };
    let end = match std::str::from_utf8(&data) {
        Err(e) if !last && e.error_len().is_none() => e.valid_up_to(),
        _ => data.len(),
    };
    let text = str_methods::decode(vm, &data[..end], values[0], encoding, &errors)?;
    let consumed = vm.new_int(end as i64);
    Ok(new_tuple(vm, &[text, consumed]))
}

fn utf_8_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    encode_with(vm, args, "utf_8_encode", "utf-8")
}

fn utf_8_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    decode_with(vm, args, "utf_8_decode", "utf-8", 3)
}

fn ascii_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    encode_with(vm, args, "ascii_encode", "ascii")
}

fn ascii_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    decode_with(vm, args, "ascii_decode", "ascii", 2)
}

fn latin_1_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    encode_with(vm, args, "latin_1_encode", "latin-1")
}

fn latin_1_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    decode_with(vm, args, "latin_1_decode", "latin-1", 2)
}

// ---- the builtin error handlers -----------------------------------------------------------

/// Which Unicode error an error handler was given.
enum UnicodeErrorKind {
    Encode,
    Decode,
    Translate,
}

/// The handler's exception argument, its kind, and its `start`/`end`.
fn unicode_error(vm: &mut Vm, exc: Value) -> PyResult<(UnicodeErrorKind, usize, usize)> {
    let kind = if vm.is_instance(exc, vm.exceptions.unicode_encode_error) {
        UnicodeErrorKind::Encode
    } else if vm.is_instance(exc, vm.exceptions.unicode_decode_error) {
        UnicodeErrorKind::Decode
    } else if vm.is_instance(exc, vm.exceptions.unicode_translate_error) {
        UnicodeErrorKind::Translate
    } else {
        return Err(cannot_handle(vm, exc));
    };
    let start = attr::getattr_str(vm, exc, "start")?;
    let end = attr::getattr_str(vm, exc, "end")?;
    let start = krait_vm::protocol::number::to_i64(vm, start)?.max(0) as usize;
    let end = krait_vm::protocol::number::to_i64(vm, end)?.max(0) as usize;
    Ok((kind, start, end.max(start)))
}

/// The characters `exc.object[start:end]` of an encode or translate error.
fn error_chars(vm: &mut Vm, exc: Value, start: usize, end: usize) -> PyResult<Vec<char>> {
    let object = attr::getattr_str(vm, exc, "object")?;
    let s = str_arg(vm, object, "error handler", "object")?;
    Ok(s.as_str().chars().skip(start).take(end - start).collect())
}

fn handler_result(vm: &mut Vm, replacement: &str, end: usize) -> PyResult {
    let text = vm.new_str(replacement);
    let end = vm.new_int(end as i64);
    Ok(new_tuple(vm, &[text, end]))
}

fn strict_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "strict_errors")?;
    if vm.is_instance(exc, vm.exceptions.base_exception) {
        return Err(krait_vm::error::PyErr::from_exception(exc));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

fn ignore_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "ignore_errors")?;
    let (_, _, end) = unicode_error(vm, exc)?;
    handler_result(vm, "", end)
}

fn replace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "replace_errors")?;
    let (kind, start, end) = unicode_error(vm, exc)?;
    let replacement = match kind {
        UnicodeErrorKind::Encode => "?".repeat(end - start),
        UnicodeErrorKind::Decode => "\u{fffd}".to_string(),
        UnicodeErrorKind::Translate => "\u{fffd}".repeat(end - start),
    };
    handler_result(vm, &replacement, end)
}

fn backslashreplace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "backslashreplace_errors")?;
    let (kind, start, end) = unicode_error(vm, exc)?;
    let mut out = String::new();
    if let UnicodeErrorKind::Decode = kind {
        let object = attr::getattr_str(vm, exc, "object")?;
        let data = as_buffer(object).unwrap_or_default();
        for b in data.iter().skip(start).take(end - start) {
            out.push_str(&format!("\\x{b:02x}"));
        }
    } else {
        for c in error_chars(vm, exc, start, end)? {
            out.push_str(&escape(c));
        }
    }
    handler_result(vm, &out, end)
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "xmlcharrefreplace_errors")?;
    let (kind, start, end) = unicode_error(vm, exc)?;
    if !matches!(kind, UnicodeErrorKind::Encode) {
        return Err(cannot_handle(vm, exc));
    }
    let out: String = error_chars(vm, exc, start, end)?.iter().map(|&c| format!("&#{};", c as u32)).collect();
    handler_result(vm, &out, end)
}

fn namereplace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [exc] = args.exact::<1>(vm, "namereplace_errors")?;
    let (kind, start, end) = unicode_error(vm, exc)?;
    if !matches!(kind, UnicodeErrorKind::Encode) {
        return Err(cannot_handle(vm, exc));
    }
    let mut out = String::new();
    for c in error_chars(vm, exc, start, end)? {
        match unicode_names2::name(c) {
            Some(name) => out.push_str(&format!("\\N{{{name}}}")),
            None => out.push_str(&escape(c)),
        }
    }
    handler_result(vm, &out, end)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point.
fn escape(c: char) -> String {
    match c as u32 {
        cp @ 0..=0xff => format!("\\x{cp:02x}"),
        cp @ 0x100..=0xffff => format!("\\u{cp:04x}"),
        cp => format!("\\U{cp:08x}"),
    }
}

/// The TypeError for an error handler given an exception it cannot handle.
fn cannot_handle(vm: &mut Vm, exc: Value) -> krait_vm::error::PyErr {
    let tn = vm.type_name(exc);
    vm.type_error(format!("don't know how to handle {tn} in error callback"))
}

// ---- codecs through the registry: charmap, UTF-16, UTF-32 ---------------------------------

/// Run error handler `errors` on a new Unicode error `ty(encoding, object,
/// start, end, reason)`: the replacement text and where to resume.
fn call_handler(
    vm: &mut Vm,
    errors: &str,
    ty: Gc<krait_vm::types::typeobject::PyType>,
    args: (&str, Value, usize, usize, &str),
) -> PyResult<(String, usize)> {
    let (encoding, object, start, end, reason) = args;
    let fields = [vm.new_str(encoding), object, vm.new_int(start as i64), vm.new_int(end as i64), vm.new_str(reason)];
    let exc = krait_vm::types::exception::new_exception(vm, ty, &fields);
    let name = vm.new_str(errors);
    let handler = match handlers().get_item(vm, name)? {
        Some(h) => h,
        None => return Err(vm.new_error(vm.exceptions.lookup_error, format!("unknown error handler name '{errors}'"))),
    };
    let result = call::call(vm, handler, &[exc])?;
    let pair = result.downcast::<PyTuple>().filter(|t| t.len() == 2);
    let (Some(text), Some(pos)) =
        (pair.and_then(|t| t.get(0).downcast::<PyStr>()), pair.and_then(|t| t.get(1).as_small_int()))
    else {
        return Err(vm.type_error("encoding error handler must return (str, int) tuple"));
    };
    Ok((text.as_str().to_string(), pos.max(0) as usize))
}

/// The arguments shared by the registry codecs: the data or text, and
/// the `errors` name.
fn errors_arg(vm: &mut Vm, values: &[Value], i: usize, func: &str) -> PyResult<String> {
    match values.get(i) {
        Some(&e) if !vm.is_none(e) => Ok(str_arg(vm, e, func, "2")?.as_str().to_string()),
        _ => Ok("strict".to_string()),
    }
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    as_buffer(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
    })
}

fn pair(vm: &mut Vm, first: Value, n: usize) -> Value {
    let n = vm.new_int(n as i64);
    new_tuple(vm, &[first, n])
}

/// `charmap_build(decoding_table)`: the encoding map of a decoding table,
/// as a dict from code point to byte (CPython returns an `EncodingMap`,
/// which `charmap_encode` reads the same way).
fn charmap_build(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [table] = args.exact::<1>(vm, "charmap_build")?;
    let table = str_arg(vm, table, "charmap_build", "")?;
    let map = PyDict::new(vm);
    for (i, c) in table.as_str().chars().enumerate() {
        if c != '\u{fffe}' {
            let (k, v) = (vm.new_int(c as i64), vm.new_int(i as i64));
            map.set_item(vm, k, v)?;
        }
    }
    Ok(map.value())
}

/// `charmap_decode(data, errors=None, mapping=None)`.
fn charmap_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "charmap_decode", 1, 3)?;
    let data = bytes_arg(vm, values[0])?;
    let errors = errors_arg(vm, values, 1, "charmap_decode")?;
    let mapping = values.get(2).copied().filter(|m| !vm.is_none(*m));
    let table: Option<Vec<char>> = mapping.and_then(|m| m.downcast::<PyStr>()).map(|t| t.as_str().chars().collect());
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let decoded = match (mapping, &table) {
            (None, _) => Some(b as char),
            (Some(_), Some(table)) => table.get(b as usize).copied().filter(|&c| c != '\u{fffe}'),
            (Some(m), None) => {
                let key = vm.new_int(b as i64);
                match krait_vm::protocol::sequence::getitem(vm, m, key) {
                    Ok(v) if vm.is_none(v) => None,
                    Ok(v) => match (v.as_small_int(), v.downcast::<PyStr>()) {
                        (Some(cp), _) => char::from_u32(cp as u32),
                        (_, Some(s)) => {
                            out.push_str(s.as_str());
                            i += 1;
                            continue;
                        }
                        _ => return Err(vm.type_error("character mapping must return integer, None or str")),
                    },
                    Err(e) if vm.error_matches(e, vm.exceptions.lookup_error) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                i += 1;
            }
            None => {
                let ty = vm.exceptions.unicode_decode_error;
                let (text, resume) =
                    call_handler(vm, &errors, ty, ("charmap", values[0], i, i + 1, "character maps to <undefined>"))?;
                out.push_str(&text);
                i = resume.max(i + 1);
            }
        }
    }
    let text = vm.new_str(&out);
    Ok(pair(vm, text, data.len()))
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "charmap_encode", 1, 3)?;
    let s = str_arg(vm, values[0], "charmap_encode", "1")?;
    let errors = errors_arg(vm, values, 1, "charmap_encode")?;
    let mapping = values.get(2).copied().filter(|m| !vm.is_none(*m));
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match encode_char(vm, mapping, chars[i])? {
            Some(bytes) => {
                out.extend_from_slice(&bytes);
                i += 1;
            }
            None => {
                // The error covers the whole run of unmappable characters.
                let mut end = i + 1;
                while end < chars.len() && encode_char(vm, mapping, chars[end])?.is_none() {
                    end += 1;
                }
                let ty = vm.exceptions.unicode_encode_error;
                let (text, resume) =
                    call_handler(vm, &errors, ty, ("charmap", s.value(), i, end, "character maps to <undefined>"))?;
                for c in text.chars() {
                    match encode_char(vm, mapping, c)? {
                        Some(bytes) => out.extend_from_slice(&bytes),
                        None => {
                            let ty = vm.exceptions.unicode_encode_error;
                            let fields = ("charmap", s.value(), i, i + 1, "character maps to <undefined>");
                            call_handler(vm, "strict", ty, fields)?;
                        }
                    }
                }
                i = resume.max(i + 1);
            }
        }
    }
    let bytes = new_bytes(vm, &out);
    Ok(pair(vm, bytes, chars.len()))
}

/// One character through a charmap encoding map (None: unmapped).
fn encode_char(vm: &mut Vm, mapping: Option<Value>, c: char) -> PyResult<Option<Vec<u8>>> {
    let Some(mapping) = mapping else {
        return Ok(((c as u32) < 256).then(|| vec![c as u32 as u8]));
    };
    let key = vm.new_int(c as i64);
    match krait_vm::protocol::sequence::getitem(vm, mapping, key) {
        Ok(v) if vm.is_none(v) => Ok(None),
        Ok(v) => match v.as_small_int() {
            Some(b) if (0..256).contains(&b) => Ok(Some(vec![b as u8])),
            Some(_) => Err(vm.type_error("character mapping must be in range(256)")),
            None => as_buffer(v)
                .map(Some)
                .ok_or_else(|| vm.type_error("character mapping must return integer, bytes or None, not str")),
        },
        Err(e) if vm.error_matches(e, vm.exceptions.lookup_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Byte order of a UTF-16/32 codec function: from a BOM (`None`), or fixed.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Bom,
    Little,
    Big,
}

fn utf16_encode(s: &str, order: Order) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    let little = order != Order::Big;
    if order == Order::Bom {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    for unit in s.encode_utf16() {
        out.extend_from_slice(&if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
    }
    out
}

fn utf32_encode(s: &str, order: Order) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    let little = order != Order::Big;
    if order == Order::Bom {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    for c in s.chars() {
        out.extend_from_slice(&if little { (c as u32).to_le_bytes() } else { (c as u32).to_be_bytes() });
    }
    out
}

/// Decode UTF-16 or UTF-32 (`width` 2 or 4): the text and the bytes used.
fn utf_wide_decode(
    vm: &mut Vm,
    source: Value,
    data: &[u8],
    width: usize,
    mut order: Order,
    errors: &str,
    last: bool,
) -> PyResult<(String, usize)> {
    let mut pos = 0;
    if order == Order::Bom {
        order = Order::Little;
        let (le, be): (&[u8], &[u8]) =
            if width == 2 { (&[0xff, 0xfe], &[0xfe, 0xff]) } else { (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]) };
        if data.starts_with(le) {
            pos = width;
        } else if data.starts_with(be) {
            order = Order::Big;
            pos = width;
        }
    }
    let name = match (width, order) {
        (2, Order::Big) => "utf-16-be",
        (2, _) => "utf-16-le",
        (_, Order::Big) => "utf-32-be",
        _ => "utf-32-le",
    };
    let unit = |at: usize| -> u32 {
        let bytes = &data[at..at + width];
        let mut word = 0u32;
        for k in 0..width {
            let b = if order == Order::Big { bytes[k] } else { bytes[width - 1 - k] };
            word = (word << 8) | b as u32;
        }
        word
    };
    let mut out = String::with_capacity(data.len() / width);
    while pos + width <= data.len() {
        let u = unit(pos);
        let (decoded, used, reason) = if width == 4 {
            match char::from_u32(u) {
                Some(c) => (Some(c), 4, ""),
                None if (0xd800..0xe000).contains(&u) => {
                    (None, 4, "code point in surrogate code point range(0xd800, 0xe000)")
                }
                None => (None, 4, "code point not in range(0x110000)"),
            }
        } else if !(0xd800..0xe000).contains(&u) {
            (char::from_u32(u), 2, "")
        } else if u >= 0xdc00 {
            (None, 2, "illegal encoding")
        } else if pos + 4 > data.len() {
            if !last {
                break;
            }
            (None, data.len() - pos, "unexpected end of data")
        } else {
            let low = unit(pos + 2);
            if (0xdc00..0xe000).contains(&low) {
                (char::from_u32(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00)), 4, "")
            } else {
                (None, 2, "illegal UTF-16 surrogate")
            }
        };
        match decoded {
            Some(c) => out.push(c),
            None => {
                let ty = vm.exceptions.unicode_decode_error;
                let (text, resume) = call_handler(vm, errors, ty, (name, source, pos, pos + used, reason))?;
                out.push_str(&text);
                pos = resume.max(pos + used);
                continue;
            }
        }
        pos += used;
    }
    if last && pos < data.len() {
        let ty = vm.exceptions.unicode_decode_error;
        let (text, _) = call_handler(vm, errors, ty, (name, source, pos, data.len(), "truncated data"))?;
        out.push_str(&text);
        pos = data.len();
    }
    Ok((out, pos))
}

fn wide_encode(vm: &mut Vm, args: Args<'_>, func: &str, width: usize, order: Order) -> PyResult {
    let values = args.positional_range(vm, func, 1, 3)?;
    let s = str_arg(vm, values[0], func, "1")?;
    let order = match values.get(2).and_then(|b| b.as_small_int()) {
        Some(b) if b < 0 => Order::Little,
        Some(b) if b > 0 => Order::Big,
        _ => order,
    };
    let data = if width == 2 { utf16_encode(s.as_str(), order) } else { utf32_encode(s.as_str(), order) };
    let bytes = new_bytes(vm, &data);
    Ok(pair(vm, bytes, s.char_len()))
}

fn wide_decode(vm: &mut Vm, args: Args<'_>, func: &str, width: usize, order: Order) -> PyResult {
    let values = args.positional_range(vm, func, 1, 3)?;
    let data = bytes_arg(vm, values[0])?;
    let errors = errors_arg(vm, values, 1, func)?;
    let last = match values.get(2) {
        Some(&f) => object::truthy(vm, f)?,
        None => false,
    };
    let (text, used) = utf_wide_decode(vm, values[0], &data, width, order, &errors, last)?;
    let text = vm.new_str(&text);
    Ok(pair(vm, text, used))
}

macro_rules! wide_codecs {
    ($($encode:ident, $decode:ident, $width:expr, $order:ident;)*) => {
        $(
            fn $encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
                wide_encode(vm, args, stringify!($encode), $width, Order::$order)
            }
            fn $decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
                wide_decode(vm, args, stringify!($decode), $width, Order::$order)
            }
        )*
    };
}

wide_codecs! {
    utf_16_encode, utf_16_decode, 2, Bom;
    utf_16_le_encode, utf_16_le_decode, 2, Little;
    utf_16_be_encode, utf_16_be_decode, 2, Big;
    utf_32_encode, utf_32_decode, 4, Bom;
    utf_32_le_encode, utf_32_le_decode, 4, Little;
    utf_32_be_encode, utf_32_be_decode, 4, Big;
}
