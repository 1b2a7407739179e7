//! Differential fuzzing of the optimiser: random integer loops are compiled
//! as recorded and as optimised, run on the same inputs, and must leave
//! through the same guard (identified by its resume data's instruction
//! index) with the same rebuilt frame. A tiny xorshift generator keeps the
//! test deterministic and dependency-free.

use std::sync::Arc;

use krait_jit::backend::{Backend, ExitKind, JitContext};
use krait_jit::ir::descr::{ArrayDescr, FieldDescr, SizeDescr};
use krait_jit::ir::resume::{rebuild, Materializer, TypedWord};
use krait_jit::ir::{parse, print, DescrId, DescrTable, Trace};
use krait_jit::opt::optimize;

struct Rng(u64);

/// The generator's seed: fixed, or `KRAIT_FUZZ_SEED` to explore further.
fn seed(default: u64) -> u64 {
    std::env::var("KRAIT_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const INTERESTING: &[i64] = &[0, 1, -1, 2, 3, 7, -8, 100, 255, 1 << 31, i64::MAX, i64::MIN, i64::MAX - 1];

/// A random loop: a counter that stops it after 20 iterations, three
/// loop-carried values, and a random body of arithmetic, comparisons,
/// guards and overflow checks.
fn random_loop(rng: &mut Rng) -> String {
    let mut text = String::from("[i0, i1, i2, i3]\nlabel(i4, i5, i6, i7)\n");
    let mut next = 8;
    let mut pool: Vec<String> = vec!["i5".into(), "i6".into(), "i7".into()];
    let mut pc = 1;
    let mut fresh = |text: &mut String, op: String| {
        let name = format!("i{next}");
        next += 1;
        text.push_str(&format!("{name} = {op}\n"));
        name
    };
    let counter = fresh(&mut text, "int_add(i4, 1)".into());
    let stop = fresh(&mut text, format!("int_lt({counter}, 20)"));
    let state = |pool: &[String], rng: &mut Rng| -> String {
        let mut slots: Vec<String> = vec![counter.clone()];
        for _ in 0..3 {
            slots.push(rng.pick(pool).clone());
        }
        slots.join(", ")
    };
    text.push_str(&format!("guard_true({stop}) [@0:0 {}]\n", state(&pool, rng)));
    let binary = ["int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor"];
    let compare = ["int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt"];
    for _ in 0..(3 + rng.below(12)) {
        let operand = |rng: &mut Rng, pool: &[String]| -> String {
            if rng.below(4) == 0 {
                rng.pick(INTERESTING).to_string()
            } else {
                rng.pick(pool).clone()
            }
        };
        let a = rng.pick(&pool).clone();
        let b = operand(rng, &pool);
        match rng.below(9) {
            0..=2 => {
                let op = *rng.pick(&binary);
                let v = fresh(&mut text, format!("{op}({a}, {b})"));
                pool.push(v);
            }
            3 => {
                let op = *rng.pick(&["int_add_ovf", "int_sub_ovf", "int_mul_ovf"]);
                let v = fresh(&mut text, format!("{op}({a}, {b})"));
                text.push_str(&format!("guard_no_overflow() [@0:{pc} {}]\n", state(&pool, rng)));
                pc += 1;
                pool.push(v);
            }
            4 => {
                let (op, c) = (*rng.pick(&["int_floordiv", "int_mod"]), *rng.pick(&[2, 3, 7, -5, 16]));
                let v = fresh(&mut text, format!("{op}({a}, {c})"));
                pool.push(v);
            }
            5 => {
                let (op, c) = (*rng.pick(&["int_lshift", "int_rshift", "uint_rshift"]), rng.below(64));
                let v = fresh(&mut text, format!("{op}({a}, {c})"));
                pool.push(v);
            }
            6 => {
                let v = fresh(&mut text, format!("{}({a})", rng.pick(&["int_neg", "int_invert", "int_is_true"])));
                pool.push(v);
            }
            _ => {
                let op = *rng.pick(&compare);
                let c = fresh(&mut text, format!("{op}({a}, {b})"));
                let guard = *rng.pick(&["guard_true", "guard_false"]);
                text.push_str(&format!("{guard}({c}) [@0:{pc} {}]\n", state(&pool, rng)));
                pc += 1;
                pool.push(c);
            }
        }
    }
    let carried: Vec<String> = (0..3).map(|_| rng.pick(&pool).clone()).collect();
    text.push_str(&format!("jump({counter}, {})\n", carried.join(", ")));
    text
}

#[derive(Default)]
struct Frames(Vec<(u32, u32, Vec<TypedWord>)>);

impl Materializer for Frames {
    fn allocate(&mut self, _descr: DescrId, _size: &SizeDescr) -> u64 {
        unreachable!("these loops allocate nothing")
    }
    fn set_field(&mut self, _object: u64, _field: DescrId, _descr: &FieldDescr, _value: u64) {
        unreachable!("these loops allocate nothing")
    }
    fn allocate_array(&mut self, _descr: DescrId, _array: &ArrayDescr, _length: usize) -> u64 {
        unreachable!("these loops allocate nothing")
    }
    fn set_item(&mut self, _object: u64, _descr: &ArrayDescr, _index: usize, _value: u64) {
        unreachable!("these loops allocate nothing")
    }
    fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]) {
        self.0.push((code, pc, slots.to_vec()));
    }
}

/// Run a trace to its first exit and rebuild the interpreter frame there.
fn outcome(trace: &Trace, inputs: &[u64]) -> Vec<(u32, u32, Vec<TypedWord>)> {
    let mut backend = Backend::new().unwrap();
    let compiled = backend.compile(trace).unwrap_or_else(|e| panic!("{e}\n{}", print(trace)));
    let mut frame = vec![0u64; backend.frame_size().max(inputs.len())];
    frame[..inputs.len()].copy_from_slice(inputs);
    let mut ctx = JitContext::new();
    // SAFETY: integer traces read and write nothing but the frame.
    let exit = unsafe { compiled.run(&mut frame, &mut ctx) };
    let ExitKind::Guard(snapshot) = backend.exit(exit).kind else { panic!("loops only leave through guards") };
    let mut frames = Frames::default();
    rebuild(trace, snapshot, &frame, &mut frames);
    frames.0
}

#[test]
fn optimised_loops_leave_where_and_how_the_recorded_ones_do() {
    let descrs = Arc::new(DescrTable::new());
    let mut rng = Rng(seed(0x9e37_79b9_7f4a_7c15));
    let mut compared = 0;
    for case in 0..300 {
        let text = random_loop(&mut rng);
        let original = parse(&text, &descrs).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let mut optimised = original.clone();
        if optimize(&mut optimised).is_err() {
            continue; // a guard that always fails: the recorder would not compile it
        }
        for _ in 0..4 {
            let inputs: Vec<u64> = (0..4).map(|_| *rng.pick(INTERESTING) as u64).collect();
            let inputs = [&[0u64][..], &inputs[1..]].concat();
            let want = outcome(&original, &inputs);
            let got = outcome(&optimised, &inputs);
            assert_eq!(got, want, "case {case}, inputs {inputs:?}\n{text}\noptimised:\n{}", print(&optimised));
            compared += 1;
        }
    }
    assert!(compared > 800, "only {compared} runs compared");
}

// ---- loops over objects: heap cache, virtuals, guards, calls ------------------

const CLASS: u64 = 0xc1a5_5000;

/// Every object of these loops: header, class word, `value`, `next`, `immut`.
fn new_object(value: i64, immut: i64) -> u64 {
    let words = vec![0u64, CLASS, value as u64, 0, immut as u64];
    Box::leak(words.into_boxed_slice()).as_mut_ptr() as u64
}

unsafe extern "C" fn alloc_object(_ctx: *mut JitContext, size: u64) -> *mut u8 {
    let words = vec![0u64; size.div_ceil(8) as usize];
    Box::leak(words.into_boxed_slice()).as_mut_ptr() as *mut u8
}

/// Arrays of these loops: header, class word 0, length, items from byte 24.
fn new_array(length: usize) -> u64 {
    let mut words = vec![0u64; 3 + length];
    words[2] = length as u64;
    Box::leak(words.into_boxed_slice()).as_mut_ptr() as u64
}

/// A helper that reads a whole array (and cannot raise).
unsafe extern "C" fn sum_items(_ctx: *mut JitContext, array: u64) -> i64 {
    // SAFETY: the trace passes a live array of the layout above.
    unsafe {
        let words = array as *const i64;
        (0..*words.add(2) as usize).fold(0i64, |sum, k| sum.wrapping_add(*words.add(3 + k)))
    }
}

/// A helper that may raise: adds 10 to `value`, raising when it was 7.
unsafe extern "C" fn bump(ctx: *mut JitContext, object: u64) {
    // SAFETY: the trace passes a live object of the layout above.
    unsafe {
        let value = (object as *mut i64).add(2);
        if *value == 7 {
            (*ctx).exception = 0xe;
        }
        *value = (*value).wrapping_add(10);
    }
}

/// A helper that may run Python code: here, it doubles `value` and points
/// `next` at the object itself.
unsafe extern "C" fn poke(_ctx: *mut JitContext, object: u64) {
    // SAFETY: the trace passes a live object of the layout above.
    unsafe {
        let value = (object as *mut i64).add(2);
        *value = (*value).wrapping_mul(2);
        *((object + 24) as *mut u64) = object;
    }
}

fn heap_descrs() -> Arc<DescrTable> {
    use krait_jit::ir::descr::CallDescr;
    use krait_jit::ir::{Descr, EffectClass, Type};
    let mut t = DescrTable::new();
    let value = t.field("value", 16, Type::Int);
    t.field("next", 24, Type::Ref);
    t.immutable_field("immut", 32, Type::Int);
    t.size("box", 40, CLASS);
    t.add(
        "bump",
        Descr::Call(CallDescr {
            func: bump as *const () as usize,
            args: vec![Type::Ref],
            result: Type::Void,
            effect: EffectClass::CanRaise,
            writes_fields: vec![value],
            writes_arrays: vec![],
        }),
    );
    t.add(
        "poke",
        Descr::Call(CallDescr {
            func: poke as *const () as usize,
            args: vec![Type::Ref],
            result: Type::Void,
            effect: EffectClass::MayForce,
            writes_fields: vec![],
            writes_arrays: vec![],
        }),
    );
    t.array("arr", 24, 16, Type::Int);
    t.add(
        "sumitems",
        Descr::Call(CallDescr {
            func: sum_items as *const () as usize,
            args: vec![Type::Ref],
            result: Type::Int,
            effect: EffectClass::CanRaise,
            writes_fields: vec![],
            writes_arrays: vec![],
        }),
    );
    Arc::new(t)
}

fn random_heap_loop(rng: &mut Rng) -> String {
    let mut text = String::from("[i0, i1, p2, p3]\nlabel(i4, i5, p6, p7)\n");
    let mut next = 8;
    let mut ints: Vec<String> = vec!["i5".into()];
    let mut refs: Vec<String> = vec!["p6".into(), "p7".into()];
    let mut pc = 1;
    let mut fresh = |text: &mut String, prefix: char, op: String| {
        let name = format!("{prefix}{next}");
        next += 1;
        text.push_str(&format!("{name} = {op}\n"));
        name
    };
    let counter = fresh(&mut text, 'i', "int_add(i4, 1)".into());
    let stop = fresh(&mut text, 'i', format!("int_lt({counter}, 12)"));
    let mut arrays: Vec<(String, usize)> = Vec::new();
    let state = |ints: &[String], refs: &[String], rng: &mut Rng| -> String {
        format!("{counter}, {}, {}, {}", rng.pick(ints), rng.pick(refs), rng.pick(refs))
    };
    // Resume data may also mention arrays.
    let with_arrays = |refs: &[String], arrays: &[(String, usize)]| {
        [refs, &arrays.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>()].concat()
    };
    text.push_str(&format!("guard_true({stop}) [@0:0 {}]\n", state(&ints, &with_arrays(&refs, &arrays), rng)));
    for _ in 0..(3 + rng.below(14)) {
        let p = rng.pick(&refs).clone();
        let i = rng.pick(&ints).clone();
        match rng.below(19) {
            15 => {
                let n = rng.below(5);
                let a = fresh(&mut text, 'p', format!("new_array({n}, descr=arr)"));
                arrays.push((a, n));
            }
            16 | 17 if arrays.iter().any(|(_, n)| *n > 0) => {
                let full: Vec<&(String, usize)> = arrays.iter().filter(|(_, n)| *n > 0).collect();
                let (a, n) = (*rng.pick(&full)).clone();
                let index = rng.below(n);
                if rng.below(2) == 0 {
                    text.push_str(&format!("setarrayitem_gc({a}, {index}, {i}, descr=arr)\n"));
                } else {
                    let v = fresh(&mut text, 'i', format!("getarrayitem_gc_i({a}, {index}, descr=arr)"));
                    ints.push(v);
                }
            }
            18 if !arrays.is_empty() => {
                let (a, _) = rng.pick(&arrays).clone();
                let v = if rng.below(2) == 0 {
                    fresh(&mut text, 'i', format!("arraylen_gc({a}, descr=arr)"))
                } else {
                    fresh(&mut text, 'i', format!("call_i({a}, descr=sumitems)"))
                };
                ints.push(v);
            }
            11 => {
                let q = rng.pick(&refs).clone();
                let same = fresh(&mut text, 'i', format!("ptr_eq({p}, {q})"));
                let guard = *rng.pick(&["guard_true", "guard_false"]);
                text.push_str(&format!(
                    "{guard}({same}) [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
            12 => {
                text.push_str(&format!("call_may_force_n({p}, descr=poke)\n"));
                text.push_str(&format!(
                    "guard_not_forced() [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
            13 => {
                let c = *rng.pick(&[0i64, 5, 7, 17]);
                text.push_str(&format!(
                    "guard_value({i}, {c}) [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
            14 => {
                let c = *rng.pick(INTERESTING);
                let op = *rng.pick(&["int_add_ovf", "int_mul_ovf", "int_sub_ovf"]);
                let v = fresh(&mut text, 'i', format!("{op}({i}, {c})"));
                text.push_str(&format!(
                    "guard_no_overflow() [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
                ints.push(v);
            }
            0 | 1 => {
                let v = fresh(&mut text, 'i', format!("getfield_gc_i({p}, descr=value)"));
                ints.push(v);
            }
            2 => {
                let v = fresh(&mut text, 'i', format!("getfield_gc_i({p}, descr=immut)"));
                ints.push(v);
            }
            3 => text.push_str(&format!("setfield_gc({p}, {i}, descr=value)\n")),
            4 => {
                let b = fresh(&mut text, 'p', "new_with_vtable(descr=box)".into());
                text.push_str(&format!("setfield_gc({b}, {i}, descr=value)\n"));
                refs.push(b);
            }
            5 => {
                let q = rng.pick(&refs).clone();
                text.push_str(&format!("setfield_gc({p}, {q}, descr=next)\n"));
            }
            6 => {
                let q = fresh(&mut text, 'p', format!("getfield_gc_r({p}, descr=next)"));
                text.push_str(&format!(
                    "guard_nonnull({q}) [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
                refs.push(q);
            }
            7 => {
                text.push_str(&format!(
                    "guard_class({p}, ConstPtr({CLASS:#x})) [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
            8 => {
                text.push_str(&format!("call_n({p}, descr=bump)\n"));
                text.push_str(&format!(
                    "guard_no_exception() [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
            9 => {
                let c = rng.pick(INTERESTING);
                let op = *rng.pick(&["int_add", "int_sub", "int_and", "int_xor"]);
                let v = fresh(&mut text, 'i', format!("{op}({i}, {c})"));
                ints.push(v);
            }
            _ => {
                let c = *rng.pick(&[0i64, 5, 7, 10, 17, 100]);
                let cmp = fresh(&mut text, 'i', format!("{}({i}, {c})", rng.pick(&["int_lt", "int_eq", "int_ge"])));
                let guard = *rng.pick(&["guard_true", "guard_false"]);
                text.push_str(&format!(
                    "{guard}({cmp}) [@0:{pc} {}]\n",
                    state(&ints, &with_arrays(&refs, &arrays), rng)
                ));
                pc += 1;
            }
        }
    }
    text.push_str(&format!("jump({counter}, {}, {}, {})\n", rng.pick(&ints), rng.pick(&refs), rng.pick(&refs)));
    text
}

/// Materialises virtuals as real objects of the same layout.
#[derive(Default)]
struct Heap(Vec<(u32, u32, Vec<TypedWord>)>);

impl Materializer for Heap {
    fn allocate(&mut self, _descr: DescrId, size: &SizeDescr) -> u64 {
        let object = new_object(0, 0);
        // SAFETY: a fresh object of five words; the class word is the second.
        unsafe { *((object + 8) as *mut u64) = size.vtable };
        object
    }
    fn set_field(&mut self, object: u64, _field: DescrId, descr: &FieldDescr, value: u64) {
        // SAFETY: a fresh object of the layout the descriptors describe.
        unsafe { *((object + descr.offset as u64) as *mut u64) = value };
    }
    fn allocate_array(&mut self, _descr: DescrId, _array: &ArrayDescr, length: usize) -> u64 {
        new_array(length)
    }
    fn set_item(&mut self, object: u64, descr: &ArrayDescr, index: usize, value: u64) {
        // SAFETY: a fresh array of the layout the descriptor describes, `index` inside it.
        unsafe { *((object + descr.base_offset as u64 + 8 * index as u64) as *mut u64) = value };
    }
    fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]) {
        self.0.push((code, pc, slots.to_vec()));
    }
}

/// An object graph as text, to compare runs whose addresses differ.
fn describe(word: u64, depth: usize) -> String {
    if word == 0 {
        return "null".into();
    }
    if depth == 0 {
        return "...".into();
    }
    // SAFETY: every non-null ref in these loops is an object of five words
    // or an array (class word 0) with its length in the third word.
    let fields = unsafe { std::slice::from_raw_parts(word as *const u64, 3) };
    if fields[1] == 0 {
        // SAFETY: as above, the array's items follow its length.
        let items = unsafe { std::slice::from_raw_parts((word + 24) as *const i64, fields[2] as usize) };
        return format!("{items:?}");
    }
    // SAFETY: as above.
    let fields = unsafe { std::slice::from_raw_parts(word as *const u64, 5) };
    format!("{{{:#x} {} {} {}}}", fields[1], fields[2] as i64, fields[4] as i64, describe(fields[3], depth - 1))
}

fn heap_outcome(trace: &Trace, seed: &[i64; 4]) -> (u32, Vec<String>, String, u64) {
    let mut backend = Backend::new().unwrap();
    let compiled = backend.compile(trace).unwrap_or_else(|e| panic!("{e}\n{}", print(trace)));
    let a = new_object(seed[0], seed[1]);
    let b = new_object(seed[2], seed[3]);
    // SAFETY: `a` has five words; make `a.next` point at `b`.
    unsafe { *((a + 24) as *mut u64) = b };
    let mut frame = vec![0u64; backend.frame_size().max(4)];
    frame[..4].copy_from_slice(&[0, seed[1] as u64, a, b]);
    let mut ctx = JitContext { alloc: Some(alloc_object), ..JitContext::new() };
    // SAFETY: refs are objects of the descriptors' layout, allocation goes
    // through `alloc_object`, and calls to `bump`, which takes such an object.
    let exit = unsafe { compiled.run(&mut frame, &mut ctx) };
    let ExitKind::Guard(snapshot) = backend.exit(exit).kind else { panic!("loops only leave through guards") };
    let mut heap = Heap::default();
    rebuild(trace, snapshot, &frame, &mut heap);
    let (_, pc, slots) = &heap.0[0];
    let slots = slots
        .iter()
        .map(|s| match s.ty {
            krait_jit::ir::Type::Ref => describe(s.bits, 3),
            _ => (s.bits as i64).to_string(),
        })
        .collect();
    (*pc, slots, format!("{} {}", describe(a, 3), describe(b, 3)), ctx.exception)
}

#[test]
fn optimised_loops_over_objects_leave_with_the_same_frame_and_heap() {
    let descrs = heap_descrs();
    let mut rng = Rng(seed(0x2545_f491_4f6c_dd1d));
    let mut compared = 0;
    for case in 0..300 {
        let text = random_heap_loop(&mut rng);
        let original = parse(&text, &descrs).unwrap_or_else(|e| panic!("{e}\n{text}"));
        krait_jit::ir::verify(&original).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let mut optimised = original.clone();
        if optimize(&mut optimised).is_err() {
            continue;
        }
        for _ in 0..3 {
            let seed = [0, 1, 2, 3].map(|_| *rng.pick(&[0i64, 1, 5, 7, 10, 17, -3]));
            let want = heap_outcome(&original, &seed);
            let got = heap_outcome(&optimised, &seed);
            assert_eq!(got, want, "case {case}, seed {seed:?}\n{text}\noptimised:\n{}", print(&optimised));
            compared += 1;
        }
    }
    assert!(compared > 450, "only {compared} runs compared");
}

// ---- loops over floats ---------------------------------------------------------

const FLOATS: &[f64] = &[0.0, -0.0, 0.5, -1.5, 3.0, 1e300, -1e-300, 1e16, f64::INFINITY];

fn random_float_loop(rng: &mut Rng) -> String {
    let mut text = String::from("[i0, f1, f2]\nlabel(i3, f4, f5)\n");
    let mut next = 6;
    let mut floats: Vec<String> = vec!["f4".into(), "f5".into()];
    let mut ints: Vec<String> = vec![];
    let mut pc = 1;
    let mut fresh = |text: &mut String, prefix: char, op: String| {
        let name = format!("{prefix}{next}");
        next += 1;
        text.push_str(&format!("{name} = {op}\n"));
        name
    };
    let counter = fresh(&mut text, 'i', "int_add(i3, 1)".into());
    let stop = fresh(&mut text, 'i', format!("int_lt({counter}, 15)"));
    let state = |floats: &[String], rng: &mut Rng| -> String {
        format!("{counter}, {}, {}", rng.pick(floats), rng.pick(floats))
    };
    text.push_str(&format!("guard_true({stop}) [@0:0 {}]\n", state(&floats, rng)));
    for _ in 0..(3 + rng.below(10)) {
        let a = rng.pick(&floats).clone();
        let b = if rng.below(3) == 0 {
            krait_jit::ir::Const::Float(*rng.pick(FLOATS)).to_string()
        } else {
            rng.pick(&floats).clone()
        };
        match rng.below(6) {
            0..=2 => {
                let op = *rng.pick(&["float_add", "float_sub", "float_mul", "float_truediv"]);
                let v = fresh(&mut text, 'f', format!("{op}({a}, {b})"));
                floats.push(v);
            }
            3 => {
                let v = fresh(&mut text, 'f', format!("{}({a})", rng.pick(&["float_neg", "float_abs"])));
                floats.push(v);
            }
            4 => {
                let i = fresh(&mut text, 'i', format!("cast_float_to_int({a})"));
                let f = fresh(&mut text, 'f', format!("cast_int_to_float({i})"));
                ints.push(i);
                floats.push(f);
            }
            _ => {
                let op = *rng.pick(&["float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"]);
                let c = fresh(&mut text, 'i', format!("{op}({a}, {b})"));
                let guard = *rng.pick(&["guard_true", "guard_false"]);
                text.push_str(&format!("{guard}({c}) [@0:{pc} {}]\n", state(&floats, rng)));
                pc += 1;
            }
        }
    }
    text.push_str(&format!("jump({counter}, {}, {})\n", rng.pick(&floats), rng.pick(&floats)));
    text
}

#[test]
fn optimised_float_loops_leave_where_and_how_the_recorded_ones_do() {
    let descrs = Arc::new(DescrTable::new());
    let mut rng = Rng(seed(0x5851_f42d_4c95_7f2d));
    let mut compared = 0;
    for case in 0..200 {
        let text = random_float_loop(&mut rng);
        let original = parse(&text, &descrs).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let mut optimised = original.clone();
        if optimize(&mut optimised).is_err() {
            continue;
        }
        for _ in 0..3 {
            let inputs = [0, rng.pick(FLOATS).to_bits(), rng.pick(FLOATS).to_bits()];
            let want = outcome(&original, &inputs);
            let got = outcome(&optimised, &inputs);
            // Compare floats by bits: NaN payloads and signed zeros must survive.
            assert_eq!(got, want, "case {case}, inputs {inputs:?}\n{text}\noptimised:\n{}", print(&optimised));
            compared += 1;
        }
    }
    assert!(compared > 300, "only {compared} runs compared");
}
