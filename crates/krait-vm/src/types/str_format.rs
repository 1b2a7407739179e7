//! String formatting: `str.format` / `str.format_map` and the printf-style
//! `%` operator of `str` and `bytes`.
//!
//! `str.format` is a port of `Objects/stringlib/unicode_format.h`:
//! `MarkupIterator_next` splits the format string into literal text and
//! replacement fields, `parse_field` splits a field into name, conversion and
//! spec, and `field_name_split` splits the name into its first part (an index
//! or a keyword) and the `.attr` / `[key]` accessors after it. Parsing is pure
//! (and unit-tested); `render_format` does the lookups and the calls to
//! `format()`.
//!
//! `%` is a port of `PyUnicode_Format` (`Objects/unicodeobject.c`) and, in
//! bytes mode, `_PyBytes_FormatEx` (`Objects/bytesobject.c`). Bytes mode
//! works on text too: the format bytes are read as Latin-1 characters, every
//! conversion produces Latin-1 characters, and the caller encodes the result
//! back, so one engine serves both types.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::native::Args;
use crate::numeric::float_repr::{double_to_string, DtoaFlags, FloatStyle};
use crate::protocol::{attr, call, number, object, sequence};
use crate::types::dict::PyDict;
use crate::types::str::{this_str, PyStr};
use crate::types::str_methods::new_string;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

// ---- str.format ---------------------------------------------------------------------------

/// One piece of a format string.
#[derive(Debug, PartialEq, Eq)]
pub enum FormatPiece<'a> {
    Literal(&'a str),
    Field { name: &'a str, conversion: Option<char>, spec: &'a str },
}

/// Split a format string into literal text and fields.
pub fn parse_format_string(s: &str) -> Result<Vec<FormatPiece<'_>>, String> {
    let (pieces, error) = parse_format_string_partial(s);
    match error {
        Some(message) => Err(message),
        None => Ok(pieces),
    }
}

/// `parse_format_string`, keeping the pieces parsed before an error (what
/// `_string.formatter_parser` yields before it raises).
pub fn parse_format_string_partial(s: &str) -> (Vec<FormatPiece<'_>>, Option<String>) {
    let mut pieces = Vec::new();
    let error = parse_format_pieces(s, &mut pieces).err();
    (pieces, error)
}

fn parse_format_pieces<'a>(s: &'a str, pieces: &mut Vec<FormatPiece<'a>>) -> Result<(), String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut pos = 0;
    let end = chars.len();
    while pos < end {
        let start = pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while pos < end {
            c = chars[pos].1;
            pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup_follows && (at_end || chars[pos].1 != '}') {
            return Err("Single '}' encountered in format string".to_string());
        }
        if at_end && c == '{' && markup_follows {
            return Err("Single '{' encountered in format string".to_string());
        }
        if !at_end && markup_follows {
            if chars[pos].1 == c {
                // An escaped brace: keep one as literal text.
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        if len > 0 {
            pieces.push(FormatPiece::Literal(&s[byte_at(start)..byte_at(start + len)]));
        }
        if !markup_follows {
            continue;
        }
        // parse_field
        let name_start = pos;
        let mut c = '\0';
        while pos < end {
            c = chars[pos].1;
            pos += 1;
            match c {
                '{' => return Err("unexpected '{' in field name".to_string()),
                '[' => {
                    while pos < end && chars[pos].1 != ']' {
                        pos += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => continue,
            }
        }
        let name = &s[byte_at(name_start)..byte_at(pos.saturating_sub(1).max(name_start))];
        let mut conversion = None;
        if c == '!' || c == ':' {
            if c == '!' {
                if pos >= end {
                    return Err("end of string while looking for conversion specifier".to_string());
                }
                conversion = Some(chars[pos].1);
                pos += 1;
                if pos < end {
                    let next = chars[pos].1;
                    pos += 1;
                    if next == '}' {
                        pieces.push(FormatPiece::Field { name, conversion, spec: "" });
                        continue;
                    }
                    if next != ':' {
                        return Err("expected ':' after conversion specifier".to_string());
                    }
                }
            }
            let spec_start = pos;
            let mut depth = 1;
            let mut closed = false;
            while pos < end {
                let c = chars[pos].1;
                pos += 1;
                if c == '{' {
                    depth += 1;
                } else if c == '}' {
                    depth -= 1;
                    if depth == 0 {
                        closed = true;
                        break;
                    }
                }
            }
            if !closed {
                return Err("unmatched '{' in format spec".to_string());
            }
            let spec = &s[byte_at(spec_start)..byte_at(pos - 1)];
            pieces.push(FormatPiece::Field { name, conversion, spec });
        } else if c != '}' {
            return Err("expected '}' before end of string".to_string());
        } else {
            pieces.push(FormatPiece::Field { name, conversion: None, spec: "" });
        }
    }
    Ok(())
}

/// The first part of a field name.
#[derive(Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// `{}`: the next automatic index.
    Auto,
    Index(usize),
    Name(&'a str),
}

/// One accessor after the first part.
#[derive(Debug, PartialEq, Eq)]
pub enum FieldAccessor<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

/// `get_integer`: all ASCII digits, or `None`.
fn field_integer(s: &str) -> Result<Option<usize>, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .ok()
        .filter(|&v| v <= isize::MAX as usize)
        .map(Some)
        .ok_or_else(|| "Too many decimal digits in format string".to_string())
}

/// `field_name_split`.
pub fn parse_field_name(name: &str) -> Result<(FieldKey<'_>, Vec<FieldAccessor<'_>>), String> {
    let (key, accessors, error) = parse_field_name_partial(name)?;
    match error {
        Some(message) => Err(message),
        None => Ok((key, accessors)),
    }
}

/// The parsed accessors of a field name and the error that stopped them.
type PartialAccessors<'a> = (FieldKey<'a>, Vec<FieldAccessor<'a>>, Option<String>);

/// `parse_field_name`, keeping the accessors parsed before an error in
/// them (CPython's `FieldNameIterator` reports such errors lazily); an error
/// in the first part is still an `Err`.
pub fn parse_field_name_partial(name: &str) -> Result<PartialAccessors<'_>, String> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let key = if first.is_empty() {
        FieldKey::Auto
    } else {
        match field_integer(first)? {
            Some(i) => FieldKey::Index(i),
            None => FieldKey::Name(first),
        }
    };
    let mut accessors = Vec::new();
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            if end == 0 {
                return Ok((key, accessors, Some("Empty attribute in format string".to_string())));
            }
            accessors.push(FieldAccessor::Attr(&after[..end]));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                return Ok((key, accessors, Some("Missing ']' in format string".to_string())));
            };
            if end == 0 {
                return Ok((key, accessors, Some("Empty attribute in format string".to_string())));
            }
            let item = &after[..end];
            let index = match field_integer(item) {
                Ok(index) => index,
                Err(message) => return Ok((key, accessors, Some(message))),
            };
            accessors.push(match index {
                Some(i) => FieldAccessor::Index(i),
                None => FieldAccessor::Key(item),
            });
            rest = &after[end + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Ok((
                    key,
                    accessors,
                    Some("Only '.' or '[' may follow ']' in format field specifier".to_string()),
                ));
            }
        } else {
            return Ok((key, accessors, Some("Only '.' or '[' may follow ']' in format field specifier".to_string())));
        }
    }
    Ok((key, accessors, None))
}

/// The state of automatic field numbering across a format string and its
/// nested specs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumbering {
    Unknown,
    Auto(usize),
    Manual,
}

/// Render a format string with positional `args` (`None` for `format_map`,
/// where positional fields are an error) and keyword `kwargs` (a mapping, or
/// NULL).
fn render_format(
    vm: &mut Vm,
    format: &str,
    args: Option<&[Value]>,
    kwargs: Value,
    numbering: &mut AutoNumbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let pieces = match parse_format_string(format) {
        Ok(p) => p,
        Err(message) => return Err(vm.value_error(message)),
    };
    let mut out = String::new();
    for piece in pieces {
        let (name, conversion, spec) = match piece {
            FormatPiece::Literal(text) => {
                out.push_str(text);
                continue;
            }
            FormatPiece::Field { name, conversion, spec } => (name, conversion, spec),
        };
        let (key, accessors) = parse_field_name(name).map_err(|m| vm.value_error(m))?;
        let mut obj = match key {
            FieldKey::Auto | FieldKey::Index(_) => {
                let index = match (key, *numbering) {
                    (FieldKey::Auto, AutoNumbering::Manual) => {
                        return Err(vm
                            .value_error("cannot switch from manual field specification to automatic field numbering"))
                    }
                    (FieldKey::Auto, AutoNumbering::Auto(n)) => {
                        *numbering = AutoNumbering::Auto(n + 1);
                        n
                    }
                    (FieldKey::Auto, AutoNumbering::Unknown) => {
                        *numbering = AutoNumbering::Auto(1);
                        0
                    }
                    (FieldKey::Index(_), AutoNumbering::Auto(_)) => {
                        return Err(vm
                            .value_error("cannot switch from automatic field numbering to manual field specification"))
                    }
                    (FieldKey::Index(i), _) => {
                        *numbering = AutoNumbering::Manual;
                        i
                    }
                    (FieldKey::Name(_), _) => unreachable!("matched above"),
                };
                let Some(args) = args else {
                    return Err(vm.value_error("Format string contains positional fields"));
                };
                match args.get(index) {
                    Some(&v) => v,
                    None => {
                        return Err(
                            vm.index_error(format!("Replacement index {index} out of range for positional args tuple"))
                        )
                    }
                }
            }
            FieldKey::Name(name) => {
                if kwargs.is_null() {
                    let key = vm.new_str(name);
                    return Err(vm.key_error(key));
                }
                let key = vm.new_str(name);
                sequence::getitem(vm, kwargs, key)?
            }
        };
        for accessor in accessors {
            obj = match accessor {
                FieldAccessor::Attr(name) => attr::getattr_str(vm, obj, name)?,
                FieldAccessor::Index(i) => sequence::getitem(vm, obj, Value::from_small(i as i64))?,
                FieldAccessor::Key(key) => {
                    let key = vm.new_str(key);
                    sequence::getitem(vm, obj, key)?
                }
            };
        }
        obj = match conversion {
            None => obj,
            Some('r') => object::repr(vm, obj)?.value(),
            Some('s') => object::str(vm, obj)?.value(),
            Some('a') => object::ascii(vm, obj)?.value(),
            Some(other) => {
                let message = if (' '..='~').contains(&other) {
                    format!("Unknown conversion specifier {other}")
                } else {
                    format!("Unknown conversion specifier \\x{:x}", other as u32)
                };
                return Err(vm.value_error(message));
            }
        };
        let spec = if spec.contains('{') {
            render_format(vm, spec, args, kwargs, numbering, depth - 1)?
        } else {
            spec.to_string()
        };
        let formatted = if spec.is_empty() && obj.downcast::<PyStr>().is_some() && vm.is_exact(obj, vm.types.str) {
            obj
        } else {
            let spec_value = new_string(vm, spec);
            object::format(vm, obj, spec_value)?
        };
        match formatted.downcast::<PyStr>() {
            Some(text) => out.push_str(text.as_str()),
            None => {
                let name = vm.type_name(formatted);
                return Err(vm.type_error(format!("__format__ must return a str, not {name}")));
            }
        }
    }
    Ok(out)
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "format")?;
    let positional = &args.positional()[1..];
    let kwargs = if args.has_kwargs() {
        let dict = PyDict::new(vm);
        for (name, value) in args.kwargs() {
            dict.set_item(vm, name.value(), value)?;
        }
        dict.value()
    } else {
        Value::NULL
    };
    let mut numbering = AutoNumbering::Unknown;
    let text = render_format(vm, s.as_str(), Some(positional), kwargs, &mut numbering, 2)?;
    Ok(new_string(vm, text))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, mapping] = args.exact::<2>(vm, "str.format_map")?;
    let s = this_str(vm, this, "format_map")?;
    let mut numbering = AutoNumbering::Unknown;
    let text = render_format(vm, s.as_str(), None, mapping, &mut numbering, 2)?;
    Ok(new_string(vm, text))
}

// ---- printf-style formatting --------------------------------------------------------------

/// The flags of one `%` conversion.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
struct PercentFlags {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

/// Where the next argument comes from (`unicode_format_getnextarg`): a
/// tuple's items in order, or the single non-tuple argument once.
struct ArgCursor {
    args: Value,
    /// -1 for a single non-tuple argument.
    len: isize,
    /// -2 before the single argument is used.
    index: isize,
}

impl ArgCursor {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.index < self.len {
            let i = self.index;
            self.index += 1;
            if self.len < 0 {
                return Ok(self.args);
            }
            let tuple = self.args.downcast::<PyTuple>().expect("tuple arguments");
            return Ok(tuple.get(i as usize));
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// `format % args` for `str` (or, with `bytes_mode`, for `bytes` with the
/// format and the result as Latin-1 text).
pub fn percent_format(vm: &mut Vm, format: &str, args: Value, bytes_mode: bool) -> PyResult<String> {
    let is_tuple = args.downcast::<PyTuple>().is_some();
    let mut cursor = match args.downcast::<PyTuple>() {
        Some(t) => ArgCursor { args, len: t.len() as isize, index: 0 },
        None => ArgCursor { args, len: -1, index: -2 },
    };
    // A mapping argument serves `%(name)s`.
    let is_text = if bytes_mode {
        args.downcast::<crate::types::bytes::PyBytes>().is_some()
    } else {
        args.downcast::<PyStr>().is_some()
    };
    let dict = if !is_tuple && !is_text && attr::lookup_special(vm, args, "__getitem__").is_some() {
        args
    } else {
        Value::NULL
    };
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::with_capacity(format.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if pos >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if chars[pos] == '%' {
            out.push('%');
            pos += 1;
            continue;
        }
        // %(key)
        let mut value = Value::NULL;
        if chars[pos] == '(' {
            if dict.is_null() {
                return Err(vm.type_error("format requires a mapping"));
            }
            pos += 1;
            let key_start = pos;
            let mut depth = 1;
            while pos < chars.len() {
                match chars[pos] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key_text: String = chars[key_start..pos].iter().collect();
            pos += 1;
            let key = if bytes_mode {
                let raw: Vec<u8> = key_text.chars().map(|c| c as u32 as u8).collect();
                crate::types::bytes::new_bytes(vm, &raw)
            } else {
                new_string(vm, key_text)
            };
            value = sequence::getitem(vm, dict, key)?;
            // As CPython: the looked-up value becomes the (used) single
            // argument, so a later `%s` without a key has none left.
            cursor.args = value;
            cursor.len = -1;
            cursor.index = -1;
        }
        // Flags.
        let mut flags = PercentFlags::default();
        while pos < chars.len() {
            match chars[pos] {
                '-' => flags.left = true,
                '+' => flags.sign = true,
                ' ' => flags.blank = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            pos += 1;
        }
        // Width.
        let mut width: usize = 0;
        if pos < chars.len() && chars[pos] == '*' {
            pos += 1;
            let w = cursor.next(vm)?;
            let Some(w) = star_int(w) else {
                return Err(vm.type_error("* wants int"));
            };
            if w < 0 {
                flags.left = true;
            }
            width = w.unsigned_abs() as usize;
        } else {
            while pos < chars.len() && chars[pos].is_ascii_digit() {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(chars[pos] as usize - '0' as usize))
                    .filter(|&w| w <= i32::MAX as usize)
                    .ok_or_else(|| vm.value_error("width too big"))?;
                pos += 1;
            }
        }
        // Precision.
        let mut precision: Option<usize> = None;
        if pos < chars.len() && chars[pos] == '.' {
            pos += 1;
            if pos < chars.len() && chars[pos] == '*' {
                pos += 1;
                let p = cursor.next(vm)?;
                let Some(p) = star_int(p) else {
                    return Err(vm.type_error("* wants int"));
                };
                precision = Some(p.max(0) as usize);
            } else {
                let mut p: usize = 0;
                while pos < chars.len() && chars[pos].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(chars[pos] as usize - '0' as usize))
                        .filter(|&v| v <= i32::MAX as usize)
                        .ok_or_else(|| vm.value_error("precision too big"))?;
                    pos += 1;
                }
                precision = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        while pos < chars.len() && matches!(chars[pos], 'h' | 'l' | 'L') {
            pos += 1;
        }
        if pos >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conversion = chars[pos];
        let conversion_index = pos;
        pos += 1;
        if value.is_null() {
            value = cursor.next(vm)?;
        }
        let body = match conversion {
            's' | 'r' | 'a' | 'b' if bytes_mode => {
                let text = match conversion {
                    's' | 'b' => bytes_for_percent_s(vm, value)?,
                    _ => ascii_latin1(vm, value)?,
                };
                truncate(text, precision)
            }
            's' | 'r' | 'a' => {
                let s = match conversion {
                    's' => object::str(vm, value)?,
                    'r' => object::repr(vm, value)?,
                    _ => object::ascii(vm, value)?,
                };
                truncate(s.as_str().to_string(), precision)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = percent_int(vm, value, conversion)?;
                let digits = format_int(&n, conversion, precision, flags);
                out.push_str(&pad_number(digits, width, flags));
                continue;
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = percent_float(vm, value)?;
                let style = FloatStyle::from_code(conversion).expect("float conversion");
                let mut text = double_to_string(
                    x,
                    style,
                    precision.unwrap_or(6),
                    DtoaFlags { alt: flags.alt, ..DtoaFlags::default() },
                );
                if !text.starts_with('-') {
                    if flags.sign {
                        text.insert(0, '+');
                    } else if flags.blank {
                        text.insert(0, ' ');
                    }
                }
                out.push_str(&pad_number(text, width, flags));
                continue;
            }
            'c' => percent_char(vm, value, bytes_mode)?.to_string(),
            _ => {
                let message = if (' '..='~').contains(&conversion) {
                    format!(
                        "unsupported format character '{conversion}' (0x{:x}) at index {conversion_index}",
                        conversion as u32
                    )
                } else {
                    format!(
                        "unsupported format character '\\x{:x}' (0x{:x}) at index {conversion_index}",
                        conversion as u32, conversion as u32
                    )
                };
                return Err(vm.value_error(message));
            }
        };
        let len = body.chars().count();
        if len >= width {
            out.push_str(&body);
        } else if flags.left {
            out.push_str(&body);
            out.extend(std::iter::repeat_n(' ', width - len));
        } else {
            out.extend(std::iter::repeat_n(' ', width - len));
            out.push_str(&body);
        }
    }
    if cursor.index < cursor.len && dict.is_null() {
        let message = if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        };
        return Err(vm.type_error(message));
    }
    Ok(out)
}

/// The int argument of `*` width or precision.
fn star_int(v: Value) -> Option<i64> {
    crate::types::int::as_bigint(v).map(|b| b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

/// The first `precision` characters of `text`.
fn truncate(text: String, precision: Option<usize>) -> String {
    match precision {
        Some(p) if text.chars().count() > p => text.chars().take(p).collect(),
        _ => text,
    }
}

/// The integer value of a `%d`/`%x`/... argument (`mainformatlong`).
fn percent_int(vm: &mut Vm, v: Value, conversion: char) -> PyResult<BigInt> {
    if let Some(n) = crate::types::int::as_bigint(v) {
        return Ok(n.into_owned());
    }
    let is_number = attr::lookup_special(vm, v, "__index__").is_some()
        || attr::lookup_special(vm, v, "__int__").is_some()
        || attr::lookup_special(vm, v, "__float__").is_some();
    if is_number {
        if matches!(conversion, 'o' | 'x' | 'X') {
            if attr::lookup_special(vm, v, "__index__").is_some() {
                let i = number::index(vm, v)?;
                return Ok(crate::types::int::as_bigint(i).map(|b| b.into_owned()).unwrap_or_default());
            }
        } else {
            if let Some(x) = crate::types::float::as_f64(v) {
                return float_to_bigint(vm, x);
            }
            let int_type = vm.types.int.value();
            let i = call::call(vm, int_type, &[v])?;
            return Ok(crate::types::int::as_bigint(i).map(|b| b.into_owned()).unwrap_or_default());
        }
    }
    let name = vm.type_name(v);
    let message = if matches!(conversion, 'o' | 'x' | 'X') {
        format!("%{conversion} format: an integer is required, not {name}")
    } else {
        format!("%{conversion} format: a real number is required, not {name}")
    };
    Err(vm.type_error(message))
}

/// `int(x)` of a float.
pub fn float_to_bigint(vm: &mut Vm, x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

/// The float value of a `%e`/`%f`/`%g` argument.
fn percent_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(x) = crate::types::float::as_f64(v) {
        return Ok(x);
    }
    if let Some(n) = crate::types::int::as_bigint(v) {
        return match n.to_f64().filter(|x| x.is_finite()) {
            Some(x) => Ok(x),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let float_type = vm.types.float.value();
    if attr::lookup_special(vm, v, "__float__").is_some() || attr::lookup_special(vm, v, "__index__").is_some() {
        let f = call::call(vm, float_type, &[v])?;
        if let Some(x) = crate::types::float::as_f64(f) {
            return Ok(x);
        }
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {name}")))
}

/// The digits of an integer conversion with its sign, prefix and precision.
fn format_int(n: &BigInt, conversion: char, precision: Option<usize>, flags: PercentFlags) -> String {
    let magnitude = n.abs();
    let mut digits = match conversion {
        'o' => magnitude.to_str_radix(8),
        'x' => magnitude.to_str_radix(16),
        'X' => magnitude.to_str_radix(16).to_ascii_uppercase(),
        _ => magnitude.to_str_radix(10),
    };
    if let Some(p) = precision {
        if digits.len() < p {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let prefix = match (flags.alt, conversion) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let sign = if n.is_negative() {
        "-"
    } else if flags.sign {
        "+"
    } else if flags.blank {
        " "
    } else {
        ""
    };
    format!("{sign}{prefix}{digits}")
}

/// Pad a formatted number to `width`: spaces on the left or right, or zeros
/// after the sign and `0x`-style prefix.
fn pad_number(text: String, width: usize, flags: PercentFlags) -> String {
    let len = text.chars().count();
    if len >= width {
        return text;
    }
    let fill = width - len;
    if flags.left {
        let mut out = text;
        out.extend(std::iter::repeat_n(' ', fill));
        return out;
    }
    if flags.zero {
        let bytes = text.as_bytes();
        let mut split = 0;
        if matches!(bytes.first(), Some(b'-' | b'+' | b' ')) {
            split = 1;
        }
        if bytes.len() >= split + 2 && bytes[split] == b'0' && matches!(bytes[split + 1], b'x' | b'X' | b'o') {
            split += 2;
        }
        let mut out = String::with_capacity(width);
        out.push_str(&text[..split]);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(&text[split..]);
        return out;
    }
    let mut out = " ".repeat(fill);
    out.push_str(&text);
    out
}

/// The character of a `%c` argument.
fn percent_char(vm: &mut Vm, v: Value, bytes_mode: bool) -> PyResult<char> {
    if bytes_mode {
        if let Some(b) = crate::types::str_methods::bytes_like(v) {
            if b.len() == 1 {
                return Ok(b[0] as char);
            }
        } else if let Some(n) = crate::types::int::as_bigint(v) {
            return match n.to_u8() {
                Some(b) => Ok(b as char),
                None => Err(vm.overflow_error("%c arg not in range(256)")),
            };
        }
        return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
    }
    if let Some(s) = v.downcast::<PyStr>() {
        if s.char_len() == 1 {
            return Ok(s.char_at(0));
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    if crate::types::int::as_bigint(v).is_none() && attr::lookup_special(vm, v, "__index__").is_none() {
        return Err(vm.type_error("%c requires int or char"));
    }
    let i = number::index(vm, v)?;
    match crate::types::int::as_bigint(i).and_then(|n| n.to_u32()).and_then(char::from_u32) {
        Some(c) => Ok(c),
        None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

/// `%s`/`%b` in bytes mode: a bytes-like object or `__bytes__`, as Latin-1.
fn bytes_for_percent_s(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(b) = crate::types::str_methods::bytes_like(v) {
        return Ok(b.iter().map(|&b| b as char).collect());
    }
    if v.downcast::<PyStr>().is_none() {
        if let Some(method) = attr::lookup_special(vm, v, "__bytes__") {
            let result = call::call(vm, method, &[v])?;
            if let Some(b) = crate::types::str_methods::bytes_like(result) {
                return Ok(b.iter().map(|&b| b as char).collect());
            }
            let name = vm.type_name(result);
            return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {name})")));
        }
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{name}'")))
}

/// `%r`/`%a` in bytes mode: `ascii(v)` (pure ASCII, so valid Latin-1).
fn ascii_latin1(vm: &mut Vm, v: Value) -> PyResult<String> {
    Ok(object::ascii(vm, v)?.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<FormatPiece<'_>> {
        parse_format_string(s).expect("valid format string")
    }

    #[test]
    fn format_string_literals_and_escapes() {
        assert_eq!(
            pieces("a{{b}}c"),
            vec![FormatPiece::Literal("a{"), FormatPiece::Literal("b}"), FormatPiece::Literal("c")]
        );
        assert_eq!(pieces(""), vec![]);
    }

    #[test]
    fn format_string_fields() {
        assert_eq!(
            pieces("x{0!r:>{w}}y{name.attr[k]}"),
            vec![
                FormatPiece::Literal("x"),
                FormatPiece::Field { name: "0", conversion: Some('r'), spec: ">{w}" },
                FormatPiece::Literal("y"),
                FormatPiece::Field { name: "name.attr[k]", conversion: None, spec: "" },
            ]
        );
        assert_eq!(pieces("{}"), vec![FormatPiece::Field { name: "", conversion: None, spec: "" }]);
        assert_eq!(pieces("{0[}]}"), vec![FormatPiece::Field { name: "0[}]", conversion: None, spec: "" }]);
    }

    #[test]
    fn format_string_errors_match_cpython() {
        let err = |s: &str| parse_format_string(s).unwrap_err();
        assert_eq!(err("{"), "Single '{' encountered in format string");
        assert_eq!(err("}"), "Single '}' encountered in format string");
        assert_eq!(err("{0"), "expected '}' before end of string");
        assert_eq!(err("{!}"), "unmatched '{' in format spec");
        assert_eq!(err("{!rr}"), "expected ':' after conversion specifier");
        assert_eq!(err("{a{}"), "unexpected '{' in field name");
        assert_eq!(err("{0[}"), "expected '}' before end of string");
        assert_eq!(err("{!"), "end of string while looking for conversion specifier");
    }

    #[test]
    fn field_names() {
        assert_eq!(parse_field_name("").unwrap(), (FieldKey::Auto, vec![]));
        assert_eq!(
            parse_field_name("12.real[3][key]").unwrap(),
            (
                FieldKey::Index(12),
                vec![FieldAccessor::Attr("real"), FieldAccessor::Index(3), FieldAccessor::Key("key")]
            )
        );
        assert_eq!(parse_field_name("-1").unwrap(), (FieldKey::Name("-1"), vec![]));
        assert_eq!(parse_field_name("0.").unwrap_err(), "Empty attribute in format string");
        assert_eq!(parse_field_name("0[0]x").unwrap_err(), "Only '.' or '[' may follow ']' in format field specifier");
        assert_eq!(parse_field_name("0[0").unwrap_err(), "Missing ']' in format string");
    }

    #[test]
    fn integer_conversions() {
        let flags = |s: &str| PercentFlags {
            left: s.contains('-'),
            sign: s.contains('+'),
            blank: s.contains(' '),
            alt: s.contains('#'),
            zero: s.contains('0'),
        };
        let n = BigInt::from(255);
        assert_eq!(format_int(&n, 'x', None, flags("#")), "0xff");
        assert_eq!(format_int(&n, 'X', None, flags("#")), "0XFF");
        assert_eq!(format_int(&BigInt::from(-5), 'd', Some(3), flags("")), "-005");
        assert_eq!(pad_number(format_int(&BigInt::from(5), 'd', None, flags("+0")), 5, flags("+0")), "+0005");
        assert_eq!(pad_number(format_int(&n, 'x', None, flags("#0")), 8, flags("#0")), "0x0000ff");
        assert_eq!(pad_number("5".to_string(), 4, flags("-0")), "5   ");
        assert_eq!(pad_number("inf".to_string(), 10, flags("0")), "0000000inf");
    }
}
