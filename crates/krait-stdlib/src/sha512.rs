//! The `_sha512` module (CPython 3.11: `Modules/sha512module.c`): SHA-512
//! and SHA-384 (FIPS 180-4) hash objects. `random.py` imports it to turn
//! str and bytes seeds into ints; `hashlib` falls back to it too.

use std::cell::RefCell;

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, GetSetDef, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload};
use krait_vm::types::bytes::{as_buffer, new_bytes_vec};
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static SHA512: NativeModuleDef = NativeModuleDef {
    name: "_sha512",
    doc: "",
    methods: &[
        MethodDef::function("sha512", |vm, args| new_hash(vm, args, Variant::Sha512)),
        MethodDef::function("sha384", |vm, args| new_hash(vm, args, Variant::Sha384)),
    ],
    init: Some(sha512_init),
};

fn sha512_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let sha512 = new_native_type(vm, &SHA512_SPEC, None, "_sha512");
    module.set_attr(vm, "SHA512Type", sha512.value());
    let sha384 = new_native_type(vm, &SHA384_SPEC, None, "_sha512");
    module.set_attr(vm, "SHA384Type", sha384.value());
    Ok(())
}

const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const SHA512_INIT: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const SHA384_INIT: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    Sha512,
    Sha384,
}

#[derive(Clone)]
struct Sha512State {
    h: [u64; 8],
    buffer: Vec<u8>,
    length: u128,
}

impl Sha512State {
    fn new(variant: Variant) -> Sha512State {
        let h = if variant == Variant::Sha512 { SHA512_INIT } else { SHA384_INIT };
        Sha512State { h, buffer: Vec::with_capacity(128), length: 0 }
    }

    fn compress(h: &mut [u64; 8], block: &[u8]) {
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(chunk.try_into().expect("8 bytes"));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.length += data.len() as u128;
        if !self.buffer.is_empty() {
            let take = (128 - self.buffer.len()).min(data.len());
            self.buffer.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buffer.len() == 128 {
                let block = std::mem::take(&mut self.buffer);
                Sha512State::compress(&mut self.h, &block);
            }
        }
        let mut blocks = data.chunks_exact(128);
        for block in &mut blocks {
            Sha512State::compress(&mut self.h, block);
        }
        self.buffer.extend_from_slice(blocks.remainder());
    }

    fn digest(&self, size: usize) -> Vec<u8> {
        let mut h = self.h;
        let mut tail = self.buffer.clone();
        tail.push(0x80);
        while tail.len() % 128 != 112 {
            tail.push(0);
        }
        tail.extend_from_slice(&(self.length * 8).to_be_bytes());
        for block in tail.chunks_exact(128) {
            Sha512State::compress(&mut h, block);
        }
        h.iter().flat_map(|w| w.to_be_bytes()).take(size).collect()
    }
}

struct HashObject {
    variant: Variant,
    state: RefCell<Sha512State>,
}

impl NativeData for HashObject {
    fn trace(&self, _tracer: &mut Tracer) {}
}

impl HashObject {
    fn digest_size(&self) -> usize {
        if self.variant == Variant::Sha512 {
            64
        } else {
            48
        }
    }
}

fn hash_of(vm: &mut Vm, v: Value) -> PyResult<&'static HashObject> {
    native_data::<HashObject>(v).ok_or_else(|| vm.type_error("expected a _sha512 hash object"))
}

fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if v.downcast::<PyStr>().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match as_buffer(v) {
        Some(data) => Ok(data),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_hash(vm: &mut Vm, args: Args<'_>, variant: Variant) -> PyResult {
    let name = if variant == Variant::Sha512 { "sha512" } else { "sha384" };
    let positional = args.positional();
    if positional.len() > 1 {
        return Err(vm.type_error(format!("{name}() takes at most 1 positional argument ({} given)", positional.len())));
    }
    static SIG512: Signature = Signature {
        name: "sha512",
        params: &["string", "usedforsecurity"],
        positional_only: 0,
        keyword_only: 1,
        required: 0,
    };
    static SIG384: Signature = Signature {
        name: "sha384",
        params: &["string", "usedforsecurity"],
        positional_only: 0,
        keyword_only: 1,
        required: 0,
    };
    let [data, _usedforsecurity] = args.bind::<2>(vm, if variant == Variant::Sha512 { &SIG512 } else { &SIG384 })?;
    let mut state = Sha512State::new(variant);
    if !data.is_null() {
        let bytes = data_arg(vm, data)?;
        state.update(&bytes);
    }
    let ty =
        crate::util::module_type(vm, "_sha512", if variant == Variant::Sha512 { "SHA512Type" } else { "SHA384Type" })?;
    Ok(new_native_object(vm, HashObject { variant, state: RefCell::new(state) }, ty))
}

fn hash_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, data] = args.exact::<2>(vm, "update")?;
    let object = hash_of(vm, this)?;
    let bytes = data_arg(vm, data)?;
    object.state.borrow_mut().update(&bytes);
    Ok(vm.none())
}

fn hash_digest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "digest")?;
    let object = hash_of(vm, this)?;
    let digest = object.state.borrow().digest(object.digest_size());
    Ok(new_bytes_vec(vm, digest))
}

fn hash_hexdigest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "hexdigest")?;
    let object = hash_of(vm, this)?;
    let digest = object.state.borrow().digest(object.digest_size());
    let text: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(&text))
}

fn hash_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "copy")?;
    let object = hash_of(vm, this)?;
    let state = object.state.borrow().clone();
    let cls = vm.class_of(this);
    Ok(new_native_object(vm, HashObject { variant: object.variant, state: RefCell::new(state) }, cls))
}

fn hash_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let object = hash_of(vm, this)?;
    let name = if object.variant == Variant::Sha512 { "sha512" } else { "sha384" };
    let address = this.header().map_or(0, |h| h as *const _ as usize);
    let text = format!("<_sha512.{name} object at {address:#x}>");
    Ok(vm.new_str(&text))
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("update", hash_update),
    MethodDef::method("digest", hash_digest),
    MethodDef::method("hexdigest", hash_hexdigest),
    MethodDef::method("copy", hash_copy),
    MethodDef::method("__repr__", hash_repr),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("name", |vm, v| {
        let object = hash_of(vm, v)?;
        Ok(vm.new_str(if object.variant == Variant::Sha512 { "sha512" } else { "sha384" }))
    }),
    GetSetDef::readonly("digest_size", |vm, v| {
        let size = hash_of(vm, v)?.digest_size();
        Ok(vm.new_int(size as i64))
    }),
    GetSetDef::readonly("block_size", |_, _| Ok(Value::from_small(128))),
];

static SHA512_SPEC: TypeSpec = TypeSpec {
    name: "sha512",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "",
};

static SHA384_SPEC: TypeSpec = TypeSpec {
    name: "sha384",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "",
};
