//! The `_string` module (CPython 3.11: the `formatter_*` functions of
//! `Objects/unicodeobject.c` and `Objects/stringlib/unicode_format.h`),
//! which `string.Formatter` is built on.
//!
//! Both functions reuse the parser of `str.format`
//! (`krait_vm::types::str_format`). CPython parses lazily and reports a
//! syntax error when the iterator reaches it; here the whole string is
//! parsed up front into the tuples to yield plus the error (if any) that
//! ends them, which the iterator raises after yielding the rest, so what a
//! program sees is the same.

use std::cell::{Cell, RefCell};

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef};
use krait_vm::object::{Gc, PyPayload};
use krait_vm::rooted::RootedVec;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::str_format::{
    parse_field_name_partial, parse_format_string_partial, FieldAccessor, FieldKey, FormatPiece,
};
use krait_vm::types::tuple::new_tuple;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static STRING: NativeModuleDef = NativeModuleDef {
    name: "_string",
    doc: "string helper module",
    methods: &[
        MethodDef::function("formatter_parser", formatter_parser),
        MethodDef::function("formatter_field_name_split", formatter_field_name_split),
    ],
    init: Some(string_init),
};

fn string_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    for (name, spec) in
        [("formatteriterator", &FORMATTER_ITERATOR_SPEC), ("fieldnameiterator", &FIELDNAME_ITERATOR_SPEC)]
    {
        let ty = new_native_type(vm, spec, None, "builtins");
        module.set_attr(vm, name, ty.value());
    }
    Ok(())
}

/// An iterator over precomputed items, then (optionally) a `ValueError`.
struct ParsedItems {
    items: RefCell<Vec<Value>>,
    position: Cell<usize>,
    error: RefCell<Option<String>>,
}

impl NativeData for ParsedItems {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.items.borrow());
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let position = self.position.get();
        if let Some(&item) = self.items.borrow().get(position) {
            self.position.set(position + 1);
            return Some(Ok(Some(item)));
        }
        Some(match self.error.borrow_mut().take() {
            Some(message) => Err(vm.value_error(message)),
            None => Ok(None),
        })
    }
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.this())
}

fn parsed_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(state) = native_data::<ParsedItems>(this) else {
        return Err(vm.type_error("expected a formatter iterator"));
    };
    match state.iter_next(vm, this).expect("parsed items advance") {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.stop_iteration(Value::NULL)),
        Err(e) => Err(e),
    }
}

static FORMATTER_ITERATOR_SPEC: TypeSpec = TypeSpec {
    name: "formatteriterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__iter__", iter_self), MethodDef::method("__next__", parsed_next)],
    getsets: &[],
    doc: "",
};

static FIELDNAME_ITERATOR_SPEC: TypeSpec = TypeSpec {
    name: "fieldnameiterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__iter__", iter_self), MethodDef::method("__next__", parsed_next)],
    getsets: &[],
    doc: "",
};

fn str_arg(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStr>> {
    v.downcast::<PyStr>().ok_or_else(|| {
        let name = vm.type_name(v);
        vm.type_error(format!("expected str, got {name}"))
    })
}

fn make_iterator(vm: &mut Vm, type_name: &str, items: &RootedVec, error: Option<String>) -> PyResult {
    let ty = crate::util::module_type(vm, "_string", type_name)?;
    let state = ParsedItems { items: RefCell::new(items.to_vec()), position: Cell::new(0), error: RefCell::new(error) };
    Ok(new_native_object(vm, state, ty))
}

/// `formatter_parser(s)`: `(literal, field_name, format_spec, conversion)`
/// for each replacement field (`MarkupIterator_next`): the literal text
/// before a field shares its tuple; text ended by an escaped brace (`{{`,
/// `}}`) or by the end of the string stands alone with three `None`s.
fn formatter_parser(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>(vm, "formatter_parser")?;
    let s = str_arg(vm, s)?;
    let text = s.as_str().to_string();
    let (pieces, error) = parse_format_string_partial(&text);
    let items = RootedVec::new(vm);
    let mut pending: Option<&str> = None;
    for piece in pieces {
        match piece {
            FormatPiece::Literal(literal) => {
                if let Some(previous) = pending.take() {
                    push_literal(vm, &items, previous);
                }
                if literal.ends_with(['{', '}']) {
                    push_literal(vm, &items, literal);
                } else {
                    pending = Some(literal);
                }
            }
            FormatPiece::Field { name, conversion, spec } => {
                let literal = vm.new_str(pending.take().unwrap_or(""));
                let name = vm.new_str(name);
                let spec = vm.new_str(spec);
                let conversion = match conversion {
                    Some(c) => vm.new_str(c.encode_utf8(&mut [0; 4])),
                    None => vm.none(),
                };
                let item = new_tuple(vm, &[literal, name, spec, conversion]);
                items.push(vm, item);
            }
        }
    }
    // A literal waiting for its field when parsing failed is never yielded:
    // CPython raises in the step that would have produced both.
    if error.is_none() {
        if let Some(previous) = pending {
            push_literal(vm, &items, previous);
        }
    }
    make_iterator(vm, "formatteriterator", &items, error)
}

fn push_literal(vm: &mut Vm, items: &RootedVec, literal: &str) {
    let literal = vm.new_str(literal);
    let none = vm.none();
    let item = new_tuple(vm, &[literal, none, none, none]);
    items.push(vm, item);
}

/// `formatter_field_name_split(name)`: `(first, iterator)` where `first` is
/// an int for an all-digit first part and the iterator yields
/// `(is_attribute, key)` for each `.attr` / `[key]`.
fn formatter_field_name_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>(vm, "formatter_field_name_split")?;
    let name = str_arg(vm, name)?;
    let text = name.as_str().to_string();
    let (key, accessors, error) = parse_field_name_partial(&text).map_err(|message| vm.value_error(message))?;
    let first = match key {
        FieldKey::Auto => vm.new_str(""),
        FieldKey::Index(i) => vm.new_int(i as i64),
        FieldKey::Name(n) => vm.new_str(n),
    };
    let items = RootedVec::new(vm);
    items.push(vm, first);
    let rest = RootedVec::new(vm);
    for accessor in accessors {
        let (is_attr, key) = match accessor {
            FieldAccessor::Attr(a) => (true, vm.new_str(a)),
            FieldAccessor::Index(i) => (false, vm.new_int(i as i64)),
            FieldAccessor::Key(k) => (false, vm.new_str(k)),
        };
        let flag = vm.bool_value(is_attr);
        let item = new_tuple(vm, &[flag, key]);
        rest.push(vm, item);
    }
    let iterator = make_iterator(vm, "fieldnameiterator", &rest, error)?;
    Ok(new_tuple(vm, &[items.get(0), iterator]))
}
