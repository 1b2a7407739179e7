//! `RootedVec`: a growable buffer of values that the collector sees.
//!
//! A plain `Vec<Value>` lives in Rust heap memory, which the collector does
//! not scan; gathering values into one across calls that allocate would let
//! them be freed. `RootedVec` keeps them in a heap `list` instead, reachable
//! from the stack through the `Gc` it holds.

use crate::object::Gc;
use crate::types::list::PyList;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy)]
pub struct RootedVec {
    list: Gc<PyList>,
}

impl RootedVec {
    pub fn new(vm: &mut Vm) -> RootedVec {
        let ty = vm.types.list;
        RootedVec { list: vm.alloc(PyList::new(Vec::new()), ty) }
    }

    pub fn push(&self, vm: &mut Vm, value: Value) {
        self.list.push(value);
        vm.account_external(8);
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, index: usize) -> Value {
        self.list.get(index).expect("RootedVec index in range")
    }

    /// The values, copied out (root them before the next allocation, e.g.
    /// by keeping this `RootedVec` alive).
    pub fn to_vec(&self) -> Vec<Value> {
        self.list.to_vec()
    }

    /// The backing list (a real Python list: it can be returned as one).
    pub fn list(&self) -> Gc<PyList> {
        self.list
    }
}
