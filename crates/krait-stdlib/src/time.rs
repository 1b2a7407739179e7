//! The `time` module (CPython 3.11: `Modules/timemodule.c`): the clocks,
//! `sleep`, and conversion between timestamps, `struct_time` and text
//! through the C library (`gmtime_r`, `localtime_r`, `mktime`,
//! `strftime`), as CPython does on POSIX.

use std::ffi::{CStr, CString};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use num_bigint::BigInt;

use krait_vm::error::PyResult;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef};
use krait_vm::object::Gc;
use krait_vm::protocol::{iter, number};
use krait_vm::structseq::{new_structseq, new_structseq_type, StructSeqDesc};
use krait_vm::types::module::PyModule;
use krait_vm::types::str::PyStr;
use krait_vm::types::typeobject::PyType;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

use crate::math::to_f64;

pub static TIME: NativeModuleDef = NativeModuleDef {
    name: "time",
    doc: "This module provides various functions to manipulate time values.",
    methods: &[
        MethodDef::function("time", |vm, args| {
            args.exact::<0>(vm, "time")?;
            let now = unix_now();
            Ok(vm.new_float(now.as_secs_f64()))
        }),
        MethodDef::function("time_ns", |vm, args| {
            args.exact::<0>(vm, "time_ns")?;
            let now = unix_now();
            Ok(vm.new_bigint(BigInt::from(now.as_nanos())))
        }),
        MethodDef::function("perf_counter", |vm, args| clock_seconds(vm, args, "perf_counter", libc::CLOCK_MONOTONIC)),
        MethodDef::function("perf_counter_ns", |vm, args| {
            clock_nanos(vm, args, "perf_counter_ns", libc::CLOCK_MONOTONIC)
        }),
        MethodDef::function("monotonic", |vm, args| clock_seconds(vm, args, "monotonic", libc::CLOCK_MONOTONIC)),
        MethodDef::function("monotonic_ns", |vm, args| clock_nanos(vm, args, "monotonic_ns", libc::CLOCK_MONOTONIC)),
        MethodDef::function("process_time", |vm, args| {
            clock_seconds(vm, args, "process_time", libc::CLOCK_PROCESS_CPUTIME_ID)
        }),
        MethodDef::function("process_time_ns", |vm, args| {
            clock_nanos(vm, args, "process_time_ns", libc::CLOCK_PROCESS_CPUTIME_ID)
        }),
        MethodDef::function("thread_time", |vm, args| {
            clock_seconds(vm, args, "thread_time", libc::CLOCK_THREAD_CPUTIME_ID)
        }),
        MethodDef::function("thread_time_ns", |vm, args| {
            clock_nanos(vm, args, "thread_time_ns", libc::CLOCK_THREAD_CPUTIME_ID)
        }),
        MethodDef::function("sleep", time_sleep),
        MethodDef::function("gmtime", |vm, args| convert_time(vm, args, "gmtime", false)),
        MethodDef::function("localtime", |vm, args| convert_time(vm, args, "localtime", true)),
        MethodDef::function("mktime", time_mktime),
        MethodDef::function("strftime", time_strftime),
        MethodDef::function("asctime", time_asctime),
        MethodDef::function("ctime", time_ctime),
    ],
    init: Some(time_init),
};

static STRUCT_TIME_DESC: StructSeqDesc = StructSeqDesc {
    module: "time",
    name: "struct_time",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_sequence_fields: 9,
    doc: "The time value as returned by gmtime(), localtime(), and strptime()",
};

fn time_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let struct_time = new_structseq_type(vm, &STRUCT_TIME_DESC)?;
    module.set_attr(vm, "struct_time", struct_time.value());

    // `timezone`, `altzone`, `daylight`, `tzname` from the offsets in
    // January and July of this year (CPython's `init_timezone` on glibc).
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = unix_now().as_secs() as i64;
    let january = now / YEAR * YEAR;
    let july = january + YEAR / 2;
    let (jan_offset, jan_name) =
        local_tm(january).map(|tm| (-gmtoff(&tm), zone_name(&tm))).unwrap_or((0, "UTC".into()));
    let (jul_offset, jul_name) = local_tm(july).map(|tm| (-gmtoff(&tm), zone_name(&tm))).unwrap_or((0, "UTC".into()));
    let (timezone, altzone, names) = if jan_offset < jul_offset {
        (jul_offset, jan_offset, [jul_name, jan_name])
    } else {
        (jan_offset, jul_offset, [jan_name, jul_name])
    };
    let timezone = vm.new_int(timezone);
    module.set_attr(vm, "timezone", timezone);
    let altzone = vm.new_int(altzone);
    module.set_attr(vm, "altzone", altzone);
    module.set_attr(vm, "daylight", Value::from_small((jan_offset != jul_offset) as i64));
    let first = vm.new_str(&names[0]);
    let second = vm.new_str(&names[1]);
    let tzname = krait_vm::types::tuple::new_tuple(vm, &[first, second]);
    module.set_attr(vm, "tzname", tzname);
    Ok(())
}

fn unix_now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn clock(id: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write into.
    unsafe { libc::clock_gettime(id, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn clock_seconds(vm: &mut Vm, args: Args<'_>, name: &str, id: libc::clockid_t) -> PyResult {
    args.exact::<0>(vm, name)?;
    Ok(vm.new_float(clock(id).as_secs_f64()))
}

fn clock_nanos(vm: &mut Vm, args: Args<'_>, name: &str, id: libc::clockid_t) -> PyResult {
    args.exact::<0>(vm, name)?;
    Ok(vm.new_int(clock(id).as_nanos() as i64))
}

/// `time.sleep(secs)`.
fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [secs] = args.exact::<1>(vm, "time.sleep")?;
    let seconds = seconds_arg(vm, secs)?;
    if seconds < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if seconds > 0.0 {
        std::thread::sleep(Duration::from_secs_f64(seconds.min(u64::MAX as f64 / 2.0)));
    }
    Ok(vm.none())
}

/// A number of seconds: an int or a float (not NaN).
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if krait_vm::types::float::as_f64(v).is_none() && !vm.is_instance(v, vm.types.int) {
        let index = number::index(vm, v)?;
        return to_f64(vm, index);
    }
    let seconds = to_f64(vm, v)?;
    if seconds.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(seconds)
}

/// The `time_t` for an optional seconds argument (now when absent/None).
fn time_t_arg(vm: &mut Vm, secs: Option<Value>) -> PyResult<i64> {
    match secs {
        Some(secs) if !vm.is_none(secs) => {
            let seconds = seconds_arg(vm, secs)?.floor();
            if !(-(2f64.powi(63))..2f64.powi(63)).contains(&seconds) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(seconds as i64)
        }
        _ => Ok(unix_now().as_secs() as i64),
    }
}

fn zero_tm() -> libc::tm {
    // SAFETY: `tm` is plain data for which all-zero is a valid value (a
    // null `tm_zone`).
    unsafe { std::mem::zeroed() }
}

fn local_tm(t: i64) -> Option<libc::tm> {
    let mut tm = zero_tm();
    let t = t as libc::time_t;
    // SAFETY: both pointers are valid for the call.
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    ok.then_some(tm)
}

fn utc_tm(t: i64) -> Option<libc::tm> {
    let mut tm = zero_tm();
    let t = t as libc::time_t;
    // SAFETY: both pointers are valid for the call.
    let ok = unsafe { !libc::gmtime_r(&t, &mut tm).is_null() };
    ok.then_some(tm)
}

/// The UTC offset of a `tm` (a C `long`: 32 bits on some targets).
#[allow(clippy::useless_conversion)]
fn gmtoff(tm: &libc::tm) -> i64 {
    i64::from(tm.tm_gmtoff)
}

fn zone_name(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: a non-null `tm_zone` from the C library is a NUL-terminated string.
    unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
}

fn struct_time_type(vm: &mut Vm) -> PyResult<Gc<PyType>> {
    let key = vm.intern("time");
    let modules = vm.modules;
    let module = modules.get_item(vm, key)?.and_then(|m| m.downcast::<PyModule>());
    let ty = module.and_then(|m| m.get_attr(vm, "struct_time")).and_then(|t| t.downcast::<PyType>());
    match ty {
        Some(ty) => Ok(ty),
        None => new_structseq_type(vm, &STRUCT_TIME_DESC),
    }
}

/// A `struct_time` from a C `tm`.
fn struct_time_from_tm(vm: &mut Vm, tm: &libc::tm) -> PyResult {
    let ty = struct_time_type(vm)?;
    let zone = zone_name(tm);
    let zone = vm.new_str(&zone);
    let fields = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let mut values: Vec<Value> = fields.iter().map(|&f| Value::from_small(f)).collect();
    values.push(zone);
    values.push(vm.new_int(gmtoff(tm)));
    new_structseq(vm, ty, &values)
}

/// `gmtime([secs])` / `localtime([secs])`.
fn convert_time(vm: &mut Vm, args: Args<'_>, name: &str, local: bool) -> PyResult {
    let positional = args.positional_range(vm, name, 0, 1)?;
    let t = time_t_arg(vm, positional.first().copied())?;
    let tm = if local { local_tm(t) } else { utc_tm(t) };
    match tm {
        Some(tm) => struct_time_from_tm(vm, &tm),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

/// A C `tm` from a 9-item sequence (CPython's `gettmarg`), without range
/// checks.
fn tm_from_tuple(vm: &mut Vm, t: Value, name: &str) -> PyResult<libc::tm> {
    if !vm.is_instance(t, vm.types.tuple) {
        let type_name = vm.type_name(t);
        return Err(vm.type_error(format!("Tuple or struct_time argument required, not {type_name}")));
    }
    let items = iter::collect(vm, t)?;
    if items.len() != 9 {
        return Err(vm.type_error(format!("{name}(): illegal time tuple argument")));
    }
    let mut fields = [0i64; 9];
    for (i, field) in fields.iter_mut().enumerate() {
        let item = items.get(i).unwrap_or(Value::NULL);
        *field = number::to_i64(vm, item)?;
    }
    let mut tm = zero_tm();
    tm.tm_year = (fields[0] - 1900) as i32;
    tm.tm_mon = (fields[1] - 1) as i32;
    tm.tm_mday = fields[2] as i32;
    tm.tm_hour = fields[3] as i32;
    tm.tm_min = fields[4] as i32;
    tm.tm_sec = fields[5] as i32;
    tm.tm_wday = ((fields[6] + 1) % 7) as i32;
    tm.tm_yday = (fields[7] - 1) as i32;
    tm.tm_isdst = fields[8] as i32;
    Ok(tm)
}

/// CPython's `checktm`, after the adjustments `strftime` and `asctime`
/// make for zero fields.
fn check_tm(vm: &mut Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

/// The `tm` for an optional time tuple (local now when absent).
fn tm_arg(vm: &mut Vm, t: Option<Value>, name: &str) -> PyResult<libc::tm> {
    match t {
        Some(t) => {
            let mut tm = tm_from_tuple(vm, t, name)?;
            check_tm(vm, &mut tm)?;
            Ok(tm)
        }
        None => {
            let now = unix_now().as_secs() as i64;
            local_tm(now).ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))
        }
    }
}

/// `strftime(format[, tuple])`.
fn time_strftime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "strftime", 1, 2)?;
    let Some(format) = positional[0].downcast::<PyStr>() else {
        let name = vm.type_name(positional[0]);
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {name}")));
    };
    let tm = tm_arg(vm, positional.get(1).copied(), "strftime")?;
    if format.as_str().is_empty() {
        return Ok(vm.singletons.empty_str);
    }
    let Ok(c_format) = CString::new(format.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    let mut capacity = 1024;
    loop {
        let mut buffer = vec![0u8; capacity];
        // SAFETY: the buffer is writable for `capacity` bytes; the format
        // is NUL-terminated; `tm` is a valid struct.
        let n = unsafe { libc::strftime(buffer.as_mut_ptr().cast(), capacity, c_format.as_ptr(), &tm) };
        // 0 is ambiguous (empty result or too small a buffer); CPython
        // retries with a larger buffer up to 256 times the format length.
        if n > 0 || capacity > 256 * format.as_str().len().max(4) {
            buffer.truncate(n);
            let text = String::from_utf8_lossy(&buffer).into_owned();
            return Ok(vm.new_str(&text));
        }
        capacity *= 2;
    }
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// CPython's `_asctime`: "Thu Jan  1 00:00:00 1970".
fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAY_NAMES[tm.tm_wday.rem_euclid(7) as usize],
        MONTH_NAMES[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

/// `asctime([tuple])`.
fn time_asctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "asctime", 0, 1)?;
    let tm = tm_arg(vm, positional.first().copied(), "asctime")?;
    let text = asctime_text(&tm);
    Ok(vm.new_str(&text))
}

/// `ctime([secs])`: `asctime(localtime(secs))`.
fn time_ctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "ctime", 0, 1)?;
    let t = time_t_arg(vm, positional.first().copied())?;
    let Some(tm) = local_tm(t) else {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    };
    let text = asctime_text(&tm);
    Ok(vm.new_str(&text))
}

/// `mktime(tuple)`: the inverse of `localtime`.
fn time_mktime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [t] = args.exact::<1>(vm, "time.mktime")?;
    let mut tm = tm_from_tuple(vm, t, "mktime")?;
    // A sentinel to detect failure, as CPython does.
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid struct for `mktime` to normalise.
    let result = unsafe { libc::mktime(&mut tm) };
    if result == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(vm.new_float(result as f64))
}
