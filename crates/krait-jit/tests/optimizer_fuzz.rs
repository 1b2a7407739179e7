//! Differential fuzzing of the optimiser: random integer loops are compiled
//! as recorded and as optimised, run on the same inputs, and must leave
//! through the same guard (identified by its resume data's instruction
//! index) with the same rebuilt frame. A tiny xorshift generator keeps the
//! test deterministic and dependency-free.

use std::sync::Arc;

use krait_jit::backend::{Backend, ExitKind, JitContext};
use krait_jit::ir::descr::{FieldDescr, SizeDescr};
use krait_jit::ir::resume::{rebuild, Materializer, TypedWord};
use krait_jit::ir::{parse, print, DescrId, DescrTable, Trace};
use krait_jit::opt::optimize;

struct Rng(u64);

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
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
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
