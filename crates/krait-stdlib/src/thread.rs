//! The `_thread` module (CPython 3.11: `Modules/_threadmodule.c`), for a
//! VM that runs one Python thread.
//!
//! Locks have CPython's surface and error messages. Since no other thread
//! exists to release a lock, acquiring a held lock with a timeout waits the
//! timeout out and fails, as CPython would, and acquiring it with no timeout
//! (which would hang forever in CPython) raises `RuntimeError` instead.
//! `start_new_thread` fails with CPython's "can't start new thread".

use std::cell::Cell;
use std::time::Duration;

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload};
use krait_vm::protocol::object;
use krait_vm::types::float;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::typeobject::PyType;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

/// CPython's on 64-bit Linux: the largest timeout in seconds.
const TIMEOUT_MAX: f64 = 9223372036.0;

pub static THREAD: NativeModuleDef = NativeModuleDef {
    name: "_thread",
    doc: "This module provides primitive operations to write multi-threaded programs.\n\
          The 'threading' module provides a more convenient interface.",
    methods: &[
        MethodDef::function("get_ident", thread_get_ident),
        MethodDef::function("get_native_id", thread_get_native_id),
        MethodDef::function("allocate_lock", thread_allocate_lock),
        MethodDef::function("allocate", thread_allocate_lock),
        MethodDef::function("_set_sentinel", thread_allocate_lock),
        MethodDef::function("_count", |vm, args| {
            args.exact::<0>(vm, "_count")?;
            Ok(Value::from_small(0))
        }),
        MethodDef::function("stack_size", |vm, args| {
            args.positional_range(vm, "stack_size", 0, 1)?;
            Ok(Value::from_small(0))
        }),
        MethodDef::function("start_new_thread", start_new_thread),
        MethodDef::function("start_new", start_new_thread),
    ],
    init: Some(thread_init),
};

fn thread_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let lock = new_native_type(vm, &LOCK_SPEC, None, "_thread");
    module.set_attr(vm, "LockType", lock.value());
    let rlock = new_native_type(vm, &RLOCK_SPEC, None, "_thread");
    module.set_attr(vm, "RLock", rlock.value());
    let timeout_max = vm.new_float(TIMEOUT_MAX);
    module.set_attr(vm, "TIMEOUT_MAX", timeout_max);
    let error = vm.exceptions.runtime_error.value();
    module.set_attr(vm, "error", error);
    Ok(())
}

fn current_ident() -> i64 {
    // SAFETY: pthread_self has no preconditions.
    (unsafe { libc::pthread_self() }) as i64
}

fn thread_get_ident(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "get_ident")?;
    Ok(vm.new_int(current_ident()))
}

fn thread_get_native_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "get_native_id")?;
    // SAFETY: the gettid system call has no arguments and cannot fail.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    Ok(vm.new_int(tid))
}

fn thread_allocate_lock(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "allocate_lock")?;
    let ty = crate::util::module_type(vm, "_thread", "LockType")?;
    Ok(new_native_object(vm, Lock { count: Cell::new(0), owner: Cell::new(0) }, ty))
}

fn start_new_thread(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.positional_range(vm, "start_new_thread", 2, 3)?;
    Err(vm.runtime_error("can't start new thread"))
}

/// A lock or (with `count > 1` possible) an RLock.
struct Lock {
    /// Acquisitions held: 0 or 1 for a lock.
    count: Cell<u64>,
    /// The owning thread's ident (RLock only).
    owner: Cell<i64>,
}

impl NativeData for Lock {
    fn trace(&self, _tracer: &mut Tracer) {}
}

fn lock_of(vm: &mut Vm, this: Value) -> PyResult<&'static Lock> {
    native_data::<Lock>(this).ok_or_else(|| {
        let tn = vm.type_name(this);
        vm.type_error(format!("descriptor requires a '_thread.lock' object but received '{tn}'"))
    })
}

static ACQUIRE_SIG: Signature =
    Signature { name: "acquire", params: &["blocking", "timeout"], positional_only: 0, keyword_only: 2, required: 0 };

/// CPython's `lock_acquire_parse_args`: the timeout in seconds, `None` for
/// "forever", `Some(0)` for non-blocking.
fn parse_acquire(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<f64>> {
    let rest = args.skip_self();
    let given = rest.positional().len() + rest.kwnames().map_or(0, |k| k.len());
    if given > 2 {
        return Err(vm.type_error(format!("acquire() takes at most 2 arguments ({given} given)")));
    }
    for (name, _) in rest.kwargs() {
        if name.as_str() != "blocking" && name.as_str() != "timeout" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for acquire()", name.as_str())));
        }
    }
    let [blocking, timeout] = rest.bind::<2>(vm, &ACQUIRE_SIG)?;
    let blocking = if blocking.is_null() { true } else { object::truthy(vm, blocking)? };
    let timeout = if timeout.is_null() {
        -1.0
    } else if let Some(f) = float::as_f64(timeout) {
        f
    } else {
        krait_vm::protocol::number::to_i64(vm, timeout)? as f64
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok(if !blocking {
        Some(0.0)
    } else if timeout == -1.0 {
        None
    } else {
        Some(timeout)
    })
}

/// Wait for a lock no other thread can release.
fn wait_held(vm: &mut Vm, timeout: Option<f64>) -> PyResult<Value> {
    match timeout {
        Some(seconds) => {
            if seconds > 0.0 {
                std::thread::sleep(Duration::from_secs_f64(seconds));
            }
            Ok(vm.bool_value(false))
        }
        None => Err(vm.runtime_error("deadlock: the lock is held and no other thread can release it")),
    }
}

fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    let timeout = parse_acquire(vm, &args)?;
    if lock.count.get() == 0 {
        lock.count.set(1);
        return Ok(vm.bool_value(true));
    }
    wait_held(vm, timeout)
}

fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<1>(vm, "release")?;
    release(vm, args.this())
}

/// `__exit__(*exc_info)`: release, whatever the arguments.
fn lock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    release(vm, args.this())
}

fn release(vm: &mut Vm, this: Value) -> PyResult {
    let lock = lock_of(vm, this)?;
    if lock.count.get() == 0 {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    lock.count.set(0);
    Ok(vm.none())
}

fn lock_locked(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<1>(vm, "locked")?;
    let lock = lock_of(vm, args.this())?;
    Ok(vm.bool_value(lock.count.get() > 0))
}

fn lock_at_fork_reinit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    lock.count.set(0);
    lock.owner.set(0);
    Ok(vm.none())
}

fn object_address(v: Value) -> usize {
    v.header().map_or(0, |h| h as *const _ as usize)
}

fn lock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let lock = lock_of(vm, this)?;
    let state = if lock.count.get() > 0 { "locked" } else { "unlocked" };
    let cls = vm.class_of(this);
    let module = cls.module_name(vm).unwrap_or_default();
    let name = cls.name().to_string();
    let text = format!("<{state} {module}.{name} object at {:#x}>", object_address(this));
    Ok(vm.new_str(&text))
}

fn lock_new(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("cannot create '_thread.lock' instances"))
}

static LOCK_SPEC: TypeSpec = TypeSpec {
    name: "lock",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", lock_new),
        MethodDef::method("acquire", lock_acquire),
        MethodDef::method("acquire_lock", lock_acquire),
        MethodDef::method("__enter__", lock_acquire),
        MethodDef::method("release", lock_release),
        MethodDef::method("release_lock", lock_release),
        MethodDef::method("__exit__", lock_exit),
        MethodDef::method("locked", lock_locked),
        MethodDef::method("locked_lock", lock_locked),
        MethodDef::method("_at_fork_reinit", lock_at_fork_reinit),
        MethodDef::method("__repr__", lock_repr),
    ],
    getsets: &[],
    doc: "A lock object is a synchronization primitive.",
};

// ---- RLock --------------------------------------------------------------------------------------

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.positional().first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(new_native_object(vm, Lock { count: Cell::new(0), owner: Cell::new(0) }, cls))
}

fn rlock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    let timeout = parse_acquire(vm, &args)?;
    let me = current_ident();
    if lock.count.get() > 0 && lock.owner.get() != me {
        return wait_held(vm, timeout);
    }
    let Some(count) = lock.count.get().checked_add(1) else {
        return Err(vm.overflow_error("Internal lock count overflowed"));
    };
    lock.count.set(count);
    lock.owner.set(me);
    Ok(vm.bool_value(true))
}

fn rlock_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    if lock.count.get() == 0 || lock.owner.get() != current_ident() {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    lock.count.set(lock.count.get() - 1);
    if lock.count.get() == 0 {
        lock.owner.set(0);
    }
    Ok(vm.none())
}

fn rlock_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    Ok(vm.bool_value(lock.count.get() > 0 && lock.owner.get() == current_ident()))
}

fn rlock_recursion_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    let count = if lock.owner.get() == current_ident() { lock.count.get() } else { 0 };
    Ok(vm.new_int(count as i64))
}

fn rlock_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lock = lock_of(vm, args.this())?;
    if lock.count.get() == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let count = vm.new_int(lock.count.get() as i64);
    let owner = vm.new_int(lock.owner.get());
    lock.count.set(0);
    lock.owner.set(0);
    Ok(krait_vm::types::tuple::new_tuple(vm, &[count, owner]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, state] = args.exact::<2>(vm, "_acquire_restore")?;
    let lock = lock_of(vm, this)?;
    let count = krait_vm::protocol::sequence::getitem(vm, state, Value::from_small(0))?;
    let owner = krait_vm::protocol::sequence::getitem(vm, state, Value::from_small(1))?;
    let count = krait_vm::protocol::number::to_i64(vm, count)?;
    let owner = krait_vm::protocol::number::to_i64(vm, owner)?;
    lock.count.set(count.max(0) as u64);
    lock.owner.set(owner);
    Ok(vm.none())
}

fn rlock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let lock = lock_of(vm, this)?;
    let state = if lock.count.get() > 0 { "locked" } else { "unlocked" };
    let cls = vm.class_of(this);
    let module = cls.module_name(vm).unwrap_or_default();
    let name = cls.name().to_string();
    let text = format!(
        "<{state} {module}.{name} object owner={} count={} at {:#x}>",
        lock.owner.get(),
        lock.count.get(),
        object_address(this)
    );
    Ok(vm.new_str(&text))
}

static RLOCK_SPEC: TypeSpec = TypeSpec {
    name: "RLock",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", rlock_new),
        MethodDef::method("acquire", rlock_acquire),
        MethodDef::method("__enter__", rlock_acquire),
        MethodDef::method("release", rlock_release),
        MethodDef::method("__exit__", rlock_release),
        MethodDef::method("_is_owned", rlock_is_owned),
        MethodDef::method("_recursion_count", rlock_recursion_count),
        MethodDef::method("_release_save", rlock_release_save),
        MethodDef::method("_acquire_restore", rlock_acquire_restore),
        MethodDef::method("_at_fork_reinit", lock_at_fork_reinit),
        MethodDef::method("__repr__", rlock_repr),
    ],
    getsets: &[],
    doc: "",
};
