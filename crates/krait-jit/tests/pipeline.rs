//! The pieces together: text → optimiser → Cranelift → run → guard failure →
//! resume data rebuilds the interpreter's frame, virtual objects included.

use std::sync::Arc;

use krait_jit::backend::{Backend, ExitKind, JitContext};
use krait_jit::ir::descr::{ArrayDescr, FieldDescr, SizeDescr};
use krait_jit::ir::resume::{rebuild, Materializer, TypedWord};
use krait_jit::ir::{parse, print, DescrId, DescrTable, Type};
use krait_jit::opt::optimize;

/// A fake VM heap: objects are vectors of (field, word).
#[derive(Default)]
struct FakeVm {
    objects: Vec<(u64, Vec<(DescrId, u64)>)>,
    frames: Vec<(u32, u32, Vec<TypedWord>)>,
}

impl Materializer for FakeVm {
    fn allocate(&mut self, _descr: DescrId, size: &SizeDescr) -> u64 {
        self.objects.push((size.vtable, Vec::new()));
        self.objects.len() as u64 * 16
    }
    fn set_field(&mut self, object: u64, field: DescrId, _descr: &FieldDescr, value: u64) {
        self.objects[(object / 16 - 1) as usize].1.push((field, value));
    }
    fn allocate_array(&mut self, _descr: DescrId, _array: &ArrayDescr, _length: usize) -> u64 {
        unreachable!("these traces have no arrays")
    }
    fn set_item(&mut self, _object: u64, _descr: &ArrayDescr, _index: usize, _value: u64) {
        unreachable!("these traces have no arrays")
    }
    fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]) {
        self.frames.push((code, pc, slots.to_vec()));
    }
}

#[test]
fn a_boxed_sum_loop_is_optimised_compiled_run_and_deoptimised() {
    let mut descrs = DescrTable::new();
    descrs.size("intbox", 24, 0xb0c5);
    let intval = descrs.immutable_field("intval", 16, Type::Int);
    let descrs = Arc::new(descrs);
    // `while i < n: total += i; i += 1` with the interpreter's frame holding
    // a boxed `total` (code 7; the loop test at index 12, the add at 20).
    let mut trace = parse(
        "[i0, i1, i2]
         label(i3, i4, i5)
         i6 = int_lt(i3, i5)
         p7 = new_with_vtable(descr=intbox)
         setfield_gc(p7, i4, descr=intval)
         guard_true(i6) [@7:12 i3, p7, i5]
         i8 = int_add_ovf(i4, i3)
         guard_no_overflow() [@7:20 i3, p7, i5]
         i9 = int_add_ovf(i3, 1)
         guard_no_overflow() [@7:24 i3, p7, i5]
         jump(i9, i8, i5)",
        &descrs,
    )
    .unwrap();
    optimize(&mut trace).unwrap();
    assert_eq!(
        print(&trace),
        "[i0, i1, i2]
i3 = int_lt(i0, i2)
guard_true(i3) [@7:12 i0, $0, i2] {$0 = intbox(intval=i1)}
i4 = int_add_ovf(i1, i0)
guard_no_overflow() [@7:20 i0, $0, i2] {$0 = intbox(intval=i1)}
i5 = int_add(i0, 1)
jump(i5, i4, i2)
label(i6, i7, i8)
i9 = int_lt(i6, i8)
guard_true(i9) [@7:12 i6, $0, i8] {$0 = intbox(intval=i7)}
i10 = int_add_ovf(i7, i6)
guard_no_overflow() [@7:20 i6, $0, i8] {$0 = intbox(intval=i7)}
i11 = int_add(i6, 1)
jump(i11, i10, i8)
"
    );

    let mut backend = Backend::new().unwrap();
    let compiled = backend.compile(&trace).unwrap();
    let mut frame = vec![0u64; compiled.frame_size];
    frame[..3].copy_from_slice(&[0, 0, 1000]);
    let mut ctx = JitContext::new();
    // SAFETY: the trace allocates nothing (the box is virtual) and reads no memory.
    let exit = unsafe { compiled.run(&mut frame, &mut ctx) };
    let info = backend.exit(exit);
    let ExitKind::Guard(snapshot) = info.kind else { panic!("expected a guard exit") };
    assert_eq!(info.op, 8, "the loop's own `i < n` guard");

    let mut vm = FakeVm::default();
    rebuild(&trace, snapshot, &frame, &mut vm);
    assert_eq!(vm.objects, vec![(0xb0c5, vec![(intval, 499500)])]);
    assert_eq!(
        vm.frames,
        vec![(
            7,
            12,
            vec![
                TypedWord { ty: Type::Int, bits: 1000 },
                TypedWord { ty: Type::Ref, bits: 16 },
                TypedWord { ty: Type::Int, bits: 1000 },
            ]
        )]
    );
}

#[test]
fn a_box_carried_around_the_loop_is_never_allocated_until_deoptimisation() {
    let mut descrs = DescrTable::new();
    descrs.size("intbox", 24, 0xb0c5);
    let intval = descrs.field("intval", 16, Type::Int);
    let descrs = Arc::new(descrs);
    // `while x < limit: x = x * 2 + 1` with `x` a boxed int in frame slot 0.
    let mut trace = parse(
        "[p0, i1]
         label(p2, i3)
         guard_class(p2, ConstPtr(0xb0c5)) [@3:0 p2, i3]
         i4 = getfield_gc_i(p2, descr=intval)
         i5 = int_lt(i4, i3)
         guard_true(i5) [@3:2 p2, i3]
         i6 = int_mul_ovf(i4, 2)
         guard_no_overflow() [@3:4 p2, i3]
         i7 = int_add_ovf(i6, 1)
         guard_no_overflow() [@3:4 p2, i3]
         p8 = new_with_vtable(descr=intbox)
         setfield_gc(p8, i7, descr=intval)
         jump(p8, i3)",
        &descrs,
    )
    .unwrap();
    optimize(&mut trace).unwrap();
    let text = print(&trace);
    let body = &text[text.find("label").unwrap()..];
    assert!(!body.contains("new_with_vtable") && !body.contains("guard_class"), "{text}");

    // The entry box, allocated by the "interpreter".
    let mut entry_box = vec![0u64; 3];
    entry_box[1] = 0xb0c5;
    entry_box[2] = 1;
    let mut backend = Backend::new().unwrap();
    let compiled = backend.compile(&trace).unwrap();
    let mut frame = vec![0u64; compiled.frame_size];
    frame[0] = entry_box.as_mut_ptr() as u64;
    frame[1] = 1000;
    let mut ctx = JitContext::new();
    // SAFETY: frame[0] points to a live object with the class word at 8 and
    // `intval` at 16; the loop allocates nothing.
    let exit = unsafe { compiled.run(&mut frame, &mut ctx) };
    let ExitKind::Guard(snapshot) = backend.exit(exit).kind else { panic!("expected a guard exit") };
    let mut vm = FakeVm::default();
    rebuild(&trace, snapshot, &frame, &mut vm);
    // 1, 3, 7, ..., 1023: the first value not below 1000 fails `x < limit`.
    assert_eq!(vm.objects, vec![(0xb0c5, vec![(intval, 1023)])]);
    assert_eq!(vm.frames.len(), 1);
    let (code, pc, slots) = &vm.frames[0];
    assert_eq!((*code, *pc), (3, 2));
    assert_eq!(slots[1], TypedWord { ty: Type::Int, bits: 1000 });
}
