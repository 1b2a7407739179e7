//! The format-spec mini-language: `format(value, spec)` for int, float,
//! complex and str.
//!
//! Mirrors CPython's `Python/formatter_unicode.c`:
//!
//! * [`FormatSpec::parse`] is `parse_internal_render_format_spec`, the
//!   grammar `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
//!   with its error messages. It records what was written; the per-type
//!   defaults (default type `d` for int, none for float and complex, `s` for
//!   str; default alignment `>` for numbers and `<` for strings; the `0` flag
//!   meaning `=` alignment only for numbers) are applied by `resolve`, which
//!   is also where CPython validates `,`/`_` against the type.
//! * Numbers are laid out as CPython's `calc_number_widths` + `fill_number`:
//!   `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`, where
//!   only one of the three paddings is non-zero. With `0` padding (fill `0`
//!   and `=` alignment) the zeros are part of the digit run and get grouping
//!   separators too (`format(1234, '010,') == '00,001,234'`), exactly as
//!   `_PyUnicode_InsertThousandsGrouping` does.
//! * Floats go through [`double_to_string`] first (`format_float_internal`),
//!   then the result is split into sign, integer digits, decimal point and
//!   remainder (`parse_number`) and laid out like an int.
//! * Type `n` uses the current locale in CPython. Krait never calls
//!   `setlocale`, so the locale is always "C": `n` behaves like `d`/`g`
//!   without grouping, as in a default CPython.
//!
//! Width, fill and precision count characters (code points), not bytes.

use num_bigint::BigInt;
use num_traits::Signed;

use super::float_repr::{double_to_string, DtoaFlags, FloatStyle};
use super::int_parse::{decimal_value, int_to_string_radix};
use super::round::int_to_float;
use super::{value_error, NumericError, NumericResult};

/// The `align` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding between the sign/prefix and the digits.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        Some(match c {
            '<' => Align::Left,
            '>' => Align::Right,
            '^' => Align::Center,
            '=' => Align::AfterSign,
            _ => return None,
        })
    }
}

/// The `sign` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: a sign for positive numbers too.
    Plus,
    /// `-` (the default behaviour): a sign only for negative numbers.
    Minus,
    /// ` `: a space for positive numbers.
    Space,
}

/// The grouping field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

/// A parsed format spec, as written (per-type defaults not yet applied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when one was written before an alignment.
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` before the width (ignored when a fill was written).
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type, when one was written.
    pub type_code: Option<char>,
}

/// Which thousands separator and group size to use (`LocaleInfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    None,
    Comma,
    Underscore,
    /// `_` every four digits, for `b`, `o`, `x`, `X`.
    UnderscoreFour,
}

impl Separator {
    fn char_and_group(self) -> Option<(char, i64)> {
        match self {
            Separator::None => None,
            Separator::Comma => Some((',', 3)),
            Separator::Underscore => Some(('_', 3)),
            Separator::UnderscoreFour => Some(('_', 4)),
        }
    }
}

/// A spec with the defaults of the formatted type applied
/// (CPython's `InternalFormatSpec`). `'\0'` stands for "no type".
#[derive(Debug, Clone, Copy)]
struct Resolved {
    fill: char,
    align: Align,
    /// `None` when no sign was written (behaves as `-`).
    sign: Option<Sign>,
    no_neg_0: bool,
    alternate: bool,
    width: i64,
    separator: Separator,
    precision: i64,
    type_code: char,
}

fn is_sign(c: char) -> Option<Sign> {
    match c {
        '+' => Some(Sign::Plus),
        '-' => Some(Sign::Minus),
        ' ' => Some(Sign::Space),
        _ => None,
    }
}

/// `get_integer`: a run of decimal digits (Unicode decimals count), with
/// CPython's overflow message.
fn parse_integer(chars: &[char], pos: &mut usize) -> NumericResult<Option<usize>> {
    let mut value: i64 = 0;
    let mut consumed = 0;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let digit = digit as i64;
        if value > (i64::MAX - digit) / 10 {
            return value_error("Too many decimal digits in format string");
        }
        value = value * 10 + digit;
        *pos += 1;
        consumed += 1;
    }
    Ok((consumed > 0).then_some(value as usize))
}

impl FormatSpec {
    /// Parse `spec` (`parse_internal_render_format_spec`). `type_name` is the
    /// Python type of the formatted object, used in the "Invalid format
    /// specifier" message.
    pub fn parse(spec: &str, type_name: &str) -> NumericResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut result = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            type_code: None,
        };

        if end >= 2 {
            if let Some(align) = Align::from_char(chars[1]) {
                result.align = Some(align);
                result.fill = Some(chars[0]);
                pos = 2;
            }
        }
        if result.align.is_none() && end >= 1 {
            if let Some(align) = Align::from_char(chars[0]) {
                result.align = Some(align);
                pos = 1;
            }
        }
        if let Some(sign) = chars.get(pos).copied().and_then(is_sign) {
            result.sign = Some(sign);
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            result.no_neg_0 = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            result.alternate = true;
            pos += 1;
        }
        if result.fill.is_none() && chars.get(pos) == Some(&'0') {
            result.zero_pad = true;
            pos += 1;
        }
        result.width = parse_integer(&chars, &mut pos)?;

        if chars.get(pos) == Some(&',') {
            result.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if result.grouping.is_some() {
                return value_error("Cannot specify both ',' and '_'.");
            }
            result.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && result.grouping == Some(Grouping::Underscore) {
            return value_error("Cannot specify both ',' and '_'.");
        }

        if chars.get(pos) == Some(&'.') {
            pos += 1;
            match parse_integer(&chars, &mut pos)? {
                Some(precision) => result.precision = Some(precision),
                None => return value_error("Format specifier missing precision"),
            }
        }

        if end - pos > 1 {
            return value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"));
        }
        if end - pos == 1 {
            result.type_code = Some(chars[pos]);
        }
        Ok(result)
    }

    /// Apply the defaults of the formatted type and validate the grouping
    /// option against the presentation type (the tail of
    /// `parse_internal_render_format_spec`).
    fn resolve(&self, default_type: char, default_align: Align) -> NumericResult<Resolved> {
        let mut fill = self.fill.unwrap_or(' ');
        let mut align = self.align.unwrap_or(default_align);
        if self.zero_pad {
            fill = '0';
            if self.align.is_none() && default_align == Align::Right {
                align = Align::AfterSign;
            }
        }
        let type_code = self.type_code.unwrap_or(default_type);
        let separator = match self.grouping {
            None => Separator::None,
            Some(grouping) => {
                let sep_char = match grouping {
                    Grouping::Comma => ',',
                    Grouping::Underscore => '_',
                };
                match type_code {
                    'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => match grouping {
                        Grouping::Comma => Separator::Comma,
                        Grouping::Underscore => Separator::Underscore,
                    },
                    'b' | 'o' | 'x' | 'X' if grouping == Grouping::Underscore => Separator::UnderscoreFour,
                    other => {
                        let shown = if (other as u32) > 32 && (other as u32) < 128 {
                            other.to_string()
                        } else {
                            format!("\\x{:x}", other as u32)
                        };
                        return value_error(format!("Cannot specify '{sep_char}' with '{shown}'."));
                    }
                }
            }
        };
        Ok(Resolved {
            fill,
            align,
            sign: self.sign,
            no_neg_0: self.no_neg_0,
            alternate: self.alternate,
            width: self.width.map_or(-1, |w| w as i64),
            separator,
            precision: self.precision.map_or(-1, |p| p as i64),
            type_code,
        })
    }
}

fn unknown_presentation_type(type_code: char, type_name: &str) -> NumericError {
    let cp = type_code as u32;
    let shown = if cp > 32 && cp < 128 { format!("'{type_code}'") } else { format!("'\\x{cp:x}'") };
    NumericError::ValueError(format!("Unknown format code {shown} for object of type '{type_name}'"))
}

/// `_PyUnicode_InsertThousandsGrouping`: group `digits` from the right,
/// padding with zeros up to `min_width` (separators included).
fn insert_grouping(digits: &[char], min_width: i64, separator: Separator) -> Vec<char> {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut source = digits.len();
    // Built right to left, reversed at the end.
    let mut out: Vec<char> = Vec::with_capacity(digits.len() * 2 + min_width as usize);
    let mut use_separator = false;
    let mut emit = |out: &mut Vec<char>, len: i64, remaining: i64, use_separator: bool| {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        if use_separator {
            if let Some((sep, _)) = separator.char_and_group() {
                out.push(sep);
            }
        }
        for _ in 0..n_chars {
            source -= 1;
            out.push(digits[source]);
        }
        for _ in 0..n_zeros {
            out.push('0');
        }
        n_chars
    };
    let mut loop_broken = false;
    if let Some((_, group)) = separator.char_and_group() {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_chars = emit(&mut out, len, remaining, use_separator);
            use_separator = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        emit(&mut out, len, remaining, use_separator);
    }
    out.reverse();
    out
}

/// The pieces of a formatted number before padding (the arguments of
/// `calc_number_widths`).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// The digits that get grouped (may be empty, for `c`).
    digits: &'a str,
    has_decimal: bool,
    /// Everything after the decimal point (or after the digits): fraction,
    /// exponent, `%`, `inf`, the character of `c`.
    remainder: &'a str,
    /// `X`: upper-case the prefix and the digits.
    upper: bool,
}

/// `calc_number_widths` + `fill_number`.
fn render_number(parts: &NumberParts<'_>, spec: &Resolved) -> String {
    let sign = match spec.sign {
        Some(Sign::Plus) => Some(if parts.negative { '-' } else { '+' }),
        Some(Sign::Space) => Some(if parts.negative { '-' } else { ' ' }),
        Some(Sign::Minus) | None => parts.negative.then_some('-'),
    };
    let n_prefix = parts.prefix.chars().count() as i64;
    let n_remainder = parts.remainder.chars().count() as i64;
    let n_non_digit = sign.is_some() as i64 + n_prefix + parts.has_decimal as i64 + n_remainder;
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign { spec.width - n_non_digit } else { 0 };
    let digit_chars: Vec<char> = parts.digits.chars().collect();
    let grouped =
        if digit_chars.is_empty() { Vec::new() } else { insert_grouping(&digit_chars, min_width, spec.separator) };
    let n_padding = spec.width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            Align::Left => rpad = n_padding,
            Align::Center => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            Align::AfterSign => spad = n_padding,
            Align::Right => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let fill = |out: &mut String, n: i64| out.extend(std::iter::repeat_n(spec.fill, n as usize));
    fill(&mut out, lpad);
    if let Some(sign) = sign {
        out.push(sign);
    }
    if parts.upper {
        out.push_str(&parts.prefix.to_ascii_uppercase());
    } else {
        out.push_str(parts.prefix);
    }
    fill(&mut out, spad);
    if parts.upper {
        out.extend(grouped.iter().map(|c| c.to_ascii_uppercase()));
    } else {
        out.extend(grouped.iter());
    }
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    fill(&mut out, rpad);
    out
}

/// `calc_padding` + fill: pad `text` (already `nchars` long) to the width.
fn pad_text(text: &str, nchars: i64, width: i64, align: Align, fill: char) -> String {
    let total = if width >= 0 { width.max(nchars) } else { nchars };
    let lpad = match align {
        Align::Right => total - nchars,
        Align::Center => (total - nchars) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let rpad = total - nchars - lpad;
    let mut out = String::with_capacity(text.len() + (total - nchars) as usize);
    out.extend(std::iter::repeat_n(fill, lpad as usize));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad as usize));
    out
}

/// `format(value, spec)` for an int (`_PyLong_FormatAdvancedWriter`).
///
/// `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit); it
/// applies to decimal output as in `str(int)`.
pub fn format_int(value: &BigInt, spec: &FormatSpec, max_str_digits: usize) -> NumericResult<String> {
    let resolved = spec.resolve('d', Align::Right)?;
    match resolved.type_code {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(value, &resolved, max_str_digits),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_internal(int_to_float(value)?, &resolved),
        other => Err(unknown_presentation_type(other, "int")),
    }
}

/// `format_long_internal`.
fn format_long_internal(value: &BigInt, spec: &Resolved, max_str_digits: usize) -> NumericResult<String> {
    if spec.precision != -1 {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_0 {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if spec.type_code == 'c' {
        if spec.sign.is_some() {
            return value_error("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let ch = char_from_int(value)?;
        let text = ch.to_string();
        return Ok(render_number(
            &NumberParts {
                negative: false,
                prefix: "",
                digits: "",
                has_decimal: false,
                remainder: &text,
                upper: false,
            },
            spec,
        ));
    }
    let (base, prefix) = match spec.type_code {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = int_to_string_radix(&value.abs(), base, max_str_digits)?;
    Ok(render_number(
        &NumberParts {
            negative: value.is_negative(),
            prefix: if spec.alternate { prefix } else { "" },
            digits: &digits,
            has_decimal: false,
            remainder: "",
            upper: spec.type_code == 'X',
        },
        spec,
    ))
}

/// The character for `%c` / `format(i, 'c')` (`formatchar`): an int in
/// `range(0x110000)`.
pub fn char_from_int(value: &BigInt) -> NumericResult<char> {
    use num_traits::ToPrimitive;
    // Values that do not fit a C long raise "Python int too large to convert
    // to C long" in CPython; any value out of range gets the range message
    // here, which is the same exception type.
    let code = value.to_i64().filter(|&v| (0..=0x10ffff).contains(&v));
    match code {
        Some(code) => Ok(char::from_u32(code as u32).unwrap_or('\u{fffd}')),
        None => Err(NumericError::OverflowError("%c arg not in range(0x110000)".to_string())),
    }
}

/// `format(value, spec)` for a float (`_PyFloat_FormatAdvancedWriter`).
pub fn format_float(value: f64, spec: &FormatSpec) -> NumericResult<String> {
    let resolved = spec.resolve('\0', Align::Right)?;
    match resolved.type_code {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_internal(value, &resolved),
        other => Err(unknown_presentation_type(other, "float")),
    }
}

/// The `double_to_string` arguments for a float presentation type
/// (the common head of `format_float_internal` and
/// `format_complex_internal`).
fn float_style_for(spec: &Resolved, add_dot_0_default: bool) -> NumericResult<(FloatStyle, usize, DtoaFlags)> {
    if spec.precision > i32::MAX as i64 {
        return value_error("precision too big");
    }
    let mut flags = DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtoaFlags::default() };
    let mut type_code = spec.type_code;
    let mut default_precision = 6;
    if type_code == '\0' {
        flags.add_dot_0 = add_dot_0_default;
        type_code = 'r';
        default_precision = 0;
    }
    if type_code == 'n' {
        type_code = 'g';
    }
    if type_code == '%' {
        type_code = 'f';
    }
    let precision = if spec.precision < 0 {
        default_precision
    } else {
        if type_code == 'r' {
            type_code = 'g';
        }
        spec.precision as usize
    };
    let style = FloatStyle::from_code(type_code).expect("float presentation type");
    Ok((style, precision, flags))
}

/// Split a `double_to_string` result into sign, integer digits, decimal
/// point and remainder (`parse_number`).
fn split_number(text: &str) -> (bool, &str, bool, &str) {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits_end = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(digits_end);
    match rest.strip_prefix('.') {
        Some(remainder) => (negative, digits, true, remainder),
        None => (negative, digits, false, rest),
    }
}

/// `format_float_internal`.
fn format_float_internal(value: f64, spec: &Resolved) -> NumericResult<String> {
    let (style, precision, flags) = float_style_for(spec, true)?;
    let percent = spec.type_code == '%';
    let mut text = double_to_string(if percent { value * 100.0 } else { value }, style, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, digits, has_decimal, remainder) = split_number(&text);
    Ok(render_number(&NumberParts { negative, prefix: "", digits, has_decimal, remainder, upper: false }, spec))
}

/// `format(value, spec)` for a complex (`format_complex_internal`).
pub fn format_complex(real: f64, imag: f64, spec: &FormatSpec) -> NumericResult<String> {
    let resolved = spec.resolve('\0', Align::Right)?;
    match resolved.type_code {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' => {}
        other => return Err(unknown_presentation_type(other, "complex")),
    }
    if resolved.fill == '0' {
        return value_error("Zero padding is not allowed in complex format specifier");
    }
    if resolved.align == Align::AfterSign {
        return value_error("'=' alignment flag is not allowed in complex format specifier");
    }
    let (style, precision, flags) = float_style_for(&resolved, false)?;
    let mut skip_re = false;
    let mut add_parens = false;
    if resolved.type_code == '\0' {
        if real == 0.0 && real.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let re_text = double_to_string(real, style, precision, flags);
    let im_text = double_to_string(imag, style, precision, flags);
    let part_spec = Resolved { fill: ' ', align: Align::Left, width: -1, ..resolved };
    let render = |text: &str, spec: &Resolved| {
        let (negative, digits, has_decimal, remainder) = split_number(text);
        render_number(&NumberParts { negative, prefix: "", digits, has_decimal, remainder, upper: false }, spec)
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&render(&re_text, &part_spec));
    }
    let im_spec = Resolved { sign: if skip_re { part_spec.sign } else { Some(Sign::Plus) }, ..part_spec };
    body.push_str(&render(&im_text, &im_spec));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let nchars = body.chars().count() as i64;
    Ok(pad_text(&body, nchars, resolved.width, resolved.align, resolved.fill))
}

/// `format(value, spec)` for a str (`format_string_internal`).
pub fn format_str(value: &str, spec: &FormatSpec) -> NumericResult<String> {
    let resolved = spec.resolve('s', Align::Left)?;
    if resolved.type_code != 's' {
        return Err(unknown_presentation_type(resolved.type_code, "str"));
    }
    match spec.sign {
        Some(Sign::Space) => return value_error("Space not allowed in string format specifier"),
        Some(_) => return value_error("Sign not allowed in string format specifier"),
        None => {}
    }
    if resolved.no_neg_0 {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if resolved.alternate {
        return value_error("Alternate form (#) not allowed in string format specifier");
    }
    if resolved.align == Align::AfterSign {
        return value_error("'=' alignment not allowed in string format specifier");
    }
    let mut len = value.chars().count() as i64;
    let text = if resolved.precision >= 0 && len > resolved.precision {
        len = resolved.precision;
        let cut = value.char_indices().nth(resolved.precision as usize).map_or(value.len(), |(i, _)| i);
        &value[..cut]
    } else {
        value
    };
    Ok(pad_text(text, len, resolved.width, resolved.align, resolved.fill))
}

/// Parse `spec` and format an int in one step (empty spec = `str(value)`).
pub fn format_int_str(value: &BigInt, spec: &str, max_str_digits: usize) -> NumericResult<String> {
    format_int(value, &FormatSpec::parse(spec, "int")?, max_str_digits)
}

/// Parse `spec` and format a float in one step (empty spec = `str(value)`).
pub fn format_float_str(value: f64, spec: &str) -> NumericResult<String> {
    format_float(value, &FormatSpec::parse(spec, "float")?)
}

/// Parse `spec` and format a complex in one step (empty spec = `str(value)`).
pub fn format_complex_str(real: f64, imag: f64, spec: &str) -> NumericResult<String> {
    format_complex(real, imag, &FormatSpec::parse(spec, "complex")?)
}

/// Parse `spec` and format a str in one step.
pub fn format_str_str(value: &str, spec: &str) -> NumericResult<String> {
    format_str(value, &FormatSpec::parse(spec, "str")?)
}

#[cfg(test)]
// 3.14159 below is a test input taken from CPython examples, not an approximation of π.
#[allow(clippy::approx_constant)]
mod tests {
    //! Expected values produced by CPython 3.11 (`format(value, spec)`).
    use super::*;

    type Expect = Result<&'static str, &'static str>;

    fn show(result: NumericResult<String>) -> Result<String, String> {
        result.map_err(|e| e.to_string())
    }

    fn expect(e: Expect) -> Result<String, String> {
        e.map(str::to_string).map_err(str::to_string)
    }

    fn check_int(value: &str, spec: &str, expected: Expect) {
        let v: BigInt = value.parse().unwrap();
        assert_eq!(show(format_int_str(&v, spec, 4300)), expect(expected), "format({value}, {spec:?})");
    }

    fn check_float(value: f64, spec: &str, expected: Expect) {
        assert_eq!(show(format_float_str(value, spec)), expect(expected), "format({value:?}, {spec:?})");
    }

    fn check_complex(re: f64, im: f64, spec: &str, expected: Expect) {
        assert_eq!(
            show(format_complex_str(re, im, spec)),
            expect(expected),
            "format(complex({re:?}, {im:?}), {spec:?})"
        );
    }

    fn check_str(value: &str, spec: &str, expected: Expect) {
        assert_eq!(show(format_str_str(value, spec)), expect(expected), "format({value:?}, {spec:?})");
    }

    #[test]
    fn matches_cpython() {
        check_int("1", "abc", Err("ValueError: Invalid format specifier 'abc' for object of type 'int'"));
        check_int("1", "z", Err("ValueError: Negative zero coercion (z) not allowed in integer format specifier"));
        check_int("255", "#X", Ok("0XFF"));
        check_int("255", "#010x", Ok("0x000000ff"));
        check_int("1234", "010,", Ok("00,001,234"));
        check_int("1", ",b", Err("ValueError: Cannot specify ',' with 'b'."));
        check_int("1", "_c", Err("ValueError: Cannot specify '_' with 'c'."));
        check_int("1", ",_", Err("ValueError: Cannot specify both ',' and '_'."));
        check_int("1", "_,", Err("ValueError: Cannot specify both ',' and '_'."));
        check_int("1", ".", Err("ValueError: Format specifier missing precision"));
        check_int("1", ".2", Err("ValueError: Precision not allowed in integer format specifier"));
        check_int("1", "#c", Err("ValueError: Alternate form (#) not allowed with integer format specifier 'c'"));
        check_int("1", "+c", Err("ValueError: Sign not allowed with integer format specifier 'c'"));
        check_int("1", "-c", Err("ValueError: Sign not allowed with integer format specifier 'c'"));
        check_int("1", "99999999999999999999", Err("ValueError: Too many decimal digits in format string"));
        check_int("5", "=^10", Ok("====5====="));
        check_int("-5", "x<+7", Ok("-5xxxxx"));
        check_int("-1234", "012,", Ok("-000,001,234"));
        check_int("1234", "_x", Ok("4d2"));
        check_int("74565", "_x", Ok("1_2345"));
        check_int("74565", "#_x", Ok("0x1_2345"));
        check_int("-255", "#b", Ok("-0b11111111"));
        check_int("65", "c", Ok("A"));
        check_int("65", "^5c", Ok("  A  "));
        check_int("1", "%", Ok("100.000000%"));
        check_int("114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376", "e", Err("OverflowError: int too large to convert to float"));
        check_int("12345", "n", Ok("12345"));
        check_int("1234567", ",", Ok("1,234,567"));
        check_int("1234567", "_", Ok("1_234_567"));
        check_int("-1234567", "+,", Ok("-1,234,567"));
        check_int("42", " ", Ok(" 42"));
        check_int("42", " d", Ok(" 42"));
        check_int("0", "08b", Ok("00000000"));
        check_int("-42", "08", Ok("-0000042"));
        check_int("42", "<08", Ok("42000000"));
        check_int("42", "*^9,", Ok("***42****"));
        check_int(
            "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "e",
            Ok("1.000000e+100"),
        );
        check_int("255", "o", Ok("377"));
        check_int("255", "#o", Ok("0o377"));
        check_int("-1", "#x", Ok("-0x1"));
        check_int("1234", "q", Err("ValueError: Unknown format code 'q' for object of type 'int'"));
        check_int("123", "", Ok("123"));
        check_int("-123", "", Ok("-123"));
        check_int("1", "\x01", Err("ValueError: Unknown format code '\\x1' for object of type 'int'"));
        check_int("12345678", "_b", Ok("1011_1100_0110_0001_0100_1110"));
        check_int("12345678", "_o", Ok("5706_0516"));
        check_int("99", ".3f", Ok("99.000"));
        check_int("7", "g", Ok("7"));
        check_int("12345", "G", Ok("12345"));
        check_int("12345", "12,.1f", Ok("    12,345.0"));
        check_int("1", "0=5", Ok("00001"));
        check_int("100000000000000000000", "n", Ok("100000000000000000000"));
        check_int("1234", "€>8,", Ok("€€€1,234"));
        check_int("1", "١٠", Ok("         1"));
        check_int("1114112", "c", Err("OverflowError: %c arg not in range(0x110000)"));
        check_int("-1", "c", Err("OverflowError: %c arg not in range(0x110000)"));
        check_int("5", ",n", Err("ValueError: Cannot specify ',' with 'n'."));
        check_int("5", "z.2f", Ok("5.00"));
        check_float(1.5, "q", Err("ValueError: Unknown format code 'q' for object of type 'float'"));
        check_float(1.5, "\x01", Err("ValueError: Unknown format code '\\x1' for object of type 'float'"));
        check_float(1.0, ".99999999999999999999f", Err("ValueError: Too many decimal digits in format string"));
        check_float(1.0, ".3000000000f", Err("ValueError: precision too big"));
        check_float(f64::INFINITY, "010", Ok("0000000inf"));
        check_float(1.0, "", Ok("1.0"));
        check_float(1.0, "g", Ok("1"));
        check_float(1e+16, "", Ok("1e+16"));
        check_float(1.0, ".2", Ok("1.0"));
        check_float(123456.0, ".2", Ok("1.2e+05"));
        check_float(1.5, "%", Ok("150.000000%"));
        check_float(-0.0, "z.1f", Ok("0.0"));
        check_float(-0.001, "z.1f", Ok("0.0"));
        check_float(1234567.0, ",", Ok("1,234,567.0"));
        check_float(1234567.5, "_.2f", Ok("1_234_567.50"));
        check_float(1e+100, ",", Ok("1e+100"));
        check_float(1234.5, "n", Ok("1234.5"));
        check_float(f64::NAN, "+", Ok("+nan"));
        check_float(-f64::INFINITY, "E", Ok("-INF"));
        check_float(1e-05, "", Ok("1e-05"));
        check_float(0.0001, "", Ok("0.0001"));
        check_float(1e+22, "f", Ok("10000000000000000000000.000000"));
        check_float(0.5, ".0f", Ok("0"));
        check_float(2.5, ".0f", Ok("2"));
        check_float(1.0, "#.0e", Ok("1.e+00"));
        check_float(1.0, "#g", Ok("1.00000"));
        check_float(100.0, "#.3g", Ok("100."));
        check_float(1e-10, "g", Ok("1e-10"));
        check_float(1.23e-05, ".3", Ok("1.23e-05"));
        check_float(3.14159, "10.3f", Ok("     3.142"));
        check_float(3.14159, "<10.3f", Ok("3.142     "));
        check_float(3.14159, "^10.3f", Ok("  3.142   "));
        check_float(-3.14159, "=10.3f", Ok("-    3.142"));
        check_float(-3.14159, "010.3f", Ok("-00003.142"));
        check_float(3.14159, "+.2e", Ok("+3.14e+00"));
        check_float(1234.5678, "012,.2f", Ok("0,001,234.57"));
        check_float(1234.5678, "_^15.1f", Ok("____1234.6_____"));
        check_float(0.000123, "%", Ok("0.012300%"));
        check_float(0.5, ".0%", Ok("50%"));
        check_float(-0.0, "", Ok("-0.0"));
        check_float(-0.0, "z", Ok("0.0"));
        check_float(-0.0, "+", Ok("-0.0"));
        check_float(1e+200, ".3", Ok("1e+200"));
        check_float(1.5, "#", Ok("1.5"));
        check_float(2.0, "#.0f", Ok("2."));
        check_float(1e+16, "n", Ok("1e+16"));
        check_float(123.456, ".0e", Ok("1e+02"));
        check_float(1.0, ",d", Err("ValueError: Unknown format code 'd' for object of type 'float'"));
        check_float(f64::NAN, "010", Ok("0000000nan"));
        check_float(-f64::INFINITY, "=+9", Ok("-     inf"));
        check_float(12345.678, ",g", Ok("12,345.7"));
        check_float(1000000.0, ",.2e", Ok("1.00e+06"));
        check_float(9.5, ".0f", Ok("10"));
        check_float(0.05, ".1f", Ok("0.1"));
        check_float(1.0, "z", Ok("1.0"));
        check_float(-1e-09, "z.2e", Ok("-1.00e-09"));
        check_float(3.0, "_", Ok("3.0"));
        check_float(1234567.0, "_", Ok("1_234_567.0"));
        check_complex(1.0, 2.0, "", Ok("(1+2j)"));
        check_complex(1.0, 2.0, "g", Ok("1+2j"));
        check_complex(1.0, 2.0, "10", Ok("    (1+2j)"));
        check_complex(0.0, 2.0, "", Ok("2j"));
        check_complex(1.0, 2.0, "+.2f", Ok("+1.00+2.00j"));
        check_complex(0.0, 1.0, "^12", Ok("     1j     "));
        check_complex(0.0, 1.0, "05", Err("ValueError: Zero padding is not allowed in complex format specifier"));
        check_complex(0.0, 1.0, "=5", Err("ValueError: '=' alignment flag is not allowed in complex format specifier"));
        check_complex(0.0, 1.0, "0<5", Err("ValueError: Zero padding is not allowed in complex format specifier"));
        check_complex(-0.0, -1.0, "", Ok("(-0-1j)"));
        check_complex(f64::NAN, f64::INFINITY, "", Ok("(nan+infj)"));
        check_complex(1e+16, 1.0, "", Ok("(1e+16+1j)"));
        check_complex(0.0, 0.0, "", Ok("0j"));
        check_complex(-0.0, 0.0, "", Ok("(-0+0j)"));
        check_complex(1.5, 0.0, "", Ok("(1.5+0j)"));
        check_complex(1.5, 2.25, ".1f", Ok("1.5+2.2j"));
        check_complex(1.0, 2.0, "<12", Ok("(1+2j)      "));
        check_complex(1.0, 2.0, "*>12.2e", Ok("1.00e+00+2.00e+00j"));
        check_complex(-1.0, -2.0, " g", Ok("-1-2j"));
        check_complex(1e+20, 1e+20, ",", Ok("(1e+20+1e+20j)"));
        check_complex(1.0, 2.0, "d", Err("ValueError: Unknown format code 'd' for object of type 'complex'"));
        check_complex(1234.0, 5678.0, ",", Ok("(1,234+5,678j)"));
        check_complex(0.0, 1.0, "%", Err("ValueError: Unknown format code '%' for object of type 'complex'"));
        check_complex(1.0, 1.0, "#g", Ok("1.00000+1.00000j"));
        check_complex(1.0, 2.0, "z", Ok("(1+2j)"));
        check_complex(-0.0, 0.0, "z", Ok("(0+0j)"));
        check_complex(1.0, 2.0, "n", Ok("1+2j"));
        check_str("a", "abc", Err("ValueError: Invalid format specifier 'abc' for object of type 'str'"));
        check_str("a", "z", Err("ValueError: Negative zero coercion (z) not allowed in string format specifier"));
        check_str("a", " ", Err("ValueError: Space not allowed in string format specifier"));
        check_str("a", "+", Err("ValueError: Sign not allowed in string format specifier"));
        check_str("abc", "05", Ok("abc00"));
        check_str("a", ",", Err("ValueError: Cannot specify ',' with 's'."));
        check_str("a", "#", Err("ValueError: Alternate form (#) not allowed in string format specifier"));
        check_str("a", "=5", Err("ValueError: '=' alignment not allowed in string format specifier"));
        check_str("hello", "10", Ok("hello     "));
        check_str("hello", ">10", Ok("     hello"));
        check_str("hello", "^10", Ok("  hello   "));
        check_str("hello", "*^11", Ok("***hello***"));
        check_str("hello", ".2", Ok("he"));
        check_str("hello", "10.2", Ok("he        "));
        check_str("héllo€", "^9", Ok(" héllo€  "));
        check_str("😀", "x>3", Ok("xx😀"));
        check_str("abc", "d", Err("ValueError: Unknown format code 'd' for object of type 'str'"));
        check_str("abc", "s", Ok("abc"));
        check_str("abc", "", Ok("abc"));
        check_str("abc", "_", Err("ValueError: Cannot specify '_' with 's'."));
        check_str("ab", ".0", Ok(""));
        check_str("abc", ".10", Ok("abc"));
    }

    #[test]
    fn parse_fields() {
        let spec = FormatSpec::parse("*<+z#012_.3f", "float").unwrap();
        assert_eq!(spec.fill, Some('*'));
        assert_eq!(spec.align, Some(Align::Left));
        assert_eq!(spec.sign, Some(Sign::Plus));
        assert!(spec.no_neg_0 && spec.alternate);
        assert!(!spec.zero_pad, "a written fill makes the 0 part of the width");
        assert_eq!(spec.width, Some(12));
        assert_eq!(spec.grouping, Some(Grouping::Underscore));
        assert_eq!(spec.precision, Some(3));
        assert_eq!(spec.type_code, Some('f'));
        let spec = FormatSpec::parse("010", "int").unwrap();
        assert!(spec.zero_pad);
        assert_eq!(spec.width, Some(10));
    }
}
