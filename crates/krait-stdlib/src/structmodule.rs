//! The `_struct` module (CPython 3.11: `Modules/_struct.c`): packing
//! Python values into C structs held in bytes, and back.
//!
//! A format string is parsed once into `Layout`: the byte order, and for
//! each code its offset, size and repeat count. Native mode (`@`, the
//! default) uses this machine's sizes (x86-64 / aarch64 Linux: `l`, `n`,
//! `P` are 8 bytes) and aligns each item to its own size; the standard
//! modes (`=`, `<`, `>`, `!`) use the fixed sizes of the `struct` docs and
//! no alignment. Range errors follow `_struct.c`'s: `b`, `B`, `h`, `H` name
//! their C type, other integers under 8 bytes give the bounds, and 8-byte
//! ones (and any negative value for an unsigned code) say "argument out of
//! range".

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use krait_vm::error::{PyErr, PyResult};
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, GetSetDef, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{attr, call, number, object};
use krait_vm::rooted::RootedVec;
use krait_vm::types::bytearray::PyByteArray;
use krait_vm::types::bytes::{as_buffer, new_bytes, PyBytes};
use krait_vm::types::dict::PyDict;
use krait_vm::types::float::as_f64;
use krait_vm::types::int::as_bigint;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::{new_tuple, tuple_from_vec};
use krait_vm::types::typeobject::{dict_set_str, PyType};
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static STRUCT: NativeModuleDef = NativeModuleDef {
    name: "_struct",
    doc: "Functions to convert between Python values and C structs.",
    methods: &[
        MethodDef::function("pack", struct_pack),
        MethodDef::function("pack_into", struct_pack_into),
        MethodDef::function("unpack", struct_unpack),
        MethodDef::function("unpack_from", struct_unpack_from),
        MethodDef::function("iter_unpack", struct_iter_unpack),
        MethodDef::function("calcsize", struct_calcsize),
        MethodDef::function("_clearcache", struct_clearcache),
    ],
    init: Some(struct_init),
};

fn struct_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let ty = new_native_type(vm, &STRUCT_SPEC, None, "_struct");
    module.set_attr(vm, "Struct", ty.value());
    let ty = new_native_type(vm, &UNPACK_ITERATOR_SPEC, None, "_struct");
    module.set_attr(vm, "unpack_iterator", ty.value());
    let namespace = PyDict::new(vm);
    let module_name = vm.intern("struct");
    dict_set_str(vm, namespace, "__module__", module_name);
    let name = vm.new_str("error");
    let bases = new_tuple(vm, &[vm.exceptions.exception.value()]);
    let type_value = vm.types.type_.value();
    let error = call::call(vm, type_value, &[name, bases, namespace.value()])?;
    module.set_attr(vm, "error", error);
    Ok(())
}

fn struct_error(vm: &mut Vm, message: impl Into<String>) -> PyErr {
    match crate::util::module_type(vm, "_struct", "error") {
        Ok(ty) => vm.new_error(ty, message),
        Err(e) => e,
    }
}

// ---- format parsing -----------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Native,
    Little,
    Big,
}

#[derive(Clone, Copy)]
struct Item {
    code: u8,
    /// For `s` and `p`: the byte count; otherwise 1 (a repeat count
    /// becomes that many items).
    len: usize,
    offset: usize,
    size: usize,
}

#[derive(Clone)]
struct Layout {
    order: Order,
    native: bool,
    items: Vec<Item>,
    size: usize,
}

impl Layout {
    /// How many Python values packing takes (and unpacking gives).
    fn value_count(&self) -> usize {
        self.items.iter().filter(|i| i.code != b'x').count()
    }
}

/// The size of `code` in native or standard mode, `None` if it is not a
/// format code of that mode.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    })
}

fn parse_layout(vm: &mut Vm, format: &[u8]) -> PyResult<Layout> {
    let (order, native, rest) = match format.first() {
        Some(b'@') => (Order::Native, true, &format[1..]),
        Some(b'=') => (Order::Native, false, &format[1..]),
        Some(b'<') => (Order::Little, false, &format[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, false, &format[1..]),
        _ => (Order::Native, true, format),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut i = 0;
    while i < rest.len() {
        let mut c = rest[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count: usize = 1;
        if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            loop {
                let Some(&d) = rest.get(i) else {
                    return Err(struct_error(vm, "repeat count given without format specifier"));
                };
                if !d.is_ascii_digit() {
                    break;
                }
                n = match n.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)) {
                    Some(n) => n,
                    None => return Err(struct_error(vm, "total struct size too long")),
                };
                i += 1;
            }
            count = n;
            c = rest[i];
            i += 1;
        }
        let Some(item_size) = code_size(c, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if native && c != b'x' && c != b's' && c != b'p' {
            size = size.div_ceil(item_size) * item_size;
        }
        match c {
            b's' | b'p' => {
                items.push(Item { code: c, len: count, offset: size, size: count });
                size = size.checked_add(count).ok_or_else(|| struct_error(vm, "total struct size too long"))?;
            }
            _ => {
                let total = item_size
                    .checked_mul(count)
                    .and_then(|t| size.checked_add(t))
                    .filter(|&t| t <= isize::MAX as usize)
                    .ok_or_else(|| struct_error(vm, "total struct size too long"))?;
                if c == b'x' {
                    size = total;
                    continue;
                }
                for _ in 0..count {
                    items.push(Item { code: c, len: 1, offset: size, size: item_size });
                    size += item_size;
                }
            }
        }
    }
    Ok(Layout { order, native, items, size })
}

/// The format argument: a str or bytes.
fn format_bytes(vm: &mut Vm, format: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = format.downcast::<PyStr>() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    if let Some(b) = format.downcast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    let name = vm.type_name(format);
    Err(vm.type_error(format!("Struct() argument 1 must be a str or bytes object, not {name}")))
}

// ---- packing ------------------------------------------------------------------------------------

/// The integer to pack: an int, or an object with `__index__`.
fn integer_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if as_bigint(v).is_none() && attr::lookup_special(vm, v, "__index__").is_none() {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    let i = number::index(vm, v)?;
    Ok(as_bigint(i).expect("__index__ returns an int").into_owned())
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = as_f64(v) {
        return Ok(f);
    }
    if let Some(i) = as_bigint(v) {
        return i
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if attr::lookup_special(vm, v, "__float__").is_some() || attr::lookup_special(vm, v, "__index__").is_some() {
        let f = call::call(vm, vm.types.float.value(), &[v])?;
        return Ok(as_f64(f).expect("float() returns a float"));
    }
    Err(struct_error(vm, "required argument is not a float"))
}

fn range_error(vm: &mut Vm, code: u8, size: usize, value: &BigInt) -> PyErr {
    let unsigned = code.is_ascii_uppercase() && code != b'P';
    let message = match code {
        b'b' => "byte format requires -128 <= number <= 127".to_string(),
        b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
        b'h' => "short format requires -32768 <= number <= 32767".to_string(),
        b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
        _ if size >= 8 || (unsigned && value.is_negative()) => "argument out of range".to_string(),
        _ if unsigned => format!("'{}' format requires 0 <= number <= {}", code as char, (1u64 << (size * 8)) - 1),
        _ => {
            let max = (1i64 << (size * 8 - 1)) - 1;
            format!("'{}' format requires {} <= number <= {max}", code as char, -max - 1)
        }
    };
    struct_error(vm, message)
}

fn put_bytes(out: &mut [u8], bytes: &[u8], order: Order) {
    let little = match order {
        Order::Native => cfg!(target_endian = "little"),
        Order::Little => true,
        Order::Big => false,
    };
    if little {
        out.copy_from_slice(bytes);
    } else {
        for (o, b) in out.iter_mut().zip(bytes.iter().rev()) {
            *o = *b;
        }
    }
}

/// Pack `values` by `layout` into `out` (which is `layout.size` long).
fn pack_values(vm: &mut Vm, layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut values = values.iter();
    for item in &layout.items {
        let v = *values.next().expect("value count checked");
        let slot = &mut out[item.offset..item.offset + item.size];
        match item.code {
            b'c' => match v.downcast::<PyBytes>().filter(|b| b.as_bytes().len() == 1) {
                Some(b) => slot[0] = b.as_bytes()[0],
                None => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
            },
            b's' | b'p' => {
                let Some(data) = v
                    .downcast::<PyBytes>()
                    .map(|b| b.as_bytes().to_vec())
                    .or_else(|| v.downcast::<PyByteArray>().map(|b| b.to_vec()))
                else {
                    return Err(struct_error(
                        vm,
                        format!("argument for '{}' must be a bytes object", item.code as char),
                    ));
                };
                slot.fill(0);
                if item.code == b's' {
                    let n = data.len().min(item.len);
                    slot[..n].copy_from_slice(&data[..n]);
                } else if item.len > 0 {
                    let n = data.len().min(item.len - 1);
                    slot[1..1 + n].copy_from_slice(&data[..n]);
                    slot[0] = n.min(255) as u8;
                }
            }
            b'?' => slot[0] = object::truthy(vm, v)? as u8,
            b'e' => {
                let f = float_arg(vm, v)?;
                let Some(half) = pack_half(f) else {
                    return Err(vm.overflow_error("float too large to pack with e format"));
                };
                put_bytes(slot, &half.to_le_bytes(), layout.order);
            }
            b'f' => {
                let f = float_arg(vm, v)?;
                let single = f as f32;
                if single.is_infinite() && f.is_finite() && !layout.native {
                    return Err(vm.overflow_error("float too large to pack with f format"));
                }
                put_bytes(slot, &single.to_le_bytes(), layout.order);
            }
            b'd' => {
                let f = float_arg(vm, v)?;
                put_bytes(slot, &f.to_le_bytes(), layout.order);
            }
            code => {
                let n = integer_arg(vm, v)?;
                let bits = item.size * 8;
                let fits = if code == b'P' {
                    n.to_u64().is_some() || n.to_i64().is_some()
                } else if code.is_ascii_uppercase() {
                    !n.is_negative() && n.bits() <= bits as u64
                } else {
                    let min = -(BigInt::from(1) << (bits - 1));
                    let max = (BigInt::from(1) << (bits - 1)) - 1;
                    n >= min && n <= max
                };
                if !fits {
                    if code == b'P' {
                        return Err(struct_error(vm, "int too large to convert"));
                    }
                    return Err(range_error(vm, code, item.size, &n));
                }
                let raw = n.to_i64().map(|i| i as u64).or_else(|| n.to_u64()).expect("range checked");
                put_bytes(slot, &raw.to_le_bytes()[..item.size], layout.order);
            }
        }
    }
    Ok(())
}

/// IEEE 754 binary16 for `x`, rounding half to even; `None` on overflow.
fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // a = m * 2**e with 1 <= m < 2.
    let mut e = a.log2().floor() as i32;
    let mut m = a / 2f64.powi(e);
    if m >= 2.0 {
        m /= 2.0;
        e += 1;
    } else if m < 1.0 {
        m *= 2.0;
        e -= 1;
    }
    if e >= 16 {
        return None;
    }
    let (mut exponent, mut fraction) = if e < -25 {
        (0i32, 0.0)
    } else if e < -14 {
        (0, m * 2f64.powi(e + 14))
    } else {
        (e + 15, m - 1.0)
    };
    fraction *= 1024.0;
    let mut bits = fraction as u16;
    let rest = fraction - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            exponent += 1;
            if exponent == 31 {
                return None;
            }
        }
    }
    Some(sign | ((exponent as u16) << 10) | bits)
}

fn unpack_half(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let exponent = ((bits >> 10) & 0x1f) as i32;
    let fraction = (bits & 0x3ff) as f64 / 1024.0;
    let magnitude = if exponent == 0x1f {
        if fraction == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if exponent == 0 {
        fraction * 2f64.powi(-14)
    } else {
        (1.0 + fraction) * 2f64.powi(exponent - 15)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

fn get_bytes(slot: &[u8], order: Order) -> [u8; 8] {
    let little = match order {
        Order::Native => cfg!(target_endian = "little"),
        Order::Little => true,
        Order::Big => false,
    };
    let mut raw = [0u8; 8];
    if little {
        raw[..slot.len()].copy_from_slice(slot);
    } else {
        for (r, b) in raw.iter_mut().zip(slot.iter().rev()) {
            *r = *b;
        }
    }
    raw
}

/// Unpack `data` (exactly `layout.size` bytes) into a tuple.
fn unpack_values(vm: &mut Vm, layout: &Layout, data: &[u8]) -> PyResult {
    let values = RootedVec::new(vm);
    for item in &layout.items {
        let slot = &data[item.offset..item.offset + item.size];
        let v = match item.code {
            b'c' | b's' => new_bytes(vm, slot),
            b'p' => {
                let n = if item.len == 0 { 0 } else { (slot[0] as usize).min(item.len - 1) };
                new_bytes(vm, &slot[1.min(slot.len())..1.min(slot.len()) + n])
            }
            b'?' => vm.bool_value(slot[0] != 0),
            b'e' => {
                let raw = get_bytes(slot, layout.order);
                vm.new_float(unpack_half(u16::from_le_bytes([raw[0], raw[1]])))
            }
            b'f' => {
                let raw = get_bytes(slot, layout.order);
                vm.new_float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64)
            }
            b'd' => vm.new_float(f64::from_le_bytes(get_bytes(slot, layout.order))),
            code => {
                let raw = u64::from_le_bytes(get_bytes(slot, layout.order));
                let bits = item.size * 8;
                if code.is_ascii_uppercase() {
                    vm.new_bigint(BigInt::from(raw))
                } else {
                    let shift = 64 - bits;
                    vm.new_int(((raw << shift) as i64) >> shift)
                }
            }
        };
        values.push(vm, v);
    }
    Ok(tuple_from_vec(vm, values.to_vec()))
}

// ---- entry points shared by Struct and the module functions ------------------------------------

fn pack(vm: &mut Vm, layout: &Layout, values: &[Value]) -> PyResult {
    check_count(vm, layout, values, "pack")?;
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, values, &mut out)?;
    Ok(new_bytes(vm, &out))
}

fn check_count(vm: &mut Vm, layout: &Layout, values: &[Value], what: &str) -> PyResult<()> {
    let expected = layout.value_count();
    if values.len() != expected {
        return Err(struct_error(vm, format!("{what} expected {expected} items for packing (got {})", values.len())));
    }
    Ok(())
}

fn buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match as_buffer(v) {
        Some(data) => Ok(data),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{name}'")))
        }
    }
}

fn unpack(vm: &mut Vm, layout: &Layout, buf: Value) -> PyResult {
    let data = buffer(vm, buf)?;
    if data.len() != layout.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    unpack_values(vm, layout, &data)
}

/// The start of an `offset`-relative access of `size` bytes in a buffer of
/// `len` bytes (`what` is "unpack" or "pack").
fn resolve_offset(vm: &mut Vm, offset: i64, size: usize, len: usize, what: &str) -> PyResult<usize> {
    let mut start = offset;
    if offset < 0 {
        if offset.unsigned_abs() as usize > len {
            return Err(struct_error(vm, format!("offset {offset} out of range for {len}-byte buffer")));
        }
        start = len as i64 + offset;
        if ((len as i64) - start) < size as i64 {
            let verb = if what == "unpack" { "not enough data to unpack" } else { "no space to pack" };
            return Err(struct_error(vm, format!("{verb} {size} bytes at offset {offset}")));
        }
    }
    let start = start as usize;
    if len < start || len - start < size {
        let message = if what == "unpack" {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} \
                 (actual buffer size is {len})",
                start + size
            )
        } else {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} \
                 (actual buffer size is {len})",
                start + size
            )
        };
        return Err(struct_error(vm, message));
    }
    Ok(start)
}

fn unpack_from(vm: &mut Vm, layout: &Layout, buf: Value, offset: Value) -> PyResult {
    let data = buffer(vm, buf)?;
    let offset = if offset.is_null() { 0 } else { number::to_i64(vm, offset)? };
    let start = resolve_offset(vm, offset, layout.size, data.len(), "unpack")?;
    unpack_values(vm, layout, &data[start..start + layout.size])
}

fn pack_into(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult {
    if args.len() < 2 {
        let message =
            if args.is_empty() { "pack_into expected buffer argument" } else { "pack_into expected offset argument" };
        return Err(struct_error(vm, message));
    }
    let (target, offset, values) = (args[0], args[1], &args[2..]);
    check_count(vm, layout, values, "pack_into")?;
    let Some(array) = target.downcast::<PyByteArray>() else {
        let name = vm.type_name(target);
        return Err(vm.type_error(format!("argument must be read-write bytes-like object, not {name}")));
    };
    let offset = number::to_i64(vm, offset)?;
    let start = resolve_offset(vm, offset, layout.size, array.len(), "pack")?;
    let mut out = vec![0u8; layout.size];
    pack_values(vm, layout, values, &mut out)?;
    // Packing may have run Python code that resized the bytearray.
    array.with_data(|data| {
        if data.len() >= start + out.len() {
            data[start..start + out.len()].copy_from_slice(&out);
        }
    });
    Ok(vm.none())
}

fn iter_unpack(vm: &mut Vm, layout: &Layout, buf: Value) -> PyResult {
    if layout.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = buffer(vm, buf)?;
    if data.len() % layout.size != 0 {
        return Err(struct_error(
            vm,
            format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size),
        ));
    }
    let ty = crate::util::module_type(vm, "_struct", "unpack_iterator")?;
    let state = UnpackIterator { layout: layout.clone(), data, position: Cell::new(0) };
    Ok(new_native_object(vm, state, ty))
}

// ---- module functions ---------------------------------------------------------------------------

fn layout_of(vm: &mut Vm, format: Value) -> PyResult<Layout> {
    let bytes = format_bytes(vm, format)?;
    parse_layout(vm, &bytes)
}

fn first_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    args.no_kwargs(vm, name)?;
    match args.positional().first() {
        Some(&v) => Ok(v),
        None => Err(vm.type_error(format!("{name}() missing required argument 'format' (pos 1)"))),
    }
}

fn struct_pack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let format = first_arg(vm, &args, "pack")?;
    let layout = layout_of(vm, format)?;
    pack(vm, &layout, &args.positional()[1..])
}

fn struct_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let format = first_arg(vm, &args, "pack_into")?;
    let layout = layout_of(vm, format)?;
    pack_into(vm, &layout, &args.positional()[1..])
}

fn struct_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [format, buf] = args.exact::<2>(vm, "unpack")?;
    let layout = layout_of(vm, format)?;
    unpack(vm, &layout, buf)
}

static UNPACK_FROM_SIG: Signature = Signature {
    name: "unpack_from",
    params: &["format", "buffer", "offset"],
    positional_only: 1,
    keyword_only: 3,
    required: 2,
};

fn struct_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [format, buf, offset] = args.bind::<3>(vm, &UNPACK_FROM_SIG)?;
    let layout = layout_of(vm, format)?;
    unpack_from(vm, &layout, buf, offset)
}

fn struct_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [format, buf] = args.exact::<2>(vm, "iter_unpack")?;
    let layout = layout_of(vm, format)?;
    iter_unpack(vm, &layout, buf)
}

fn struct_calcsize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [format] = args.exact::<1>(vm, "calcsize")?;
    let layout = layout_of(vm, format)?;
    Ok(vm.new_int(layout.size as i64))
}

fn struct_clearcache(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "_clearcache")?;
    Ok(vm.none())
}

// ---- Struct -------------------------------------------------------------------------------------

struct StructData {
    layout: Layout,
    /// The format as a str.
    format: ValueCell,
}

impl NativeData for StructData {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.format.get());
    }
}

fn this_struct(vm: &mut Vm, this: Value) -> PyResult<&'static StructData> {
    native_data::<StructData>(this).ok_or_else(|| {
        let name = vm.type_name(this);
        vm.type_error(format!("descriptor requires a '_struct.Struct' object but received '{name}'"))
    })
}

static STRUCT_NEW_SIG: Signature =
    Signature { name: "Struct", params: &["cls", "format"], positional_only: 1, keyword_only: 2, required: 2 };

fn struct_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, format] = args.bind::<2>(vm, &STRUCT_NEW_SIG)?;
    let bytes = format_bytes(vm, format)?;
    let layout = parse_layout(vm, &bytes)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let format = vm.new_str(&text);
    let cls = cls.downcast::<PyType>().expect("__new__ receives a type");
    Ok(new_native_object(vm, StructData { layout, format: ValueCell::new(format) }, cls))
}

/// `__init__` does nothing: `__new__` parsed the format.
fn struct_init_method(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none())
}

fn s_pack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "pack")?;
    let data = this_struct(vm, args.this())?;
    pack(vm, &data.layout, &args.positional()[1..])
}

fn s_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "pack_into")?;
    let data = this_struct(vm, args.this())?;
    pack_into(vm, &data.layout, &args.positional()[1..])
}

fn s_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, buf] = args.exact::<2>(vm, "unpack")?;
    let data = this_struct(vm, this)?;
    unpack(vm, &data.layout, buf)
}

static S_UNPACK_FROM_SIG: Signature = Signature {
    name: "unpack_from",
    params: &["self", "buffer", "offset"],
    positional_only: 1,
    keyword_only: 3,
    required: 2,
};

fn s_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, buf, offset] = args.bind::<3>(vm, &S_UNPACK_FROM_SIG)?;
    let data = this_struct(vm, this)?;
    unpack_from(vm, &data.layout, buf, offset)
}

fn s_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, buf] = args.exact::<2>(vm, "iter_unpack")?;
    let data = this_struct(vm, this)?;
    iter_unpack(vm, &data.layout, buf)
}

fn s_format(vm: &mut Vm, this: Value) -> PyResult {
    Ok(this_struct(vm, this)?.format.get())
}

fn s_size(vm: &mut Vm, this: Value) -> PyResult {
    let size = this_struct(vm, this)?.layout.size;
    Ok(vm.new_int(size as i64))
}

static STRUCT_SPEC: TypeSpec = TypeSpec {
    name: "Struct",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", struct_new),
        MethodDef::method("__init__", struct_init_method),
        MethodDef::method("pack", s_pack),
        MethodDef::method("pack_into", s_pack_into),
        MethodDef::method("unpack", s_unpack),
        MethodDef::method("unpack_from", s_unpack_from),
        MethodDef::method("iter_unpack", s_iter_unpack),
    ],
    getsets: &[GetSetDef::readonly("format", s_format), GetSetDef::readonly("size", s_size)],
    doc: "Struct(format)\n--\n\nCreate a compiled struct object.",
};

// ---- unpack_iterator ----------------------------------------------------------------------------

struct UnpackIterator {
    layout: Layout,
    data: Vec<u8>,
    position: Cell<usize>,
}

impl NativeData for UnpackIterator {
    fn trace(&self, _tracer: &mut Tracer) {}

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let start = self.position.get();
        if start + self.layout.size > self.data.len() {
            return Some(Ok(None));
        }
        self.position.set(start + self.layout.size);
        Some(unpack_values(vm, &self.layout, &self.data[start..start + self.layout.size]).map(Some))
    }
}

fn unpack_iterator_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(state) = native_data::<UnpackIterator>(this) else {
        return Err(vm.type_error("expected an unpack_iterator"));
    };
    match state.iter_next(vm, this).expect("unpack_iterator advances") {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.stop_iteration(Value::NULL)),
        Err(e) => Err(e),
    }
}

fn unpack_iterator_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(state) = native_data::<UnpackIterator>(this) else {
        return Err(vm.type_error("expected an unpack_iterator"));
    };
    let left = (state.data.len() - state.position.get()) / state.layout.size;
    Ok(vm.new_int(left as i64))
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.this())
}

static UNPACK_ITERATOR_SPEC: TypeSpec = TypeSpec {
    name: "unpack_iterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__iter__", iter_self),
        MethodDef::method("__next__", unpack_iterator_next),
        MethodDef::method("__length_hint__", unpack_iterator_length_hint),
    ],
    getsets: &[],
    doc: "",
};
