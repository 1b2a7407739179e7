//! Descriptors: what an op needs to know about memory and calls.
//!
//! The IR never knows the VM's types. A load says `getfield_gc_i(p0,
//! descr=valuedescr)` and the descriptor says where the field is (byte
//! offset, size), what it holds, and whether it can change after the object
//! is built (`immutable`: the heap cache never forgets such a field). Arrays
//! have a base offset (where item 0 is), an item size, and where the length
//! word lives. A size descriptor is an object's size and, for
//! `new_with_vtable`, the class pointer stored in its class word. A call
//! descriptor carries the function's address (an `extern "C"` Rust helper),
//! its argument and result types, and its **effect class**:
//!
//! - `Pure`: no side effect and cannot raise (`call_pure_*` may be folded or
//!   CSE'd; a plain `call_*` with a pure descriptor invalidates nothing);
//! - `CanRaise`: plain Rust code that may raise and may write the fields and
//!   arrays it lists, and nothing else (so the heap cache keeps the others);
//! - `MayForce`: may run arbitrary Python code: writes everything, may raise,
//!   may force virtual frames (`call_may_force_*` + `guard_not_forced`).
//!
//! Descriptors have names so the text form can refer to them (`descr=name`);
//! a [`DescrTable`] registers them and hands out [`DescrId`]s. The class word
//! of every object is at one offset (`DescrTable::class_offset`, the second
//! word of Krait's object header), read by `guard_class`.

use std::fmt;

use rustc_hash::FxHashMap;

use super::value::Type;

/// A reference to a descriptor of a [`DescrTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DescrId(pub u32);

/// A field of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDescr {
    /// Byte offset from the object pointer.
    pub offset: i32,
    /// Size in bytes (1, 2, 4 or 8; ints narrower than 8 are sign-extended).
    pub size: u8,
    /// What the field holds.
    pub ty: Type,
    /// Never written after the object is built.
    pub immutable: bool,
}

/// The items of an array object.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayDescr {
    /// Byte offset of item 0.
    pub base_offset: i32,
    /// Item size in bytes (8 for refs and floats).
    pub item_size: u8,
    /// Byte offset of the length word (an i64).
    pub length_offset: i32,
    /// What an item holds.
    pub ty: Type,
}

/// An object's size and, for `new_with_vtable`, its class.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeDescr {
    /// Size in bytes.
    pub size: u32,
    /// The class pointer stored at `DescrTable::class_offset` (0 for `new`).
    pub vtable: u64,
}

/// What a call may do (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectClass {
    /// No side effect, cannot raise.
    Pure,
    /// May raise, writes only the listed fields and arrays.
    CanRaise,
    /// May run Python code: writes anything, may raise, may force.
    MayForce,
}

/// A function called by `call_*`.
#[derive(Clone, Debug, PartialEq)]
pub struct CallDescr {
    /// The address of an `extern "C"` function.
    pub func: usize,
    /// The argument types.
    pub args: Vec<Type>,
    /// The result type (`Void` for none).
    pub result: Type,
    /// What the call may do.
    pub effect: EffectClass,
    /// Fields a `CanRaise` call may write.
    pub writes_fields: Vec<DescrId>,
    /// Arrays a `CanRaise` call may write.
    pub writes_arrays: Vec<DescrId>,
}

impl CallDescr {
    /// Whether the call may write the field or array `descr`.
    pub fn may_write(&self, descr: DescrId) -> bool {
        match self.effect {
            EffectClass::Pure => false,
            EffectClass::CanRaise => self.writes_fields.contains(&descr) || self.writes_arrays.contains(&descr),
            EffectClass::MayForce => true,
        }
    }

    /// Whether the call may set the pending exception.
    pub fn can_raise(&self) -> bool {
        self.effect != EffectClass::Pure
    }
}

/// One descriptor.
#[derive(Clone, Debug, PartialEq)]
pub enum Descr {
    /// See [`FieldDescr`].
    Field(FieldDescr),
    /// See [`ArrayDescr`].
    Array(ArrayDescr),
    /// See [`SizeDescr`].
    Size(SizeDescr),
    /// See [`CallDescr`].
    Call(CallDescr),
}

/// The registry of named descriptors.
#[derive(Clone, Debug)]
pub struct DescrTable {
    descrs: Vec<(String, Descr)>,
    by_name: FxHashMap<String, DescrId>,
    /// Byte offset of the class word in every object.
    pub class_offset: i32,
}

impl Default for DescrTable {
    fn default() -> DescrTable {
        DescrTable { descrs: Vec::new(), by_name: FxHashMap::default(), class_offset: 8 }
    }
}

impl DescrTable {
    /// An empty table; objects keep their class at byte offset 8.
    pub fn new() -> DescrTable {
        DescrTable::default()
    }

    /// Register a descriptor under a (new) name. Float and ref fields and
    /// items are 8 bytes; ints may be 1, 2, 4 or 8 (narrow ones sign-extend).
    pub fn add(&mut self, name: &str, descr: Descr) -> DescrId {
        assert!(!self.by_name.contains_key(name), "descriptor {name} registered twice");
        let (ty, size) = match &descr {
            Descr::Field(f) => (f.ty, f.size),
            Descr::Array(a) => (a.ty, a.item_size),
            _ => (Type::Int, 8),
        };
        let fits = match ty {
            Type::Int => matches!(size, 1 | 2 | 4 | 8),
            Type::Float | Type::Ref => size == 8,
            Type::Void => false,
        };
        assert!(fits, "descriptor {name}: a {ty:?} cannot be {size} bytes");
        let id = DescrId(self.descrs.len() as u32);
        self.descrs.push((name.to_owned(), descr));
        self.by_name.insert(name.to_owned(), id);
        id
    }

    /// Register a mutable field.
    pub fn field(&mut self, name: &str, offset: i32, ty: Type) -> DescrId {
        self.add(name, Descr::Field(FieldDescr { offset, size: 8, ty, immutable: false }))
    }

    /// Register an immutable field.
    pub fn immutable_field(&mut self, name: &str, offset: i32, ty: Type) -> DescrId {
        self.add(name, Descr::Field(FieldDescr { offset, size: 8, ty, immutable: true }))
    }

    /// Register an array of 8-byte items.
    pub fn array(&mut self, name: &str, base_offset: i32, length_offset: i32, ty: Type) -> DescrId {
        self.add(name, Descr::Array(ArrayDescr { base_offset, item_size: 8, length_offset, ty }))
    }

    /// Register a size (with its class pointer, 0 for none).
    pub fn size(&mut self, name: &str, size: u32, vtable: u64) -> DescrId {
        self.add(name, Descr::Size(SizeDescr { size, vtable }))
    }

    /// Register a call that writes nothing, or everything for `MayForce`.
    pub fn call(&mut self, name: &str, func: usize, args: &[Type], result: Type, effect: EffectClass) -> DescrId {
        self.add(
            name,
            Descr::Call(CallDescr {
                func,
                args: args.to_vec(),
                result,
                effect,
                writes_fields: Vec::new(),
                writes_arrays: Vec::new(),
            }),
        )
    }

    /// Look a descriptor up by name.
    pub fn lookup(&self, name: &str) -> Option<DescrId> {
        self.by_name.get(name).copied()
    }

    /// The descriptor.
    pub fn get(&self, id: DescrId) -> &Descr {
        &self.descrs[id.0 as usize].1
    }

    /// The descriptor's name.
    pub fn name(&self, id: DescrId) -> &str {
        &self.descrs[id.0 as usize].0
    }

    /// The field descriptor (panics on another kind).
    pub fn field_descr(&self, id: DescrId) -> &FieldDescr {
        match self.get(id) {
            Descr::Field(f) => f,
            other => panic!("{} is not a field descriptor: {other:?}", self.name(id)),
        }
    }

    /// The array descriptor (panics on another kind).
    pub fn array_descr(&self, id: DescrId) -> &ArrayDescr {
        match self.get(id) {
            Descr::Array(a) => a,
            other => panic!("{} is not an array descriptor: {other:?}", self.name(id)),
        }
    }

    /// The size descriptor (panics on another kind).
    pub fn size_descr(&self, id: DescrId) -> &SizeDescr {
        match self.get(id) {
            Descr::Size(s) => s,
            other => panic!("{} is not a size descriptor: {other:?}", self.name(id)),
        }
    }

    /// The call descriptor (panics on another kind).
    pub fn call_descr(&self, id: DescrId) -> &CallDescr {
        match self.get(id) {
            Descr::Call(c) => c,
            other => panic!("{} is not a call descriptor: {other:?}", self.name(id)),
        }
    }

    /// The number of descriptors.
    pub fn len(&self) -> usize {
        self.descrs.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.descrs.is_empty()
    }
}

impl fmt::Display for DescrId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "descr#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_are_found_by_name() {
        let mut table = DescrTable::new();
        let value = table.field("valuedescr", 16, Type::Int);
        let class = table.immutable_field("classdescr", 8, Type::Ref);
        let size = table.size("nodesize", 24, 0x1000);
        assert_eq!(table.lookup("valuedescr"), Some(value));
        assert_eq!(table.lookup("nope"), None);
        assert_eq!(table.name(class), "classdescr");
        assert!(table.field_descr(class).immutable);
        assert!(!table.field_descr(value).immutable);
        assert_eq!(table.size_descr(size).vtable, 0x1000);
        assert_eq!(table.len(), 3);
    }

    #[test]
    fn effect_classes_decide_what_a_call_may_write() {
        let mut table = DescrTable::new();
        let a = table.field("a", 16, Type::Int);
        let b = table.field("b", 24, Type::Int);
        let pure = table.call("pure", 0, &[Type::Int], Type::Int, EffectClass::Pure);
        let mut writes_a = table.call_descr(pure).clone();
        writes_a.effect = EffectClass::CanRaise;
        writes_a.writes_fields.push(a);
        let writes_a = table.add("writes_a", Descr::Call(writes_a));
        let force = table.call("force", 0, &[], Type::Void, EffectClass::MayForce);
        assert!(!table.call_descr(pure).may_write(a));
        assert!(!table.call_descr(pure).can_raise());
        assert!(table.call_descr(writes_a).may_write(a));
        assert!(!table.call_descr(writes_a).may_write(b));
        assert!(table.call_descr(force).may_write(b));
    }

    #[test]
    #[should_panic(expected = "cannot be 4 bytes")]
    fn floats_are_eight_bytes() {
        let mut table = DescrTable::new();
        table.add("f", Descr::Field(FieldDescr { offset: 8, size: 4, ty: Type::Float, immutable: false }));
    }

    #[test]
    #[should_panic(expected = "registered twice")]
    fn names_are_unique() {
        let mut table = DescrTable::new();
        table.field("x", 8, Type::Int);
        table.field("x", 16, Type::Int);
    }
}
