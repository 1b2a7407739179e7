//! The `_random` module (CPython 3.11: `Modules/_randommodule.c`): the
//! Mersenne Twister MT19937 that `Lib/random.py`'s `Random` subclasses.
//!
//! Seeding follows CPython exactly, so seeded sequences match: an int seed
//! (its absolute value) is split into 32-bit words, least significant first,
//! and fed to `init_by_array` (the reference algorithm of Matsumoto and
//! Nishimura, 2002); any other object is seeded by its hash read as an
//! unsigned word; `None` seeds
//! from the operating system's random source. (`random.py` itself turns str
//! and bytes seeds into ints with SHA-512 before they get here.)
//! `random()` builds a 53-bit float from two outputs as `genrand_res53`
//! does, and `getrandbits(k)` fills an int 32 bits at a time from the least
//! significant word up, dropping the surplus high bits of the last word.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef};
use krait_vm::object::{Gc, PyPayload};
use krait_vm::protocol::{hash, number};
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::tuple::{tuple_from_vec, PyTuple};
use krait_vm::types::typeobject::PyType;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static RANDOM: NativeModuleDef = NativeModuleDef {
    name: "_random",
    doc: "Module implements the Mersenne Twister random number generator.",
    methods: &[],
    init: Some(random_init),
};

fn random_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let ty = new_native_type(vm, &RANDOM_SPEC, None, "_random");
    module.set_attr(vm, "Random", ty.value());
    Ok(())
}

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: `N` words and the index of the next one.
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    fn new() -> Mt19937 {
        let mut mt = Mt19937 { state: [0; N], index: N + 1 };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        let key_length = key.len().max(1);
        for _ in 0..N.max(key_length) {
            let prev = self.state[i - 1];
            let k = if key.is_empty() { 0 } else { key[j] };
            self.state[i] =
                (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(k).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag01 = [0u32, MATRIX_A];
            for kk in 0..N {
                let y = (self.state[kk] & UPPER_MASK) | (self.state[(kk + 1) % N] & LOWER_MASK);
                self.state[kk] = self.state[(kk + M) % N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct RandomState {
    mt: RefCell<Mt19937>,
}

impl NativeData for RandomState {
    fn trace(&self, _tracer: &mut Tracer) {}
}

fn state_of(vm: &mut Vm, v: Value) -> PyResult<&'static RandomState> {
    native_data::<RandomState>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a '_random.Random' object but received '{tn}'"))
    })
}

/// 32-bit words of `n`, least significant first (`[0]` for zero).
fn words_of(n: &BigInt) -> Vec<u32> {
    let words = n.abs().to_u32_digits().1;
    if words.is_empty() {
        vec![0]
    } else {
        words
    }
}

fn os_random_words() -> Vec<u32> {
    let mut buffer = [0u8; N * 4];
    let mut filled = 0;
    while filled < buffer.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buffer`.
        let n = unsafe { libc::getrandom(buffer[filled..].as_mut_ptr().cast(), buffer.len() - filled, 0) };
        if n <= 0 {
            break;
        }
        filled += n as usize;
    }
    if filled < buffer.len() {
        // No OS entropy: fall back to the time and the process id, as CPython does.
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        return vec![now.as_secs() as u32, now.subsec_nanos(), std::process::id(), (now.as_secs() >> 32) as u32];
    }
    buffer.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn seed_with(vm: &mut Vm, state: &RandomState, arg: Value) -> PyResult<()> {
    let key = if arg.is_null() || vm.is_none(arg) {
        os_random_words()
    } else if krait_vm::types::int::is_int(arg) {
        let n = krait_vm::types::int::as_bigint(arg).expect("int");
        words_of(&n)
    } else {
        // CPython reads the hash as a size_t: negative hashes wrap.
        let h = hash::hash(vm, arg)?;
        words_of(&BigInt::from(h as u64))
    };
    state.mt.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.positional().first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.type_error("Random.__new__(X): X is not a type object"));
    };
    let exact = std::ptr::eq(cls.instance_layout(), RANDOM_SPEC.layout);
    if exact && args.has_kwargs() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let given = &args.positional()[1..];
    if exact && given.len() > 1 {
        return Err(vm.type_error(format!("Random expected at most 1 argument, got {}", given.len())));
    }
    let object = new_native_object(vm, RandomState { mt: RefCell::new(Mt19937::new()) }, cls);
    let state = state_of(vm, object)?;
    seed_with(vm, state, given.first().copied().unwrap_or(Value::NULL))?;
    Ok(object)
}

fn random_seed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "seed")?;
    let given = args.positional();
    if given.len() > 2 {
        return Err(vm.type_error(format!("seed expected at most 1 argument, got {}", given.len() - 1)));
    }
    let state = state_of(vm, given[0])?;
    seed_with(vm, state, given.get(1).copied().unwrap_or(Value::NULL))?;
    Ok(vm.none())
}

fn random_random(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "random")?;
    let state = state_of(vm, this)?;
    let x = state.mt.borrow_mut().random();
    Ok(vm.new_float(x))
}

fn random_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, k] = args.exact::<2>(vm, "getrandbits")?;
    let state = state_of(vm, this)?;
    let k = number::to_index_isize(vm, k)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let k = k as usize;
    if k == 0 {
        return Ok(Value::from_small(0));
    }
    let mut mt = state.mt.borrow_mut();
    if k <= 32 {
        let r = mt.next_u32() >> (32 - k);
        drop(mt);
        return Ok(vm.new_int(r as i64));
    }
    let words = k.div_ceil(32);
    let mut digits = Vec::with_capacity(words);
    let mut remaining = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if remaining < 32 {
            r >>= 32 - remaining;
        }
        digits.push(r);
        remaining = remaining.saturating_sub(32);
    }
    drop(mt);
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &digits)))
}

fn random_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "getstate")?;
    let state = state_of(vm, this)?;
    let (words, index) = {
        let mt = state.mt.borrow();
        (mt.state, mt.index)
    };
    let mut items: Vec<Value> = Vec::with_capacity(N + 1);
    for w in words {
        // Small ints: no allocation, so the Vec needs no rooting.
        items.push(Value::from_small(w as i64));
    }
    items.push(Value::from_small(index as i64));
    Ok(tuple_from_vec(vm, items))
}

fn random_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, tuple] = args.exact::<2>(vm, "setstate")?;
    let state = state_of(vm, this)?;
    let Some(tuple) = tuple.downcast::<PyTuple>() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if tuple.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (i, word) in words.iter_mut().enumerate() {
        let item = tuple.as_slice()[i];
        if !krait_vm::types::int::is_int(item) {
            return Err(vm.type_error("an integer is required"));
        }
        let n = krait_vm::types::int::as_bigint(item).expect("int");
        // CPython reads each word as a C unsigned long and keeps 32 bits.
        let (_, digits) = n.to_u32_digits();
        let low = digits.first().copied().unwrap_or(0);
        *word = if n.sign() == Sign::Minus { low.wrapping_neg() } else { low };
    }
    let index_value = tuple.as_slice()[N];
    let index = number::to_i64(vm, index_value)?;
    if index < 0 || index > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    let mut mt = state.mt.borrow_mut();
    mt.state = words;
    mt.index = index as usize;
    drop(mt);
    Ok(vm.none())
}

static RANDOM_SPEC: TypeSpec = TypeSpec {
    name: "Random",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", random_new),
        MethodDef::method("seed", random_seed),
        MethodDef::method("random", random_random),
        MethodDef::method("getrandbits", random_getrandbits),
        MethodDef::method("getstate", random_getstate),
        MethodDef::method("setstate", random_setstate),
    ],
    getsets: &[],
    doc: "Random() -> create a random number generator with its own internal state.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs_of_init_by_array() {
        // mt19937ar.c's test vector: init_by_array({0x123, 0x234, 0x345, 0x456}).
        let mut mt = Mt19937::new();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(first, vec![1067595299, 955945823, 477289528, 4107218783, 4228976476]);
    }

    #[test]
    fn float_is_python_seed_42() {
        let mut mt = Mt19937::new();
        mt.init_by_array(&words_of(&BigInt::from(42)));
        assert_eq!(mt.random(), 0.6394267984578837);
    }
}
