//! The heap cache: redundant loads and stores.
//!
//! One forward walk remembers, for each (object, field descriptor), the value
//! the field is known to hold (from a load or a store), and for each (array,
//! index, array descriptor) the same for items, and each array's length.
//!
//! - A load of a known field or item is dropped and its value forwarded.
//! - A store of the value the field already holds is dropped.
//! - A store to `p.f` forgets `q.f` for every other `q` (they may be the same
//!   object: there is no alias analysis beyond identity) and then knows `p.f`.
//!   A store to an array item forgets every item of that array descriptor.
//! - A call forgets by its descriptor's effect class: a `Pure` call nothing,
//!   a `CanRaise` call the fields and arrays it lists, a `MayForce` call
//!   everything but immutable fields and array lengths (which never change).
//! - Immutable fields are never forgotten; everything is at a `label`.

use rustc_hash::FxHashMap;

use super::{Forward, PassResult};
use crate::ir::descr::{DescrId, EffectClass};
use crate::ir::{Opcode, Trace, Value};

#[derive(Default)]
struct Cache {
    fields: FxHashMap<(Value, DescrId), Value>,
    items: FxHashMap<(Value, Value, DescrId), Value>,
    lengths: FxHashMap<Value, Value>,
}

impl Cache {
    fn forget_field(&mut self, trace: &Trace, descr: DescrId) {
        if !trace.descrs.field_descr(descr).immutable {
            self.fields.retain(|&(_, d), _| d != descr);
        }
    }

    fn forget_array(&mut self, descr: DescrId) {
        self.items.retain(|&(_, _, d), _| d != descr);
    }
}

/// Run the pass.
pub fn run(trace: &mut Trace) -> PassResult {
    let ops = std::mem::take(&mut trace.ops);
    let mut fwd = Forward::new();
    let mut cache = Cache::default();
    for mut op in ops {
        fwd.apply(trace, &mut op);
        let descr = op.descr;
        match op.opcode {
            Opcode::label => cache = Cache::default(),
            Opcode::getfield_gc_i | Opcode::getfield_gc_r | Opcode::getfield_gc_f => {
                let key = (op.args[0], descr.expect("verified"));
                let result = op.result.expect("loads have a result");
                if let Some(&known) = cache.fields.get(&key) {
                    fwd.set(result, known);
                    continue;
                }
                cache.fields.insert(key, result);
            }
            Opcode::setfield_gc => {
                let (object, value, descr) = (op.args[0], op.args[1], descr.expect("verified"));
                if cache.fields.get(&(object, descr)) == Some(&value) {
                    continue;
                }
                cache.forget_field(trace, descr);
                cache.fields.insert((object, descr), value);
            }
            Opcode::getarrayitem_gc_i | Opcode::getarrayitem_gc_r | Opcode::getarrayitem_gc_f => {
                let key = (op.args[0], op.args[1], descr.expect("verified"));
                let result = op.result.expect("loads have a result");
                if let Some(&known) = cache.items.get(&key) {
                    fwd.set(result, known);
                    continue;
                }
                cache.items.insert(key, result);
            }
            Opcode::setarrayitem_gc => {
                let key = (op.args[0], op.args[1], descr.expect("verified"));
                if cache.items.get(&key) == Some(&op.args[2]) {
                    continue;
                }
                cache.forget_array(key.2);
                cache.items.insert(key, op.args[2]);
            }
            Opcode::arraylen_gc => {
                let result = op.result.expect("loads have a result");
                if let Some(&known) = cache.lengths.get(&op.args[0]) {
                    fwd.set(result, known);
                    continue;
                }
                cache.lengths.insert(op.args[0], result);
            }
            Opcode::new_array => {
                cache.lengths.insert(op.result.expect("allocations have a result"), op.args[0]);
            }
            opcode if opcode.is_call() => {
                let call = trace.descrs.call_descr(descr.expect("verified"));
                match call.effect {
                    EffectClass::Pure => {}
                    EffectClass::CanRaise => {
                        let (fields, arrays) = (call.writes_fields.clone(), call.writes_arrays.clone());
                        for d in fields {
                            cache.forget_field(trace, d);
                        }
                        for d in arrays {
                            cache.forget_array(d);
                        }
                    }
                    EffectClass::MayForce => {
                        let descrs = trace.descrs.clone();
                        cache.fields.retain(|&(_, d), _| descrs.field_descr(d).immutable);
                        cache.items.clear();
                    }
                }
            }
            _ => {}
        }
        trace.ops.push(op);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::testing::check;

    #[test]
    fn loads_after_loads_and_stores_reuse_the_value() {
        check(
            run,
            "[p0, p1, i2]
             i3 = getfield_gc_i(p0, descr=valuedescr)
             i4 = getfield_gc_i(p0, descr=valuedescr)
             setfield_gc(p1, i2, descr=otherdescr)
             i5 = getfield_gc_i(p1, descr=otherdescr)
             i6 = getfield_gc_i(p0, descr=valuedescr)
             setfield_gc(p1, i2, descr=otherdescr)
             finish(i3, i4, i5, i6)",
            "[p0, p1, i2]
             i3 = getfield_gc_i(p0, descr=valuedescr)
             setfield_gc(p1, i2, descr=otherdescr)
             finish(i3, i3, i2, i3)",
        );
    }

    #[test]
    fn a_store_may_alias_other_objects() {
        check(
            run,
            "[p0, p1, i2]
             i3 = getfield_gc_i(p0, descr=valuedescr)
             setfield_gc(p1, i2, descr=valuedescr)
             i4 = getfield_gc_i(p0, descr=valuedescr)
             i5 = getfield_gc_i(p1, descr=valuedescr)
             finish(i3, i4, i5)",
            "[p0, p1, i2]
             i3 = getfield_gc_i(p0, descr=valuedescr)
             setfield_gc(p1, i2, descr=valuedescr)
             i4 = getfield_gc_i(p0, descr=valuedescr)
             finish(i3, i4, i2)",
        );
    }

    #[test]
    fn calls_forget_by_effect_class() {
        check(
            run,
            "[p0, i1]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = getfield_gc_i(p0, descr=otherdescr)
             i4 = getfield_gc_i(p0, descr=immutdescr)
             i5 = call_pure_i(i1, descr=purecall)
             i6 = getfield_gc_i(p0, descr=valuedescr)
             call_n(p0, descr=writesvaluecall)
             guard_no_exception() []
             i7 = getfield_gc_i(p0, descr=valuedescr)
             i8 = getfield_gc_i(p0, descr=otherdescr)
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() []
             i9 = getfield_gc_i(p0, descr=otherdescr)
             i10 = getfield_gc_i(p0, descr=immutdescr)
             finish(i6, i7, i8, i9, i10)",
            "[p0, i1]
             i2 = getfield_gc_i(p0, descr=valuedescr)
             i3 = getfield_gc_i(p0, descr=otherdescr)
             i4 = getfield_gc_i(p0, descr=immutdescr)
             i5 = call_pure_i(i1, descr=purecall)
             call_n(p0, descr=writesvaluecall)
             guard_no_exception() []
             i6 = getfield_gc_i(p0, descr=valuedescr)
             call_may_force_n(p0, descr=forcecall)
             guard_not_forced() []
             i7 = getfield_gc_i(p0, descr=otherdescr)
             finish(i2, i6, i3, i7, i4)",
        );
    }

    #[test]
    fn array_items_and_lengths_are_cached() {
        check(
            run,
            "[p0, i1, i2]
             i3 = arraylen_gc(p0, descr=arraydescr)
             i4 = getarrayitem_gc_i(p0, i1, descr=arraydescr)
             i5 = getarrayitem_gc_i(p0, i1, descr=arraydescr)
             setarrayitem_gc(p0, i2, 7, descr=arraydescr)
             i6 = getarrayitem_gc_i(p0, i1, descr=arraydescr)
             i7 = getarrayitem_gc_i(p0, i2, descr=arraydescr)
             i8 = arraylen_gc(p0, descr=arraydescr)
             finish(i3, i4, i5, i6, i7, i8)",
            "[p0, i1, i2]
             i3 = arraylen_gc(p0, descr=arraydescr)
             i4 = getarrayitem_gc_i(p0, i1, descr=arraydescr)
             setarrayitem_gc(p0, i2, 7, descr=arraydescr)
             i5 = getarrayitem_gc_i(p0, i1, descr=arraydescr)
             finish(i3, i4, i4, i5, 7, i3)",
        );
    }
}
