//! Tests that compile real traces and run them.

use std::sync::Arc;

use super::*;
use crate::ir::{parse, DescrTable, EffectClass, Type};

fn compile_with(descrs: DescrTable, text: &str) -> (Backend, CompiledTrace) {
    let trace = parse(text, &Arc::new(descrs)).unwrap();
    let mut backend = Backend::new().unwrap();
    let compiled = backend.compile(&trace).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (backend, compiled)
}

fn compile(text: &str) -> (Backend, CompiledTrace) {
    compile_with(DescrTable::new(), text)
}

fn run(compiled: &CompiledTrace, frame: &mut [u64]) -> u32 {
    let mut ctx = JitContext::new();
    // SAFETY: these traces touch no memory but the frame.
    unsafe { compiled.run(frame, &mut ctx) }
}

const SUM_LOOP: &str = "[i0, i1, i2]
    label(i3, i4, i5)
    i6 = int_lt(i3, i5)
    guard_true(i6) [i3, i4, i5]
    i7 = int_add_ovf(i4, i3)
    guard_no_overflow() [i3, i4, i5]
    i8 = int_add(i3, 1)
    jump(i8, i7, i5)";

#[test]
fn a_summing_loop_runs_until_its_guard_fails() {
    let (backend, trace) = compile(SUM_LOOP);
    let mut frame = [0, 0, 100];
    let exit = run(&trace, &mut frame);
    assert_eq!(exit, trace.guard_exits[0]);
    assert_eq!(frame, [100, 4950, 100]);
    assert_eq!(backend.exit(exit).types, vec![Type::Int; 3]);
    assert_eq!(backend.exit(exit).op, 2);
}

#[test]
fn overflow_leaves_through_guard_no_overflow() {
    let (_backend, trace) = compile(SUM_LOOP);
    let start = (i64::MAX - 10) as u64;
    let mut frame = [5, start, 100];
    let exit = run(&trace, &mut frame);
    assert_eq!(exit, trace.guard_exits[1]);
    // Adding 5 gives MAX-5; adding 6 overflows, and the guard leaves with the values before it.
    assert_eq!(frame, [6, (i64::MAX - 5) as u64, 100]);
}

#[test]
fn a_float_loop_halves_until_small() {
    let (_backend, trace) = compile(
        "[f0, i1]
         label(f2, i3)
         f4 = float_mul(f2, 0.5)
         i5 = int_add(i3, 1)
         i6 = float_lt(f4, 1.0)
         guard_false(i6) [f4, i5]
         jump(f4, i5)",
    );
    let mut frame = [1000.0f64.to_bits(), 0];
    let exit = run(&trace, &mut frame);
    assert_eq!(exit, trace.guard_exits[0]);
    assert_eq!(f64::from_bits(frame[0]), 1000.0 / 1024.0);
    assert_eq!(frame[1], 10);
}

#[test]
fn finish_returns_its_own_exit_and_values() {
    let (backend, trace) = compile(
        "[i0, i1]
         i2 = int_floordiv(i0, i1)
         i3 = int_mod(i0, i1)
         i4 = int_gt(i0, 0)
         guard_true(i4) [i0]
         f5 = cast_int_to_float(i2)
         i6 = cast_float_to_int(-2.5)
         finish(i2, i3, f5, i6)",
    );
    let mut frame = [7, (-2i64) as u64, 0, 0];
    let exit = run(&trace, &mut frame);
    assert_eq!(exit, trace.finish_exits[0]);
    assert_eq!(backend.exit(exit).kind, ExitKind::Finish);
    assert_eq!(frame, [(-4i64) as u64, (-1i64) as u64, (-4.0f64).to_bits(), (-2i64) as u64]);
    let mut frame = [(-7i64) as u64, 2, 0, 0];
    let exit = run(&trace, &mut frame);
    assert_eq!(exit, trace.guard_exits[0]);
    assert_eq!(frame[0] as i64, -7);
}

extern "C" fn triple(x: i64) -> i64 {
    3 * x
}

extern "C" fn check_not_13(ctx: *mut JitContext, x: i64) -> i64 {
    if x == 13 {
        // SAFETY: compiled code passes its own, live context.
        unsafe { (*ctx).exception = 0xdead0 };
    }
    x + 1
}

#[test]
fn calls_reach_rust_helpers_and_exceptions_leave() {
    let mut descrs = DescrTable::new();
    descrs.call("triple", triple as *const () as usize, &[Type::Int], Type::Int, EffectClass::Pure);
    descrs.call("check", check_not_13 as *const () as usize, &[Type::Int], Type::Int, EffectClass::CanRaise);
    let (_backend, trace) = compile_with(
        descrs,
        "[i0]
         i1 = call_pure_i(i0, descr=triple)
         i2 = call_i(i1, descr=check)
         guard_no_exception() [i0, i1]
         finish(i2)",
    );
    let mut frame = [5, 0];
    assert_eq!(run(&trace, &mut frame), trace.finish_exits[0]);
    assert_eq!(frame[0], 16);
    let mut ctx = JitContext::new();
    let mut frame = [4, 0];
    // SAFETY: the helpers touch only the context.
    let exit = unsafe { trace.run(&mut frame, &mut ctx) };
    assert_eq!(exit, trace.finish_exits[0], "12 is not 13");
    let mut descrs = DescrTable::new();
    descrs.call("check", check_not_13 as *const () as usize, &[Type::Int], Type::Int, EffectClass::CanRaise);
    let (_backend, trace) = compile_with(
        descrs,
        "[i0]
         i1 = call_i(i0, descr=check)
         guard_no_exception() [i0, i1]
         finish(i1)",
    );
    let mut frame = [13, 0];
    // SAFETY: as above.
    let exit = unsafe { trace.run(&mut frame, &mut ctx) };
    assert_eq!(exit, trace.guard_exits[0]);
    assert_eq!(frame, [13, 14]);
    assert_eq!(ctx.exception, 0xdead0);
}

#[test]
fn a_bridge_attached_to_a_failing_guard_runs_instead_of_leaving() {
    let (mut backend, parent) = compile(
        "[i0]
         i1 = int_lt(i0, 10)
         guard_true(i1) [i0]
         i2 = int_add(i0, 1)
         finish(i2)",
    );
    let mut frame = [50];
    assert_eq!(run(&parent, &mut frame), parent.guard_exits[0]);
    assert_eq!(frame, [50]);
    assert_eq!(parent.guard_failures(parent.guard_exits[0]), Some(1));
    assert_eq!(parent.guard_failures(parent.finish_exits[0]), None);
    let bridge_trace = parse(
        "[i0]
         i1 = int_mul(i0, 2)
         i2 = int_lt(i1, 1000)
         guard_true(i2) [i1]
         finish(i1)",
        &Arc::new(DescrTable::new()),
    )
    .unwrap();
    let bridge = backend.compile(&bridge_trace).unwrap();
    backend.attach_bridge(&parent, parent.guard_exits[0], &bridge).unwrap();
    let mut frame = [50];
    assert_eq!(run(&parent, &mut frame), bridge.finish_exits[0]);
    assert_eq!(frame, [100]);
    // The bridge's own guard exits with its own number.
    let mut frame = [600];
    assert_eq!(run(&parent, &mut frame), bridge.guard_exits[0]);
    assert_eq!(frame, [1200]);
    assert_eq!(backend.exit(bridge.guard_exits[0]).trace, bridge.number);
    // The guard that passes is untouched.
    let mut frame = [3];
    assert_eq!(run(&parent, &mut frame), parent.finish_exits[0]);
    assert_eq!(frame, [4]);
    assert_eq!(parent.guard_failures(parent.guard_exits[0]), Some(3), "failures through the bridge count too");
    // A bridge with the wrong inputs is refused.
    let wrong = backend.compile(&parse("[f0]\nfinish(f0)", &Arc::new(DescrTable::new())).unwrap()).unwrap();
    assert!(backend.attach_bridge(&parent, parent.guard_exits[0], &wrong).is_err());
}

unsafe extern "C" fn test_alloc(_ctx: *mut JitContext, size: u64) -> *mut u8 {
    let words = vec![0u64; size.div_ceil(8) as usize];
    Box::leak(words.into_boxed_slice()).as_mut_ptr() as *mut u8
}

#[test]
fn objects_are_allocated_read_and_written() {
    let mut descrs = DescrTable::new();
    descrs.size("node", 32, 0xc1a55);
    descrs.field("value", 16, Type::Int);
    descrs.field("ratio", 24, Type::Float);
    descrs.array("items", 16, 8, Type::Int);
    let (_backend, trace) = compile_with(
        descrs,
        "[i0]
         p1 = new_with_vtable(descr=node)
         guard_class(p1, ConstPtr(0xc1a55)) [i0]
         setfield_gc(p1, i0, descr=value)
         setfield_gc(p1, 0.25, descr=ratio)
         i2 = getfield_gc_i(p1, descr=value)
         f3 = getfield_gc_f(p1, descr=ratio)
         p4 = new_array(3, descr=items)
         setarrayitem_gc(p4, 2, i2, descr=items)
         i5 = getarrayitem_gc_i(p4, 2, descr=items)
         i6 = arraylen_gc(p4, descr=items)
         guard_class(p1, ConstPtr(0xbad)) [p1, i5, i6, f3]
         finish()",
    );
    let mut ctx = JitContext { alloc: Some(test_alloc), ..JitContext::new() };
    let mut frame = [41, 0, 0, 0];
    // SAFETY: allocation goes through `test_alloc`, which returns zeroed memory of the size asked.
    let exit = unsafe { trace.run(&mut frame, &mut ctx) };
    assert_eq!(exit, trace.guard_exits[1]);
    assert_eq!(&frame[1..], &[41, 3, 0.25f64.to_bits()]);
    // SAFETY: frame[0] is the node the trace allocated and filled.
    let class = unsafe { *((frame[0] + 8) as *const u64) };
    assert_eq!(class, 0xc1a55);
}

#[test]
fn invalidation_makes_guard_not_invalidated_fail() {
    let (_backend, trace) = compile(
        "[i0]
         guard_not_invalidated() [i0]
         finish(i0)",
    );
    let mut frame = [1];
    assert_eq!(run(&trace, &mut frame), trace.finish_exits[0]);
    trace.invalidate();
    assert_eq!(run(&trace, &mut frame), trace.guard_exits[0]);
}

#[test]
fn a_loop_without_label_jumps_back_to_its_start() {
    let (_backend, trace) = compile(
        "[i0]
         i1 = int_sub(i0, 1)
         i2 = int_is_zero(i1)
         guard_false(i2) [i1]
         jump(i1)",
    );
    let mut frame = [10];
    assert_eq!(run(&trace, &mut frame), trace.guard_exits[0]);
    assert_eq!(frame, [0]);
}

#[test]
fn a_peeled_loop_enters_its_body_through_the_preamble() {
    let (_backend, trace) = compile(
        "[i0, i1]
         i2 = int_mul(i1, 2)
         i3 = int_add(i0, i2)
         jump(i3, i2)
         label(i4, i5)
         i6 = int_add(i4, i5)
         i7 = int_lt(i6, 100)
         guard_true(i7) [i6, i5]
         jump(i6, i5)",
    );
    let mut frame = [0, 3];
    assert_eq!(run(&trace, &mut frame), trace.guard_exits[0]);
    assert_eq!(frame, [102, 6]);
}

#[test]
fn a_bridge_that_jumps_back_into_the_loop_runs_through_the_dispatcher() {
    // Count to n; even steps add 1 in the loop, odd steps fail the parity
    // guard, whose bridge adds 1000 and re-enters the loop.
    let (mut backend, parent) = compile(
        "[i0, i1, i2]
         label(i3, i4, i5)
         i6 = int_add(i3, 1)
         i7 = int_lt(i6, i4)
         guard_true(i7) [i6, i4, i5]
         i8 = int_and(i6, 1)
         guard_false(i8) [i6, i4, i5]
         i9 = int_add(i5, 1)
         jump(i6, i4, i9)",
    );
    let bridge_trace = parse(
        "[i0, i1, i2] -> loop(i, i, i)
         i3 = int_add(i2, 1000)
         jump(i0, i1, i3)",
        &Arc::new(DescrTable::new()),
    )
    .unwrap();
    assert!(backend.compile(&bridge_trace).is_err(), "needs compile_bridge");
    let bridge = backend.compile_bridge(&bridge_trace, &parent, LoopEntry::Label).unwrap();
    let parity_guard = parent.guard_exits[1];
    backend.attach_bridge(&parent, parity_guard, &bridge).unwrap();

    // Without the dispatcher, the first odd step comes back as the bridge's jump.
    let mut frame = [0, 10, 0];
    let exit = run(&parent, &mut frame);
    assert_eq!(backend.exit(exit).kind, ExitKind::Jump(parent.number, LoopEntry::Label));
    assert_eq!(frame, [1, 10, 1000]);

    let mut frame = [0, 10, 0];
    let mut ctx = JitContext::new();
    // SAFETY: these traces touch no memory but the frame.
    let exit = unsafe { backend.execute(&parent, &mut frame, &mut ctx) };
    assert_eq!(exit, parent.guard_exits[0]);
    // Odd steps 1, 3, 5, 7, 9 went through the bridge; even steps 2, 4, 6, 8 stayed in the loop.
    assert_eq!(frame, [10, 10, 5 * 1000 + 4]);
}

#[test]
fn a_peeled_loop_has_an_entry_at_its_label() {
    let (mut backend, parent) = compile(
        "[i0]
         i1 = int_add(i0, 1)
         jump(i1, 7)
         label(i2, i3)
         i4 = int_add(i2, i3)
         i5 = int_lt(i4, 100)
         guard_true(i5) [i4]
         jump(i4, i3)",
    );
    assert_eq!(parent.label_types, vec![Type::Int, Type::Int]);
    let bridge_trace = parse("[i0] -> loop(i, i)\njump(i0, 50)", &Arc::new(DescrTable::new())).unwrap();
    let bridge = backend.compile_bridge(&bridge_trace, &parent, LoopEntry::Label).unwrap();
    let mut frame = [3, 0];
    let mut ctx = JitContext::new();
    // SAFETY: these traces touch no memory but the frame.
    let exit = unsafe { backend.execute(&bridge, &mut frame, &mut ctx) };
    assert_eq!(exit, parent.guard_exits[0]);
    assert_eq!(frame[0], 103);
    let one_value = parse("[i0] -> loop(i)\njump(i0)", &Arc::new(DescrTable::new())).unwrap();
    assert!(backend.compile_bridge(&one_value, &parent, LoopEntry::Label).is_err());

    // Entering through the preamble takes the trace's inputs and runs it first.
    let to_preamble = backend.compile_bridge(&one_value, &parent, LoopEntry::Preamble).unwrap();
    let mut frame = [3, 0];
    // SAFETY: these traces touch no memory but the frame.
    let exit = unsafe { backend.execute(&to_preamble, &mut frame, &mut ctx) };
    assert_eq!(exit, parent.guard_exits[0]);
    // 3 + 1 = 4 in the preamble, then steps of 7: 4, 11, ..., 102.
    assert_eq!(frame[0], 102);
}

/// Compile every pure arithmetic op once and check it against the constant
/// folder on a grid of awkward operands: the backend and `fold::eval` must
/// never disagree, or a trace would compute differently once folded.
#[test]
fn compiled_ops_agree_with_the_constant_folder() {
    use crate::ir::{Const, OpFlags, Opcode};
    use crate::opt::fold::eval;

    let ints = [0, 1, -1, 2, -7, 7, 63, 64, i64::MAX, i64::MIN, i64::MIN + 1, 1 << 40];
    let floats = [0.0, -0.0, 1.5, -2.5, 1e300, -1e-300, f64::INFINITY, f64::NAN, 3.0];
    let mut checked = 0;
    for &opcode in Opcode::ALL {
        let args = opcode.arg_types();
        if !opcode.is_pure() || opcode.is_call() || opcode.flags().contains(OpFlags::OVF) || args.contains('r') {
            continue;
        }
        let letters: Vec<char> = args.chars().map(|c| if c == 'f' { 'f' } else { 'i' }).collect();
        let names: Vec<String> = letters.iter().enumerate().map(|(k, c)| format!("{c}{k}")).collect();
        let result = format!("{}{}", opcode.result().letter(), names.len());
        let text =
            format!("[{}]\n{result} = {}({})\nfinish({result})", names.join(", "), opcode.name(), names.join(", "));
        let (_backend, trace) = compile(&text);
        let grid: Vec<Vec<Const>> = match letters.as_slice() {
            ['i'] => ints.iter().map(|&a| vec![Const::Int(a)]).collect(),
            ['f'] => floats.iter().map(|&a| vec![Const::Float(a)]).collect(),
            ['i', 'i'] => {
                ints.iter().flat_map(|&a| ints.iter().map(move |&b| vec![Const::Int(a), Const::Int(b)])).collect()
            }
            ['f', 'f'] => floats
                .iter()
                .flat_map(|&a| floats.iter().map(move |&b| vec![Const::Float(a), Const::Float(b)]))
                .collect(),
            other => panic!("no grid for {other:?}"),
        };
        for operands in grid {
            let Some(expected) = eval(opcode, &operands) else { continue };
            let mut frame: Vec<u64> = operands.iter().map(|c| c.bits()).collect();
            frame.resize(trace.frame_size.max(1), 0);
            run(&trace, &mut frame);
            let got = Const::from_bits(opcode.result(), frame[0]);
            let both_nan = matches!((got, expected), (Const::Float(a), Const::Float(b)) if a.is_nan() && b.is_nan());
            assert!(
                got == expected || both_nan,
                "{}({operands:?}): compiled {got:?}, folded {expected:?}",
                opcode.name()
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} cases checked");
}

#[test]
fn compiled_overflow_checks_agree_with_the_constant_folder() {
    use crate::opt::fold::eval_ovf;

    let ints = [0, 1, -1, 2, -2, 3_037_000_500, -3_037_000_500, i64::MAX, i64::MIN, i64::MAX / 2 + 1];
    for name in ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"] {
        let opcode = crate::ir::Opcode::from_name(name).unwrap();
        let (_backend, trace) =
            compile(&format!("[i0, i1]\ni2 = {name}(i0, i1)\nguard_no_overflow() [i0, i1]\nfinish(i2)"));
        for a in ints {
            for b in ints {
                let mut frame = [a as u64, b as u64];
                let exit = run(&trace, &mut frame);
                match eval_ovf(opcode, a, b) {
                    Some(r) => {
                        assert_eq!(exit, trace.finish_exits[0], "{name}({a}, {b})");
                        assert_eq!(frame[0] as i64, r, "{name}({a}, {b})");
                    }
                    None => assert_eq!(exit, trace.guard_exits[0], "{name}({a}, {b}) overflows"),
                }
            }
        }
    }
}

#[test]
#[should_panic(expected = "frame buffer of 1 words, need 3")]
fn the_frame_buffer_must_fit_the_bridges_too() {
    let (mut backend, parent) = compile("[i0]\nguard_true(i0) [i0]\nfinish(i0)");
    let bridge = backend.compile(&parse("[i0]\nfinish(i0, i0, i0)", &Arc::new(DescrTable::new())).unwrap()).unwrap();
    backend.attach_bridge(&parent, parent.guard_exits[0], &bridge).unwrap();
    assert_eq!(backend.frame_size(), 3);
    // The bridge would write three words past a one-word buffer.
    run(&parent, &mut [0]);
}

#[test]
fn null_checks_leave_on_the_right_side() {
    let (_backend, trace) = compile(
        "[p0, p1]
         guard_nonnull(p0) [p0]
         guard_isnull(p1) [p1]
         finish()",
    );
    assert_eq!(run(&trace, &mut [8, 0]), trace.finish_exits[0]);
    assert_eq!(run(&trace, &mut [0, 0]), trace.guard_exits[0]);
    assert_eq!(run(&trace, &mut [8, 8]), trace.guard_exits[1]);
}

#[test]
fn narrow_int_fields_sign_extend_and_store_only_their_bytes() {
    use crate::ir::descr::{Descr, FieldDescr};
    let mut descrs = DescrTable::new();
    descrs.add("byte", Descr::Field(FieldDescr { offset: 8, size: 1, ty: Type::Int, immutable: false }));
    descrs.add("half", Descr::Field(FieldDescr { offset: 10, size: 2, ty: Type::Int, immutable: false }));
    descrs.add("word", Descr::Field(FieldDescr { offset: 12, size: 4, ty: Type::Int, immutable: false }));
    let (_backend, trace) = compile_with(
        descrs,
        "[p0, i1]
         setfield_gc(p0, i1, descr=word)
         i2 = getfield_gc_i(p0, descr=byte)
         i3 = getfield_gc_i(p0, descr=half)
         i4 = getfield_gc_i(p0, descr=word)
         finish(i2, i3, i4)",
    );
    let mut object = [0u64, u64::from_le_bytes([0xfe, 0, 0x34, 0x82, 0, 0, 0, 0]), 0x5555];
    let mut frame = [object.as_mut_ptr() as u64, (-3i64) as u64, 0];
    assert_eq!(run(&trace, &mut frame), trace.finish_exits[0]);
    assert_eq!(frame.map(|w| w as i64), [-2, 0x8234u16 as i16 as i64, -3]);
    assert_eq!(object[1].to_le_bytes()[4..], [0xfd, 0xff, 0xff, 0xff], "the 4-byte store");
    assert_eq!(object[2], 0x5555, "nothing past the field is written");
}

#[test]
fn guard_slots_have_the_layout_the_code_uses() {
    assert_eq!(std::mem::offset_of!(GuardSlot, bridge), GuardSlot::BRIDGE as usize);
    assert_eq!(std::mem::offset_of!(GuardSlot, failures), GuardSlot::FAILURES as usize);
}
