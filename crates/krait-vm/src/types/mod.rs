//! The builtin types, one file each, and the table that creates them.
//!
//! Every builtin type is described by a static `TypeSpec` in its own file:
//! its name, its base, the Rust layout of its instances, and its
//! Python-visible methods and attributes as tables. `builtin_types!` below
//! is the one list of them; `BuiltinTypes::create` turns each spec into a
//! type object when the VM starts, in the order listed (bases first).

pub mod bytearray;
pub mod bytes;
pub mod class;
pub mod complex;
pub mod descriptor;
pub mod dict;
pub mod dict_methods;
pub mod exception;
pub mod exception_group;
pub mod float;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod int;
pub mod iterator;
pub mod list;
pub mod memoryview;
pub mod module;
pub mod native_object;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod str_format;
pub mod str_methods;
pub mod total_order;
pub mod traceback;
pub mod tuple;
pub mod typeobject;
pub mod weakproxy;
pub mod weakref;

use crate::native::{GetSetDef, MethodDef};
use crate::object::{Gc, Layout};
use typeobject::PyType;

/// The static description of a builtin type.
pub struct TypeSpec {
    pub name: &'static str,
    /// The base type (`None` means `object`; only `object` itself has none).
    pub base: Option<fn(&BuiltinTypes) -> Gc<PyType>>,
    /// The layout of instances.
    pub layout: &'static Layout,
    /// The layout of instances of Python subclasses, `None` if the type
    /// cannot be subclassed.
    pub layout_with_attrs: Option<&'static Layout>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub doc: &'static str,
}

macro_rules! builtin_types {
    ($($field:ident: $spec:path,)*) => {
        /// The type objects of the builtin types.
        pub struct BuiltinTypes {
            $(pub $field: Gc<PyType>,)*
        }

        impl BuiltinTypes {
            /// The specs, in creation order.
            pub(crate) fn specs() -> &'static [&'static TypeSpec] {
                static SPECS: &[&TypeSpec] = &[$(&$spec,)*];
                SPECS
            }

            /// Every builtin type, in creation order.
            pub fn all(&self) -> Vec<Gc<PyType>> {
                vec![$(self.$field,)*]
            }

            /// Build from a list of type objects in `specs()` order.
            pub(crate) fn from_list(list: &[Gc<PyType>]) -> BuiltinTypes {
                let mut iter = list.iter().copied();
                BuiltinTypes { $($field: iter.next().expect(stringify!($field)),)* }
            }
        }
    };
}

builtin_types! {
    object: object::SPEC,
    type_: typeobject::SPEC,
    int: int::SPEC,
    bool_: int::BOOL_SPEC,
    float: float::SPEC,
    complex: complex::SPEC,
    str: str::SPEC,
    bytes: bytes::SPEC,
    bytearray: bytearray::SPEC,
    memoryview: memoryview::SPEC,
    tuple: tuple::SPEC,
    list: list::SPEC,
    dict: dict::SPEC,
    set: set::SPEC,
    frozenset: set::FROZENSET_SPEC,
    range: range::SPEC,
    slice: slice::SPEC,
    none_type: singletons::NONE_SPEC,
    not_implemented_type: singletons::NOT_IMPLEMENTED_SPEC,
    ellipsis_type: singletons::ELLIPSIS_SPEC,
    function: function::SPEC,
    cell: function::CELL_SPEC,
    code: function::CODE_SPEC,
    builtin_function: descriptor::BUILTIN_FUNCTION_SPEC,
    method_descriptor: descriptor::METHOD_DESCRIPTOR_SPEC,
    classmethod_descriptor: descriptor::CLASSMETHOD_DESCRIPTOR_SPEC,
    getset_descriptor: descriptor::GETSET_DESCRIPTOR_SPEC,
    member_descriptor: descriptor::MEMBER_DESCRIPTOR_SPEC,
    method: descriptor::BOUND_METHOD_SPEC,
    property: descriptor::PROPERTY_SPEC,
    classmethod: descriptor::CLASSMETHOD_SPEC,
    staticmethod: descriptor::STATICMETHOD_SPEC,
    super_: descriptor::SUPER_SPEC,
    module: module::SPEC,
    generator: generator::GENERATOR_SPEC,
    coroutine: generator::COROUTINE_SPEC,
    async_generator: generator::ASYNC_GENERATOR_SPEC,
    coroutine_wrapper: generator::COROUTINE_WRAPPER_SPEC,
    async_gen_wrapped: generator::ASYNC_GEN_WRAPPED_SPEC,
    async_gen_asend: generator::ASYNC_GEN_ASEND_SPEC,
    frame: traceback::FRAME_SPEC,
    traceback: traceback::TRACEBACK_SPEC,
    instance_map: object::MAP_SPEC,
    dict_keys: dict::KEYS_SPEC,
    dict_values: dict::VALUES_SPEC,
    dict_items: dict::ITEMS_SPEC,
    mappingproxy: dict::MAPPINGPROXY_SPEC,
    list_iterator: iterator::LIST_ITERATOR_SPEC,
    list_reverseiterator: iterator::LIST_REVERSEITERATOR_SPEC,
    tuple_iterator: iterator::TUPLE_ITERATOR_SPEC,
    range_iterator: iterator::RANGE_ITERATOR_SPEC,
    str_iterator: iterator::STR_ITERATOR_SPEC,
    str_ascii_iterator: iterator::STR_ASCII_ITERATOR_SPEC,
    bytes_iterator: iterator::BYTES_ITERATOR_SPEC,
    dict_keyiterator: iterator::DICT_KEYITERATOR_SPEC,
    dict_valueiterator: iterator::DICT_VALUEITERATOR_SPEC,
    dict_itemiterator: iterator::DICT_ITEMITERATOR_SPEC,
    set_iterator: iterator::SET_ITERATOR_SPEC,
    seq_iterator: iterator::SEQ_ITERATOR_SPEC,
    callable_iterator: iterator::CALLABLE_ITERATOR_SPEC,
    memory_iterator: iterator::MEMORY_ITERATOR_SPEC,
    enumerate: iterator::ENUMERATE_SPEC,
    zip: iterator::ZIP_SPEC,
    map: iterator::MAP_SPEC,
    filter: iterator::FILTER_SPEC,
    reversed: iterator::REVERSED_SPEC,
    generic_alias: generic_alias::SPEC,
    weakref: weakref::REF_SPEC,
    weakproxy: weakproxy::PROXY_SPEC,
    weakcallableproxy: weakproxy::CALLABLE_PROXY_SPEC,
}
