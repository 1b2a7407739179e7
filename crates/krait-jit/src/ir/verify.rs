//! The trace verifier: the invariants every pass keeps.
//!
//! 1. Every operand is a constant or a value visible at the op: defined
//!    earlier, and not before a `label` that starts a new scope (a label
//!    defines the only values visible after it).
//! 2. Operand counts and types agree with the opcode table; calls agree with
//!    their call descriptor; an op has a descriptor exactly when its opcode
//!    takes one, of the right kind; `guard_value`'s and `guard_class`'s
//!    second operands are constants. The call family fits the descriptor's
//!    effect class: `call_pure_*` only `Pure` calls, `call_may_force_*`
//!    exactly the `MayForce` ones (so every call that may run Python code is
//!    followed by `guard_not_forced`).
//! 3. Every guard has resume data, and the resume data refers only to visible
//!    values; no other op has any.
//! 4. `int_*_ovf` is followed by `guard_no_overflow` or `guard_overflow`, and
//!    those guards follow an `_ovf` op; `guard_not_forced` follows a
//!    `call_may_force_*`.
//! 5. The trace ends in `jump` or `finish`; the only op after a `jump` may be
//!    the `label` it goes to; a `jump` passes as many values, of the same
//!    types, as its target defines (the input arguments when no label, or
//!    the loop label a bridge enters).

use std::fmt;

use rustc_hash::FxHashSet;

use super::descr::{Descr, DescrTable, EffectClass};
use super::opcode::{DescrKind, OpFlags, Opcode};
use super::resume::{Slot, VirtualObject};
use super::trace::Trace;
use super::value::{Type, Value};

/// A broken invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The index of the offending op.
    pub op: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "op {}: {}", self.op, self.message)
    }
}

impl std::error::Error for VerifyError {}

fn descr_matches(kind: DescrKind, descr: &Descr) -> bool {
    matches!(
        (kind, descr),
        (DescrKind::Field, Descr::Field(_))
            | (DescrKind::Array, Descr::Array(_))
            | (DescrKind::Size, Descr::Size(_))
            | (DescrKind::Call, Descr::Call(_))
    )
}

/// Check a trace (see the module documentation).
pub fn verify(trace: &Trace) -> Result<(), VerifyError> {
    let descrs: &DescrTable = &trace.descrs;
    let mut visible: FxHashSet<Value> = trace.inputs.iter().copied().collect();
    let n = trace.ops.len();
    if n == 0 || !trace.ops[n - 1].opcode.flags().contains(OpFlags::FINAL) {
        return Err(VerifyError { op: n, message: "trace does not end in jump or finish".into() });
    }
    for (i, op) in trace.ops.iter().enumerate() {
        let err = |message: String| Err(VerifyError { op: i, message: format!("{}: {message}", op.opcode.name()) });
        let opcode = op.opcode;
        if opcode == Opcode::label {
            if i > 0 && trace.ops[i - 1].opcode != Opcode::jump {
                return err("a label must start the trace or follow a jump".into());
            }
            if i == 0 {
                let inputs: Vec<Type> = trace.inputs.iter().map(|&v| trace.ty(v)).collect();
                let label: Vec<Type> = op.args.iter().map(|&v| trace.ty(v)).collect();
                if inputs != label {
                    return err(format!("the trace enters a label of {label:?} with inputs {inputs:?}"));
                }
            }
            visible.clear();
            for &v in &op.args {
                if v.is_const() || !visible.insert(v) {
                    return err("label operands must be distinct new values".into());
                }
            }
            continue;
        }
        if i > 0 && trace.ops[i - 1].opcode.flags().contains(OpFlags::FINAL) {
            return err("op after the end of the trace".into());
        }
        for &v in &op.args {
            if !v.is_const() && !visible.contains(&v) {
                return err(format!("operand {} used where it is not defined", v.index()));
            }
        }
        if let Some(arity) = opcode.arity() {
            if op.args.len() != arity {
                return err(format!("{} operands, expected {arity}", op.args.len()));
            }
            for (k, (&v, letter)) in op.args.iter().zip(opcode.arg_types().chars()).enumerate() {
                let want = match letter {
                    'a' => continue,
                    l => Type::from_letter(l).expect("opcode table letter"),
                };
                if trace.ty(v) != want {
                    return err(format!("operand {k} is {:?}, expected {want:?}", trace.ty(v)));
                }
            }
        }
        match (opcode.descr_kind(), op.descr) {
            (DescrKind::None, None) => {}
            (DescrKind::None, Some(_)) => return err("unexpected descriptor".into()),
            (_, None) => return err("missing descriptor".into()),
            (kind, Some(d)) => {
                if !descr_matches(kind, descrs.get(d)) {
                    return err(format!("descriptor {} is not a {kind:?} descriptor", descrs.name(d)));
                }
            }
        }
        if opcode.is_call() {
            let call = descrs.call_descr(op.descr.expect("checked above"));
            let types: Vec<Type> = op.args.iter().map(|&v| trace.ty(v)).collect();
            if types != call.args {
                return err(format!("operand types {types:?} do not match the call's {:?}", call.args));
            }
            if call.result != opcode.result() {
                return err(format!("the call returns {:?}", call.result));
            }
            let family_fits = if opcode.is_pure() {
                call.effect == EffectClass::Pure
            } else if opcode.is_call_may_force() {
                call.effect == EffectClass::MayForce
            } else {
                call.effect != EffectClass::MayForce
            };
            if !family_fits {
                return err(format!("a {:?} call cannot be made with {}", call.effect, opcode.name()));
            }
        }
        match opcode {
            Opcode::setfield_gc => {
                let field = descrs.field_descr(op.descr.expect("checked"));
                if trace.ty(op.args[1]) != field.ty {
                    return err(format!("stores a {:?} in a {:?} field", trace.ty(op.args[1]), field.ty));
                }
            }
            Opcode::setarrayitem_gc => {
                let array = descrs.array_descr(op.descr.expect("checked"));
                if trace.ty(op.args[2]) != array.ty {
                    return err(format!("stores a {:?} in a {:?} array", trace.ty(op.args[2]), array.ty));
                }
            }
            Opcode::getfield_gc_i | Opcode::getfield_gc_r | Opcode::getfield_gc_f
                if descrs.field_descr(op.descr.expect("checked")).ty != opcode.result() =>
            {
                return err("field type does not match".into());
            }
            Opcode::guard_value | Opcode::guard_class => {
                if !op.args[1].is_const() {
                    return err("second operand must be a constant".into());
                }
                if trace.ty(op.args[0]) != trace.ty(op.args[1]) {
                    return err("operand types differ".into());
                }
            }
            Opcode::guard_no_overflow | Opcode::guard_overflow
                if i == 0 || !trace.ops[i - 1].opcode.flags().contains(OpFlags::OVF) =>
            {
                return err("must follow an _ovf op".into());
            }
            Opcode::guard_not_forced if i == 0 || !trace.ops[i - 1].opcode.is_call_may_force() => {
                return err("must follow a call_may_force".into());
            }
            Opcode::jump => {
                let want: Vec<Type> = match (trace.jump_target(i), &trace.loop_target) {
                    (Some(l), _) => trace.ops[l].args.iter().map(|&v| trace.ty(v)).collect(),
                    (None, Some(types)) => types.clone(),
                    (None, None) => trace.inputs.iter().map(|&v| trace.ty(v)).collect(),
                };
                let have: Vec<Type> = op.args.iter().map(|&v| trace.ty(v)).collect();
                if want != have {
                    return err(format!("passes {have:?} to a target that takes {want:?}"));
                }
            }
            _ => {}
        }
        if opcode.flags().contains(OpFlags::OVF) {
            let next = trace.ops.get(i + 1).map(|o| o.opcode);
            if !matches!(next, Some(Opcode::guard_no_overflow) | Some(Opcode::guard_overflow)) {
                return err("must be followed by guard_no_overflow or guard_overflow".into());
            }
        }
        match (opcode.is_guard(), op.snapshot) {
            (true, None) => return err("guard without resume data".into()),
            (false, Some(_)) => return err("resume data on a non-guard".into()),
            (true, Some(snapshot)) => {
                let snap = trace.resume.get(snapshot);
                let mut slots: Vec<Slot> = Vec::new();
                for frame in trace.resume.frames_of(snapshot) {
                    slots.extend(&frame.slots);
                }
                let slot_ty = |slot: Slot| match slot {
                    Slot::Value(v) => trace.ty(v),
                    Slot::Virtual(_) => Type::Ref,
                };
                for virt in &snap.virtuals {
                    slots.extend(virt.slots());
                    match virt {
                        VirtualObject::Object { size, fields } => {
                            if !matches!(descrs.get(*size), Descr::Size(_)) {
                                return err(format!("virtual of {}, not a size descriptor", descrs.name(*size)));
                            }
                            for &(field, slot) in fields {
                                let Descr::Field(f) = descrs.get(field) else {
                                    return err(format!(
                                        "virtual field {} is not a field descriptor",
                                        descrs.name(field)
                                    ));
                                };
                                if slot_ty(slot) != f.ty {
                                    return err(format!(
                                        "virtual field {} holds a {:?}",
                                        descrs.name(field),
                                        slot_ty(slot)
                                    ));
                                }
                            }
                        }
                        VirtualObject::Array { descr, items } => {
                            let Descr::Array(a) = descrs.get(*descr) else {
                                return err(format!(
                                    "virtual array of {}, not an array descriptor",
                                    descrs.name(*descr)
                                ));
                            };
                            if let Some(&slot) = items.iter().find(|&&s| slot_ty(s) != a.ty) {
                                return err(format!("virtual array item holds a {:?}", slot_ty(slot)));
                            }
                        }
                    }
                }
                for slot in slots {
                    match slot {
                        Slot::Value(v) if !v.is_const() && !visible.contains(&v) => {
                            return err(format!("resume data uses value {} where it is not defined", v.index()));
                        }
                        Slot::Virtual(k) if k as usize >= snap.virtuals.len() => {
                            return err(format!("resume data names a missing virtual ${k}"));
                        }
                        _ => {}
                    }
                }
            }
            (false, None) => {}
        }
        if let Some(result) = op.result {
            if trace.ty(result) != opcode.result() {
                return err("result type does not match the opcode".into());
            }
            visible.insert(result);
        } else if opcode.result() != Type::Void {
            return err("missing result".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::ir::descr::EffectClass;
    use crate::ir::parser::parse;

    fn descrs() -> Arc<DescrTable> {
        let mut t = DescrTable::new();
        t.field("valuedescr", 16, Type::Int);
        t.size("nodesize", 32, 0x1000);
        t.array("arraydescr", 16, 8, Type::Int);
        t.call("calldescr", 0, &[Type::Int], Type::Int, EffectClass::CanRaise);
        t.call("forcedescr", 0, &[Type::Ref], Type::Void, EffectClass::MayForce);
        Arc::new(t)
    }

    fn check(text: &str) -> Result<(), String> {
        verify(&parse(text, &descrs()).unwrap()).map_err(|e| e.to_string())
    }

    #[test]
    fn a_good_loop_verifies() {
        check(
            "[i0, p1]\n\
             label(i2, p3)\n\
             i4 = int_add_ovf(i2, 1)\n\
             guard_no_overflow() [i2]\n\
             i5 = call_i(i4, descr=calldescr)\n\
             guard_no_exception() [i4]\n\
             setfield_gc(p3, i5, descr=valuedescr)\n\
             jump(i4, p3)\n",
        )
        .unwrap();
    }

    #[test]
    fn broken_traces_are_rejected() {
        let cases = [
            ("[i0]\ni1 = int_add(i0, 1.5)\nfinish()\n", "expected Int"),
            ("[i0]\nguard_true(i0)\nfinish()\n", "without resume data"),
            ("[i0]\nlabel(i1)\ni2 = int_add(i0, 1)\njump(i2)\n", "where it is not defined"),
            ("[i0]\nlabel(i1)\njump(i1, i1)\n", "takes [Int]"),
            ("[i0] -> loop(p)\njump(i0)\n", "takes [Ref]"),
            ("[i0]\nlabel(p1)\njump(p1)\n", "enters a label"),
            ("[f0]\nguard_true(1) [$0] {$0 = nodesize(valuedescr=f0)}\nfinish()\n", "holds a Float"),
            ("[i0]\nguard_true(1) [$0] {$0 = valuedescr()}\nfinish()\n", "not a size"),
            ("[i0]\nguard_true(1) [$1] {$0 = nodesize()}\nfinish()\n", "missing virtual"),
            ("[f0]\nguard_true(1) [$0] {$0 = arraydescr[1, f0]}\nfinish()\n", "item holds a Float"),
            ("[i0]\nguard_true(1) [$0] {$0 = nodesize[1]}\nfinish()\n", "not an array"),
            ("[i0]\ni1 = int_add_ovf(i0, 1)\nfinish(i1)\n", "guard_no_overflow"),
            ("[i0]\nguard_no_overflow() []\nfinish()\n", "must follow"),
            ("[f0]\ni1 = call_i(f0, descr=calldescr)\nfinish()\n", "do not match"),
            ("[i0]\ni1 = call_pure_i(i0, descr=calldescr)\nfinish()\n", "CanRaise call cannot"),
            ("[p0]\ncall_n(p0, descr=forcedescr)\nfinish()\n", "MayForce call cannot"),
            ("[p0]\ni1 = getfield_gc_i(p0)\nfinish()\n", "missing descriptor"),
            ("[p0]\ni1 = getfield_gc_i(p0, descr=nodesize)\nfinish()\n", "not a Field"),
            ("[i0, i1]\nguard_value(i0, i1) []\nfinish()\n", "must be a constant"),
            ("[i0]\nescape(i0)\n", "does not end"),
            ("[i0]\nlabel(i1)\nguard_true(i1) [i0]\njump(i1)\n", "resume data uses"),
            ("[i0]\nfinish()\nescape(i0)\nfinish()\n", "after the end"),
        ];
        for (text, expected) in cases {
            let err = check(text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
