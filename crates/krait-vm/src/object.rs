//! The shape every heap object shares.
//!
//! A heap object is a `#[repr(C)]` Rust struct whose first field is an
//! `ObjHeader`: two words, the object's `Layout` (a static table saying how to
//! trace and drop the Rust payload; its low bits double as the GC's mark
//! bits) and its Python class. The Python class and the Rust layout are
//! separate on purpose: `class MyList(list)` has a Python class of its own but
//! the layout of `list` plus an attribute area, so Rust code downcasts by
//! layout (`v.downcast::<PyList>()` is true for a `MyList` too) while Python
//! semantics go by class.
//!
//! Instances that can carry attributes (instances of Python classes, and
//! subclasses of builtin types) have their payload followed by
//! `InstanceAttrs`: a map pointer and the attribute values (see `map`). The
//! layout records where that area starts.
//!
//! Stores of values into heap objects go through `ValueCell::set` (or the
//! mutators of the containers), the single place where a write barrier will
//! go for a generational or incremental collector.

use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::gc::Tracer;
use crate::value::Value;

/// Which Rust struct a heap object is. Each kind has one payload type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum LayoutKind {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    Tuple,
    List,
    Dict,
    DictView,
    MappingProxy,
    Set,
    Range,
    Slice,
    Type,
    Function,
    BuiltinFunction,
    MethodDescriptor,
    BoundMethod,
    Cell,
    Code,
    Module,
    BaseException,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    Generator,
    Frame,
    Traceback,
    Map,
    Iterator,
    Member,
    GetSet,
    Singleton,
    WeakRef,
    AwaitableWrapper,
    GenericAlias,
    AsyncGenSend,
    /// The streams: `_io.TextIOWrapper`, `_io.Buffered*` (`stdio.rs`).
    Stream,
    /// Objects of types defined outside the VM crate (`types/native_object.rs`).
    Native,
}

/// How the collector handles objects of one layout.
pub struct Layout {
    pub kind: LayoutKind,
    /// The Rust type's name, for debugging.
    pub name: &'static str,
    /// Bytes of the payload struct, header included (not the attribute area).
    pub size: usize,
    /// Byte offset of the `InstanceAttrs` area, or 0 if there is none.
    pub attrs_offset: usize,
    /// Marks everything the object refers to.
    pub trace: unsafe fn(NonNull<ObjHeader>, &mut Tracer),
    /// The object refers to nothing but its class (a `str`, a `float`):
    /// marking it marks the class at once instead of queueing the object
    /// to be traced.
    pub leaf: bool,
    /// Runs the payload's Rust destructor (frees its Rust heap memory);
    /// `None` when there is nothing to drop, so the sweeper skips the call.
    pub drop: Option<unsafe fn(NonNull<ObjHeader>)>,
}

impl Layout {
    /// The full allocation size, attribute area included.
    pub const fn alloc_size(&self) -> usize {
        if self.attrs_offset == 0 {
            self.size
        } else {
            self.attrs_offset + std::mem::size_of::<InstanceAttrs>()
        }
    }
}

/// The two words at the start of every heap object.
#[repr(C)]
pub struct ObjHeader {
    /// `&'static Layout` with the GC bits in its low 3 bits.
    layout_and_bits: Cell<usize>,
    class: Cell<Value>,
}

/// The GC bits in the low bits of the layout word.
pub(crate) mod header_bits {
    pub const MARK: usize = 1;
    /// The object must never be freed (singletons, static types).
    pub const IMMORTAL: usize = 2;
    /// A `str` that is the canonical interned object for its text.
    pub const INTERNED: usize = 4;
    pub const ALL: usize = 7;
}

impl ObjHeader {
    pub fn new(layout: &'static Layout, class: Value) -> ObjHeader {
        ObjHeader { layout_and_bits: Cell::new(layout as *const Layout as usize), class: Cell::new(class) }
    }

    #[inline(always)]
    pub fn layout(&self) -> &'static Layout {
        // SAFETY: the word always holds a `&'static Layout` with only the low
        // (alignment) bits used for flags.
        unsafe { &*((self.layout_and_bits.get() & !header_bits::ALL) as *const Layout) }
    }

    #[inline(always)]
    pub fn kind(&self) -> LayoutKind {
        self.layout().kind
    }

    /// The object's Python class (a `PyType`).
    #[inline(always)]
    pub fn class(&self) -> Value {
        self.class.get()
    }

    /// `obj.__class__ = cls`, once the caller has checked the layouts agree.
    pub fn set_class(&self, class: Value) {
        self.class.set(class)
    }

    #[inline(always)]
    pub(crate) fn bits(&self) -> usize {
        self.layout_and_bits.get() & header_bits::ALL
    }

    #[inline(always)]
    pub(crate) fn set_bits(&self, bits: usize) {
        let word = self.layout_and_bits.get();
        self.layout_and_bits.set((word & !header_bits::ALL) | bits);
    }

    /// The attribute area, if this object's layout has one.
    #[inline]
    pub fn attrs(&self) -> Option<&InstanceAttrs> {
        let offset = self.layout().attrs_offset;
        if offset == 0 {
            return None;
        }
        // SAFETY: a layout with `attrs_offset` set was allocated with an
        // initialised `InstanceAttrs` at that offset (see `Vm::alloc_with_attrs`).
        Some(unsafe { &*((self as *const ObjHeader as *const u8).add(offset) as *const InstanceAttrs) })
    }
}

/// How many attribute values an instance holds without a separate buffer
/// (5 makes an instance of a Python class exactly an 80-byte cell).
pub const INLINE_ATTRIBUTES: usize = 5;

/// The attribute area of an instance: its map and the values at the map's
/// slots (see `map`). When `map` is NULL the instance has no attributes yet
/// and will get its class's root map on the first store.
///
/// `#[repr(C)]` because the JIT's compiled code reads and writes it: the
/// map word at [`InstanceAttrs::MAP_OFFSET`] and each value where
/// [`InstanceAttrs::value_place`] says.
#[repr(C)]
pub struct InstanceAttrs {
    pub map: ValueCell,
    pub values: AttrValues,
}

/// Where the value of a slot lives, for compiled code (see
/// [`InstanceAttrs::value_place`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValuePlace {
    /// At this byte offset from the attribute area.
    Inline(usize),
    /// At this byte offset from the overflow buffer, whose pointer is the
    /// word at [`InstanceAttrs::OVERFLOW_OFFSET`].
    Overflow(usize),
}

impl InstanceAttrs {
    /// Byte offset of the map word in the area.
    pub const MAP_OFFSET: usize = std::mem::offset_of!(InstanceAttrs, map);
    /// Byte offset of the overflow buffer's pointer in the area.
    pub const OVERFLOW_OFFSET: usize =
        std::mem::offset_of!(InstanceAttrs, values) + std::mem::offset_of!(AttrValues, overflow);

    pub fn new() -> InstanceAttrs {
        InstanceAttrs { map: ValueCell::new(Value::NULL), values: AttrValues::new() }
    }

    /// Where the value of `slot` is kept (for any instance that has it).
    pub const fn value_place(slot: usize) -> ValuePlace {
        if slot < INLINE_ATTRIBUTES {
            let inline = std::mem::offset_of!(InstanceAttrs, values) + std::mem::offset_of!(AttrValues, inline);
            ValuePlace::Inline(inline + slot * size_of::<Value>())
        } else {
            ValuePlace::Overflow((slot - INLINE_ATTRIBUTES) * size_of::<Value>())
        }
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.map.get());
        self.values.for_each(|v| tracer.mark(v));
    }
}

impl Default for InstanceAttrs {
    fn default() -> InstanceAttrs {
        InstanceAttrs::new()
    }
}

/// The values of an instance's attributes: the first
/// [`INLINE_ATTRIBUTES`] in the object itself (most instances need no
/// other allocation than their cell), the others in an overflow buffer.
/// Slot `i` is always at the same place, whatever the count, which is what
/// lets compiled code reach it with a fixed offset.
///
/// Interior mutability as `Cell`'s: every method copies values in or out
/// and runs no other code meanwhile, so no reference into the values
/// outlives a call. Unused places hold NULL.
#[repr(C)]
pub struct AttrValues {
    /// How many values there are.
    len: Cell<u32>,
    /// How many the overflow buffer holds (0 when there is none).
    overflow_capacity: Cell<u32>,
    /// Values from slot `INLINE_ATTRIBUTES` on: a `Box<[Value]>` of
    /// `overflow_capacity` leaked into its pointer, or null.
    overflow: Cell<*mut Value>,
    inline: [Cell<Value>; INLINE_ATTRIBUTES],
}

impl AttrValues {
    fn new() -> AttrValues {
        AttrValues {
            len: Cell::new(0),
            overflow_capacity: Cell::new(0),
            overflow: Cell::new(std::ptr::null_mut()),
            inline: [const { Cell::new(Value::NULL) }; INLINE_ATTRIBUTES],
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.get() as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The place of `index`, which must be below the length.
    #[inline(always)]
    fn place(&self, index: usize) -> &Cell<Value> {
        debug_assert!(index < self.len());
        match self.inline.get(index) {
            Some(place) => place,
            // SAFETY: every index below the length past the inline ones is
            // inside the overflow buffer, which lives until it is replaced
            // or the values dropped; `Cell<Value>` has `Value`'s layout.
            None => unsafe { &*(self.overflow.get().add(index - INLINE_ATTRIBUTES) as *const Cell<Value>) },
        }
    }

    /// The value at `index` (NULL if unset), or `None` past the end.
    #[inline(always)]
    pub fn get(&self, index: usize) -> Option<Value> {
        (index < self.len()).then(|| self.place(index).get())
    }

    /// Store at `index`; false (nothing stored) past the end.
    #[inline(always)]
    pub fn set(&self, index: usize, value: Value) -> bool {
        let inside = index < self.len();
        if inside {
            self.place(index).set(value);
        }
        inside
    }

    pub fn push(&self, value: Value) {
        let len = self.len();
        self.resize(len + 1);
        self.place(len).set(value);
    }

    /// Grow with NULLs or shrink to `len` values.
    pub fn resize(&self, len: usize) {
        let old = self.len();
        if len < old {
            (len..old).for_each(|i| self.place(i).set(Value::NULL));
        } else if len > INLINE_ATTRIBUTES + self.overflow_capacity.get() as usize {
            self.grow_overflow(len - INLINE_ATTRIBUTES);
        }
        self.len.set(u32::try_from(len).expect("attribute count fits in u32"));
    }

    pub fn truncate(&self, len: usize) {
        if len < self.len() {
            self.resize(len);
        }
    }

    /// Replace the overflow buffer by one of at least `needed` values.
    fn grow_overflow(&self, needed: usize) {
        let capacity = needed.max(2 * self.overflow_capacity.get() as usize).max(4);
        let mut buffer = vec![Value::NULL; capacity].into_boxed_slice();
        let kept = self.len().saturating_sub(INLINE_ATTRIBUTES);
        for (i, slot) in buffer.iter_mut().enumerate().take(kept) {
            *slot = self.place(INLINE_ATTRIBUTES + i).get();
        }
        self.free_overflow();
        self.overflow.set(Box::into_raw(buffer) as *mut Value);
        self.overflow_capacity.set(u32::try_from(capacity).expect("attribute count fits in u32"));
    }

    fn free_overflow(&self) {
        let buffer = self.overflow.replace(std::ptr::null_mut());
        if !buffer.is_null() {
            let capacity = self.overflow_capacity.replace(0) as usize;
            // SAFETY: `buffer` came from `Box::into_raw` of a boxed slice of
            // `capacity` values (`grow_overflow`) and is no longer referenced.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(buffer, capacity)) });
        }
    }

    pub fn to_vec(&self) -> Vec<Value> {
        let mut values = Vec::with_capacity(self.len());
        self.for_each(|v| values.push(v));
        values
    }

    fn for_each(&self, mut f: impl FnMut(Value)) {
        (0..self.len()).for_each(|i| f(self.place(i).get()));
    }
}

impl Drop for AttrValues {
    fn drop(&mut self) {
        self.free_overflow();
    }
}

/// A Rust struct that is the payload of a heap object.
///
/// # Safety
/// The struct must be `#[repr(C)]` with an `ObjHeader` as its first field,
/// and `LAYOUT.kind` must be unique to it.
pub unsafe trait PyPayload: Sized + 'static {
    /// The layout of plain instances.
    const LAYOUT: &'static Layout;
    /// The layout of instances that also carry attributes (subclasses), if
    /// the type can be subclassed.
    const LAYOUT_WITH_ATTRS: Option<&'static Layout>;

    /// Mark every value the payload holds.
    fn trace(&self, tracer: &mut Tracer);
}

/// The trace function of a layout, for a payload type.
///
/// # Safety
/// `obj` must point at a live object whose payload is `T`.
pub unsafe fn trace_payload<T: PyPayload>(obj: NonNull<ObjHeader>, tracer: &mut Tracer) {
    // SAFETY: guaranteed by the caller.
    let payload = unsafe { &*(obj.as_ptr() as *const T) };
    tracer.mark(payload_header(payload).class());
    payload.trace(tracer);
    if let Some(attrs) = payload_header(payload).attrs() {
        attrs.trace(tracer);
    }
}

/// The drop function of a layout, for a payload type.
///
/// # Safety
/// `obj` must point at an object whose payload is `T` that is never used again.
pub unsafe fn drop_payload<T: PyPayload>(obj: NonNull<ObjHeader>) {
    // SAFETY: guaranteed by the caller; the attribute area, if any, is a
    // separate initialised value that must be dropped too.
    unsafe {
        if let Some(attrs) = obj.as_ref().attrs() {
            std::ptr::drop_in_place(attrs as *const InstanceAttrs as *mut InstanceAttrs);
        }
        std::ptr::drop_in_place(obj.as_ptr() as *mut T);
    }
}

fn payload_header<T: PyPayload>(payload: &T) -> &ObjHeader {
    // SAFETY: `PyPayload` guarantees the header is the first field.
    unsafe { &*(payload as *const T as *const ObjHeader) }
}

/// Declare the layouts of a payload type: `impl_payload!(PyList, List, subclassable)`.
#[macro_export]
macro_rules! impl_payload {
    ($ty:ty, $kind:ident) => {
        $crate::impl_payload!(@impl $ty, $kind, None, false);
    };
    ($ty:ty, $kind:ident, subclassable) => {
        $crate::impl_payload!($ty, $kind, subclassable, false);
    };
    // `leaf`: the payload refers to no object (its `trace_fields` is empty).
    ($ty:ty, $kind:ident, subclassable, leaf) => {
        $crate::impl_payload!($ty, $kind, subclassable, true);
    };
    ($ty:ty, $kind:ident, subclassable, $leaf:expr) => {
        $crate::impl_payload!(@impl $ty, $kind, Some(&$crate::object::Layout {
            kind: $crate::object::LayoutKind::$kind,
            name: stringify!($ty),
            size: std::mem::size_of::<$ty>(),
            attrs_offset: (std::mem::size_of::<$ty>() + 7) & !7,
            trace: $crate::object::trace_payload::<$ty>,
            leaf: false,
            drop: Some($crate::object::drop_payload::<$ty>),
        }), $leaf);
    };
    (@impl $ty:ty, $kind:ident, $with_attrs:expr, $leaf:expr) => {
        // SAFETY: every payload struct is `#[repr(C)]` with the header first.
        unsafe impl $crate::object::PyPayload for $ty {
            const LAYOUT: &'static $crate::object::Layout = &$crate::object::Layout {
                kind: $crate::object::LayoutKind::$kind,
                name: stringify!($ty),
                size: std::mem::size_of::<$ty>(),
                attrs_offset: 0,
                trace: $crate::object::trace_payload::<$ty>,
                leaf: $leaf,
                drop: if std::mem::needs_drop::<$ty>() {
                    Some($crate::object::drop_payload::<$ty>)
                } else {
                    None
                },
            };
            const LAYOUT_WITH_ATTRS: Option<&'static $crate::object::Layout> = $with_attrs;
            fn trace(&self, tracer: &mut $crate::gc::Tracer) {
                <$ty>::trace_fields(self, tracer)
            }
        }
    };
}

/// A typed pointer to a heap object. `Copy`; like `Value`, it keeps the
/// object alive while it is in a Rust local.
#[repr(transparent)]
pub struct Gc<T> {
    ptr: NonNull<T>,
    _marker: PhantomData<*const T>,
}

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl<T> Eq for Gc<T> {}

impl<T: PyPayload> Gc<T> {
    /// # Safety
    /// `ptr` must point at a live object whose payload is `T`.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: NonNull<ObjHeader>) -> Gc<T> {
        Gc { ptr: ptr.cast(), _marker: PhantomData }
    }

    #[inline(always)]
    pub fn value(self) -> Value {
        Value::from_object(self.ptr.cast())
    }

    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: `PyPayload` guarantees the header is the first field.
        unsafe { &*(self.ptr.as_ptr() as *const ObjHeader) }
    }

    #[inline(always)]
    pub fn as_ptr(self) -> *const T {
        self.ptr.as_ptr()
    }
}

impl<T: PyPayload> Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a `Gc` is only made for a live object of payload `T`, and
        // it keeps the object alive while it is reachable from the stack.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: PyPayload> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc<{}>({:p})", T::LAYOUT.name, self.ptr)
    }
}

impl Value {
    /// The object's header, if this is a heap object.
    #[inline(always)]
    pub fn header(&self) -> Option<&ObjHeader> {
        // SAFETY: object values point at live objects, whose first field is the header.
        self.as_object().map(|ptr| unsafe { &*ptr.as_ptr() })
    }

    /// The payload, if this is a heap object of layout `T` (or of `T` with
    /// an attribute area, i.e. a subclass instance).
    #[inline(always)]
    pub fn downcast<T: PyPayload>(self) -> Option<Gc<T>> {
        let ptr = self.as_object()?;
        // SAFETY: object values point at live objects with a header.
        let header = unsafe { ptr.as_ref() };
        if header.kind() == T::LAYOUT.kind {
            // SAFETY: the layout kind identifies the payload type.
            Some(unsafe { Gc::from_raw(ptr) })
        } else {
            None
        }
    }

    /// Whether this is a heap object of layout kind `kind`.
    #[inline(always)]
    pub fn has_kind(self, kind: LayoutKind) -> bool {
        self.header().is_some_and(|h| h.kind() == kind)
    }
}

/// A value slot inside a heap object; `set` is where the write barrier goes.
#[repr(transparent)]
pub struct ValueCell(Cell<Value>);

impl ValueCell {
    pub const fn new(value: Value) -> ValueCell {
        ValueCell(Cell::new(value))
    }

    #[inline(always)]
    pub fn get(&self) -> Value {
        self.0.get()
    }

    #[inline(always)]
    pub fn set(&self, value: Value) {
        self.0.set(value)
    }

    /// Store and return the previous value.
    pub fn replace(&self, value: Value) -> Value {
        self.0.replace(value)
    }
}

impl std::fmt::Debug for ValueCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instance_with_inline_attributes_is_an_80_byte_cell() {
        assert_eq!(std::mem::size_of::<ObjHeader>() + std::mem::size_of::<InstanceAttrs>(), 80);
    }

    #[test]
    fn attribute_values_keep_their_place_as_they_grow_and_shrink() {
        let values = AttrValues::new();
        let v = |i: i64| Value::from_small(i);
        for i in 0..20 {
            values.push(v(i));
            assert_eq!(values.len(), i as usize + 1);
        }
        assert!((0..20).all(|i| values.get(i as usize) == Some(v(i))));
        assert_eq!(values.get(20), None);
        assert!(values.set(17, v(-1)) && !values.set(20, v(0)));
        values.truncate(6);
        assert_eq!(values.to_vec(), [v(0), v(1), v(2), v(3), v(4), v(5)]);
        values.resize(9);
        assert_eq!(values.get(7), Some(Value::NULL), "places past a shrink are cleared");
        assert_eq!(InstanceAttrs::value_place(0), ValuePlace::Inline(InstanceAttrs::OVERFLOW_OFFSET + 8));
        assert_eq!(InstanceAttrs::value_place(6), ValuePlace::Overflow(8));
    }
}
