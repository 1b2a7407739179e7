//! End to end through the VM: a Python snippet runs with the JIT installed,
//! and the tests assert on the ops of the optimised traces it produced (in
//! the spirit of PyPy's `test_pypy_c`), as well as on what the program
//! computed.

use std::cell::RefCell;
use std::rc::Rc;

use krait_jit::driver::Jit;
use krait_vm::vm::{Vm, VmConfig};

/// Run `source` as `__main__` with a JIT of threshold `threshold`; the exit
/// status, the optimised traces, and the JIT's statistics.
fn run(source: &str, threshold: u32) -> (u8, Vec<String>, krait_jit::driver::Stats) {
    let (status, _, optimised, stats) = run_recording(source, threshold);
    (status, optimised, stats)
}

/// [`run`], with the traces as recorded too (before optimisation).
fn run_recording(source: &str, threshold: u32) -> (u8, Vec<String>, Vec<String>, krait_jit::driver::Stats) {
    let source = source.to_string();
    // The interpreter wants a large native stack, as the `krait` binary gives it.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let config = VmConfig {
                argv: vec![String::new()],
                path: Vec::new(),
                gc_stress: false,
                hash_seed: Some(0),
                executable: String::new(),
                stdlib: None,
            };
            let mut vm = Vm::new(config);
            krait_stdlib::register_all(&mut vm);
            let sink = Rc::new(RefCell::new(Vec::new()));
            let recorded = Rc::new(RefCell::new(Vec::new()));
            let stats = Rc::new(RefCell::new(None));
            let mut jit = Jit::new(threshold, None, false).expect("a backend");
            jit.trace_sink = Some(sink.clone());
            jit.recorded_sink = Some(recorded.clone());
            jit.stats_sink = Some(stats.clone());
            vm.jit.install(Box::new(jit), threshold);
            let status = krait_vm::toplevel::run_main(&mut vm, &source, "<test>", None);
            krait_vm::jit_hooks::finish(&mut vm);
            let traces = sink.borrow().clone();
            let recorded = recorded.borrow().clone();
            let stats = stats.borrow().expect("finish reports the statistics");
            (status, recorded, traces, stats)
        })
        .expect("a thread")
        .join()
        .expect("the program ran")
}

/// The loop body of an optimised trace: what follows its `label`.
fn body(trace: &str) -> &str {
    &trace[trace.find("label").expect("a peeled loop has a label")..]
}

#[test]
fn a_float_sum_over_a_range_keeps_nothing_boxed_in_the_loop() {
    let (status, traces, stats) = run(
        "def f(n):\n    s = 0.0\n    for i in range(n):\n        s += i * 0.5\n    return s\n\
         assert f(5000) == 6248750.0\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(traces.len(), 1, "{traces:?}");
    let loop_body = body(&traces[0]);
    // One call advances the range iterator; the sum stays a raw float: no
    // tag tests, no allocation, no boxing or unboxing of the float.
    assert!(loop_body.contains("call_i(") && loop_body.contains("float_add("), "{loop_body}");
    for op in ["new", "int_and", "int_or", "guard_class", "guard_value", "getfield", "setfield"] {
        assert!(!loop_body.contains(op), "{op} left in the loop:\n{loop_body}");
    }
    assert_eq!(stats.compiled, 1);
    assert_eq!(stats.guard_failures, 1, "only the range's end leaves the loop");
}

#[test]
fn an_int_while_loop_keeps_overflow_checks_and_drops_the_modulo_zero_check() {
    let (status, traces, _) = run(
        "def f(n):\n    total = 0\n    i = 0\n    while i < n:\n        total += i * 3 % 7\n        i += 1\n    return total\n\
         assert f(5000) == 14997\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(traces.len(), 1, "{traces:?}");
    let loop_body = body(&traces[0]);
    assert!(loop_body.contains("int_mul_ovf(") && loop_body.contains("guard_no_overflow()"), "{loop_body}");
    assert!(loop_body.contains("int_mod("), "{loop_body}");
    // `% 7` divides by a constant: the non-zero guard folds away.
    assert!(!loop_body.contains("int_is_true"), "{loop_body}");
    assert!(loop_body.contains("int_lt(") && loop_body.contains("guard_true("), "{loop_body}");
}

#[test]
fn an_overflowing_loop_leaves_through_its_overflow_guard_into_big_ints() {
    let (status, traces, stats) = run(
        "def f(n):\n    x = 1\n    for i in range(n):\n        x = x * 3 + 1\n    return x\n\
         assert f(3000) % 1000000007 == 872503624\n",
        5,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1, "{traces:?}");
    assert!(stats.guard_failures >= 1);
}

#[test]
fn a_loop_with_an_unsupported_body_aborts_and_the_program_still_runs() {
    let (status, traces, stats) = run(
        "def f(n):\n    items = set()\n    for i in range(n):\n        items.add(i)\n    return len(items)\n\
         assert f(3000) == 3000\n",
        10,
    );
    assert_eq!(status, 0);
    assert!(traces.is_empty(), "{traces:?}");
    assert!(stats.aborted >= 1 && stats.aborted < 10, "aborts back off: {stats:?}");
}

#[test]
fn a_local_that_changes_type_fails_the_guard_with_the_exact_state() {
    let (status, _, stats) = run(
        "def f(n):\n    x = 0\n    for i in range(n):\n        if i == 1000:\n            x = x + 0.5\n        x = x + 1\n    return x\n\
         assert f(2000) == 2000.5, f(2000)\n",
        10,
    );
    assert_eq!(status, 0);
    assert!(stats.compiled >= 1 && stats.guard_failures >= 1, "{stats:?}");
}

#[test]
fn a_loop_whose_branch_alternates_gets_a_bridge_and_stays_in_machine_code() {
    let (status, _, stats) = run(
        "def f(n):\n    a = 0\n    for i in range(n):\n        if i % 2 == 0:\n            a += 1\n    return a\n\
         assert f(20000) == 10000\n",
        10,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1);
    // The other side of the `if` fails its guard until the guard has
    // failed `threshold` times; from then on the bridge runs it and jumps
    // back into the loop, which leaves only at the range's end.
    assert_eq!(stats.bridges, 1, "{stats:?}");
    assert_eq!(stats.unprofitable, 0, "{stats:?}");
    assert!(stats.entered <= 12, "{stats:?}");
}

#[test]
fn a_loop_that_always_leaves_after_a_few_iterations_is_put_aside() {
    let (status, _, stats) = run(
        "def g(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n\
         for _ in range(3000):\n    assert g([1, 2, 3]) == 6\n",
        10,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1);
    // The exit at the list's end leaves the loop: its bridge aborts.
    assert_eq!(stats.bridges, 0, "{stats:?}");
    assert_eq!(stats.unprofitable, 1, "{stats:?}");
    assert!(stats.entered < 300, "{stats:?}");
}

#[test]
fn the_recorder_turns_a_float_sum_over_a_range_into_this_trace() {
    let (status, recorded, _, _) = run_recording(
        "def f(n):\n    s = 0.0\n    for i in range(n):\n        s += i * 0.5\n    return s\n\
         assert f(500) == 62375.0\n",
        100,
    );
    assert_eq!(status, 0);
    // Inputs: the iteration counter, then `n` (a doubled int), `s` (a raw
    // float), `i` (a doubled int) and the range iterator on the stack. The
    // guard resumes at FOR_ITER_RANGE (index 15) with the frame as it was.
    assert_eq!(
        recorded,
        vec!["[i0, i1, f2, i3, p4]
label(i5, i6, f7, i8, p9)
i10 = call_i(p9, descr=range_next)
i11 = int_is_true(i10)
guard_true(i11) [@0:15 i5, i6, f7, i8, p9]
i12 = int_sub(i10, 1)
i13 = int_rshift(i12, 1)
f14 = cast_int_to_float(i13)
f15 = float_mul(f14, 0.5)
f16 = float_add(f7, f15)
i17 = int_add(i5, 1)
jump(i17, i6, f16, i12, p9)
"
        .to_string()]
    );
}

#[test]
fn a_sum_over_a_list_and_a_tuple_subscript_compile_with_helper_calls() {
    let (status, traces, stats) = run(
        "def f(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n\
         def g(t, n):\n    s = 0.0\n    i = 0\n    while i < n:\n        s += t[i]\n        i += 1\n    return s\n\
         assert f(list(range(5000))) == 12497500\n\
         assert g(tuple([0.5] * 5000), 5000) == 2500.0\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(traces.len(), 2, "{traces:?}");
    let (list_loop, tuple_loop) = (body(&traces[0]), body(&traces[1]));
    // An int item's tag is tested and removed inline, with no call.
    assert!(list_loop.contains("descr=list_next") && list_loop.contains("cast_ptr_to_int"), "{list_loop}");
    assert!(!list_loop.contains("call_pure"), "{list_loop}");
    // A float item is read, checked and unboxed by one call.
    assert!(tuple_loop.contains("descr=tuple_item_float") && !tuple_loop.contains("float_value"), "{tuple_loop}");
    assert_eq!(stats.compiled, 2);
    assert_eq!(stats.guard_failures, 2, "only the ends of the loops leave them:\n{list_loop}\n{tuple_loop}");
}

#[test]
fn an_nbody_style_loop_reads_and_writes_float_attributes_as_fields() {
    let (status, traces, stats) = run(
        "import math\n\
         class B:\n    def __init__(self, x, v):\n        self.x = x\n        self.v = v\n\
         def step(pairs, dt):\n    for a, b in pairs:\n        d = a.x - b.x\n        m = dt / (d * d * math.sqrt(d * d) + 1.0)\n        a.v -= d * m\n        b.v += d * m\n\
         bodies = [B(float(i), 0.5) for i in range(6)]\n\
         pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]\n\
         for _ in range(200):\n    step(pairs, 0.01)\n\
         assert abs(sum(b.v for b in bodies) - 3.0) < 1e-9, [b.v for b in bodies]\n",
        50,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1, "{traces:?}");
    let loop_body = body(&traces[0]);
    // `math` is a constant (an assumption checked on entry), not looked up.
    assert!(!loop_body.contains("global_value"), "{loop_body}");
    // The attributes are fields of the objects, under guards on their
    // classes and maps; the floats in them are unboxed and boxed inline
    // (immediate floats): no call but the square root is left.
    for op in ["getfield_gc_r", "setfield_gc", "convert_longlong_bytes_to_float", "convert_float_bytes_to_longlong"] {
        assert!(loop_body.contains(op), "no {op} in\n{loop_body}");
    }
    // The square root is an op, the pair tuple an array read: the only
    // call left is the iteration's.
    assert!(loop_body.contains("float_sqrt(") && loop_body.contains("getarrayitem_gc_r"), "{loop_body}");
    let calls: Vec<&str> = loop_body.lines().filter(|l| l.contains("call")).collect();
    assert!(calls.iter().all(|l| l.contains("list_next")), "{calls:?}");
}

#[test]
fn an_inner_loops_exit_bridges_through_the_outer_loop_back_into_it() {
    let (status, _, stats) = run(
        "def f(rows, n):\n    t = 0.0\n    for _ in range(n):\n        for r in rows:\n            t += r\n        for k in (1, 2):\n            t -= k\n    return t\n\
         assert f([0.5, 1.5, 2.5], 3000) == 4500.0\n",
        20,
    );
    assert_eq!(status, 0);
    // The inner loop's exhaustion guard gets the bridge: the rest of the
    // outer body (the small loop unrolled), the outer `for`, a new
    // iterator, and back into the inner loop; after that, compiled code
    // is left only when the outer range ends.
    assert_eq!(stats.bridges, 1, "{stats:?}");
    assert!(stats.entered < 30, "{stats:?}");
}

#[test]
fn a_float_sum_over_a_list_takes_each_item_unboxed_in_one_call() {
    let (status, traces, stats) = run(
        "def f(xs):\n    t = 0.0\n    for x in xs:\n        t += x * x\n    return t\n\
         assert f([0.5] * 3000 + [2] + [0.5] * 10) == 756.5\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1, "{traces:?}");
    let loop_body = body(&traces[0]);
    assert!(loop_body.contains("list_next_float") && loop_body.contains("guard_no_exception"), "{loop_body}");
    for op in ["kind_code", "float_value", "list_next("] {
        assert!(!loop_body.contains(op), "{op} left in the loop:\n{loop_body}");
    }
}

#[test]
fn calls_of_python_functions_and_methods_are_inlined_into_the_loop() {
    let (status, traces, stats) = run(
        "def add(a, b):\n    return a + b\n\
         def scale(x, k=3):\n    return x * k\n\
         class P:\n    def __init__(self):\n        self.x = 0\n    def bump(self, d):\n        self.x = add(self.x, d)\n\
         def f(n):\n    p = P()\n    t = 0\n    for i in range(n):\n        t = add(t, scale(i))\n        p.bump(i)\n    return t + p.x\n\
         assert f(3000) == 3 * 4498500 + 4498500\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.compiled, 1, "{traces:?}");
    let loop_body = body(&traces[0]);
    // The functions are constants (their versions assumed on entry); what
    // is left of the calls is their arithmetic and the attribute accesses.
    assert!(loop_body.contains("int_mul_ovf") && loop_body.contains("setfield_gc"), "{loop_body}");
    assert!(!loop_body.contains("global_value"), "{loop_body}");
    assert_eq!(stats.guard_failures, 1, "only the range's end leaves the loop:\n{loop_body}");
}

#[test]
fn a_changed_global_or_function_invalidates_the_loop_that_assumed_it() {
    let (status, _, stats) = run(
        "K = 2\n\
         def g(x):\n    return x + 1\n\
         def f(n):\n    t = 0\n    for i in range(n):\n        t += g(i) * K\n    return t\n\
         assert f(1000) == 1001000\n\
         K = 3\n\
         assert f(1000) == 1501500\n\
         def h(x):\n    return x - 1\n\
         g.__code__ = h.__code__\n\
         assert f(1000) == 1495500\n",
        100,
    );
    assert_eq!(status, 0);
    assert_eq!(stats.invalidated, 2, "{stats:?}");
}

#[test]
fn a_generator_expression_summed_compiles_with_its_yield_handed_to_sum() {
    let (status, traces, stats) = run(
        "def entry(i, j):\n    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)\n\
         def row(i, v):\n    return sum(entry(i, j) * v[j] for j in range(len(v)))\n\
         v = [1.0] * 500\n\
         assert abs(sum(row(i, v) for i in range(4)) - 4.742433978832871) < 1e-12\n",
        100,
    );
    assert_eq!(status, 0);
    let genexpr = traces.iter().find(|t| t.contains("yield_value")).expect("a loop that yields");
    let loop_body = body(genexpr);
    // `entry` is inlined: its arithmetic is in the loop, no call of it.
    assert!(loop_body.contains("float_truediv") && loop_body.contains("list_item_float"), "{loop_body}");
    assert!(stats.guard_failures <= 8, "one exit per generator at most: {stats:?}\n{loop_body}");
}
