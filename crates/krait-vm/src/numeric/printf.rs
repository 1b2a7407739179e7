//! The numeric half of printf-style `str % args` formatting.
//!
//! Mirrors `PyUnicode_Format` in CPython's `Objects/unicodeobject.c`:
//!
//! * [`PrintfParser`] walks the format string the way
//!   `unicode_format_arg_parse` does and yields [`Piece`]s: literal text,
//!   `%%`, and [`Conversion`]s with an optional `(key)` (balanced
//!   parentheses allowed), flags `-+ #0`, width and precision (either may
//!   be `*`), an ignored `h`/`l`/`L` length modifier and the conversion
//!   character. Parse errors carry CPython's messages (`incomplete format`,
//!   `incomplete format key`, `width too big`, `precision too big`).
//!   The parser is lazy, so an error is reported only after the pieces
//!   before it, as in CPython.
//! * The VM fetches the arguments: for each conversion, first the `*` width,
//!   then the `*` precision, then the value (or looks up `key` in the
//!   mapping), and builds a [`PrintfSpec`] with [`Conversion::spec`].
//! * [`format_printf_int`] (`d i u o x X`, `_PyUnicode_FormatLong`),
//!   [`format_printf_float`] (`e E f F g G`, `formatfloat`) and
//!   [`format_printf_char`] (`c`) produce the text and pad it as
//!   `unicode_format_arg_output`: with `0` the sign (and a `#` prefix
//!   `0x`/`0X`/`0o`) goes before the zeros, otherwise before the digits;
//!   `-` pads on the right with spaces. [`pad_printf_str`] does the same
//!   padding and precision truncation for `%s`, `%r`, `%a`, whose text the
//!   VM produces.
//! * A conversion character outside the supported set is the VM's error to
//!   raise after fetching the argument: [`unsupported_format_character`].

use num_bigint::BigInt;
use num_traits::Signed;

use super::float_repr::{double_to_string, DtoaFlags, FloatStyle};
use super::format_spec::char_from_int;
use super::int_parse::int_to_string_radix;
use super::{overflow_error, value_error, NumericError, NumericResult};

/// The flag characters of a conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintfFlags {
    /// `-`: left-justify.
    pub ljust: bool,
    /// `+`: always a sign.
    pub sign: bool,
    /// ` `: a space for non-negative numbers.
    pub blank: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
}

/// A width or precision as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    /// `*`: taken from the next argument.
    Star,
}

/// One `%` conversion as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion<'a> {
    /// The mapping key of `%(key)s`.
    pub key: Option<&'a str>,
    pub flags: PrintfFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character (`d`, `s`, `f`, ... or anything else).
    pub conversion: char,
    /// The character index of the conversion character, for
    /// [`unsupported_format_character`].
    pub index: usize,
}

/// A piece of a printf-style format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    /// `%%`.
    Percent,
    Conversion(Conversion<'a>),
}

/// The fully resolved parameters of one conversion (after `*` arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintfSpec {
    pub flags: PrintfFlags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    pub conversion: char,
}

impl Conversion<'_> {
    /// Resolve `*` counts with the argument values the VM fetched (in
    /// order: width, then precision). A negative `*` width left-justifies;
    /// a negative `*` precision counts as 0.
    pub fn spec(&self, star_width: Option<i64>, star_precision: Option<i64>) -> PrintfSpec {
        let mut flags = self.flags;
        let width = match self.width {
            None => None,
            Some(Count::Fixed(w)) => Some(w),
            Some(Count::Star) => {
                let w = star_width.unwrap_or(0);
                if w < 0 {
                    flags.ljust = true;
                }
                Some(w.unsigned_abs() as usize)
            }
        };
        let precision = match self.precision {
            None => None,
            Some(Count::Fixed(p)) => Some(p),
            Some(Count::Star) => Some(star_precision.unwrap_or(0).max(0) as usize),
        };
        PrintfSpec { flags, width, precision, conversion: self.conversion }
    }
}

/// The error for a conversion character CPython does not support.
pub fn unsupported_format_character(ch: char, index: usize) -> NumericError {
    let code = ch as u32;
    let shown = if (31..=126).contains(&code) { ch } else { '?' };
    NumericError::ValueError(format!("unsupported format character '{shown}' (0x{code:x}) at index {index}"))
}

/// Iterator over the [`Piece`]s of a format string.
pub struct PrintfParser<'a> {
    text: &'a str,
    /// (byte offset, char) of every character.
    chars: Vec<(usize, char)>,
    pos: usize,
    failed: bool,
}

impl<'a> PrintfParser<'a> {
    pub fn new(text: &'a str) -> PrintfParser<'a> {
        PrintfParser { text, chars: text.char_indices().collect(), pos: 0, failed: false }
    }

    fn byte_at(&self, index: usize) -> usize {
        self.chars.get(index).map_or(self.text.len(), |&(b, _)| b)
    }

    /// The next character of a conversion, or `incomplete format`.
    fn next_char(&mut self) -> NumericResult<char> {
        match self.chars.get(self.pos) {
            Some(&(_, c)) => {
                self.pos += 1;
                Ok(c)
            }
            None => value_error("incomplete format"),
        }
    }

    fn parse_conversion(&mut self) -> NumericResult<Piece<'a>> {
        // self.pos is just after the '%'.
        if self.chars.get(self.pos).map(|&(_, c)| c) == Some('%') {
            self.pos += 1;
            return Ok(Piece::Percent);
        }
        let mut key = None;
        if self.chars.get(self.pos).map(|&(_, c)| c) == Some('(') {
            self.pos += 1;
            let key_start = self.pos;
            let mut depth = 1;
            while depth > 0 {
                match self.chars.get(self.pos) {
                    Some(&(_, ')')) => depth -= 1,
                    Some(&(_, '(')) => depth += 1,
                    Some(_) => {}
                    None => return value_error("incomplete format key"),
                }
                self.pos += 1;
            }
            key = Some(&self.text[self.byte_at(key_start)..self.byte_at(self.pos - 1)]);
        }
        let mut flags = PrintfFlags::default();
        let mut ch = self.next_char()?;
        loop {
            match ch {
                '-' => flags.ljust = true,
                '+' => flags.sign = true,
                ' ' => flags.blank = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            ch = self.next_char()?;
        }
        let mut width = None;
        if ch == '*' {
            width = Some(Count::Star);
            ch = self.next_char()?;
        } else if let Some(d) = ch.to_digit(10) {
            let mut w = d as u64;
            loop {
                ch = self.next_char()?;
                let Some(d) = ch.to_digit(10) else { break };
                if w > (i64::MAX as u64 - d as u64) / 10 {
                    return value_error("width too big");
                }
                w = w * 10 + d as u64;
            }
            width = Some(Count::Fixed(w as usize));
        }
        let mut precision = None;
        if ch == '.' {
            precision = Some(Count::Fixed(0));
            ch = self.next_char()?;
            if ch == '*' {
                precision = Some(Count::Star);
                ch = self.next_char()?;
            } else if let Some(d) = ch.to_digit(10) {
                let mut p = d as u64;
                loop {
                    ch = self.next_char()?;
                    let Some(d) = ch.to_digit(10) else { break };
                    if p > (i32::MAX as u64 - d as u64) / 10 {
                        return value_error("precision too big");
                    }
                    p = p * 10 + d as u64;
                }
                precision = Some(Count::Fixed(p as usize));
            }
        }
        if matches!(ch, 'h' | 'l' | 'L') {
            ch = self.next_char()?;
        }
        Ok(Piece::Conversion(Conversion { key, flags, width, precision, conversion: ch, index: self.pos - 1 }))
    }
}

impl<'a> Iterator for PrintfParser<'a> {
    type Item = NumericResult<Piece<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.chars.len() {
            return None;
        }
        if self.chars[self.pos].1 != '%' {
            let start = self.pos;
            while self.pos < self.chars.len() && self.chars[self.pos].1 != '%' {
                self.pos += 1;
            }
            return Some(Ok(Piece::Literal(&self.text[self.byte_at(start)..self.byte_at(self.pos)])));
        }
        self.pos += 1;
        let piece = self.parse_conversion();
        if piece.is_err() {
            self.failed = true;
        }
        Some(piece)
    }
}

/// `unicode_format_arg_output`: pad `text` per `spec`. `numeric` is
/// CPython's `arg->sign` (set for number conversions).
fn output(text: &str, spec: &PrintfSpec, numeric: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut len = chars.len() as i64;
    let mut width = spec.width.map_or(-1, |w| w as i64);
    let precision = spec.precision.map_or(-1, |p| p as i64);
    if (width == -1 || width <= len) && (precision == -1 || precision >= len) && !(flags.sign || flags.blank) {
        return text.to_string();
    }
    if matches!(spec.conversion, 's' | 'r' | 'a') && precision >= 0 && len > precision {
        len = precision;
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut sign_char = '\0';
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = c;
                len -= 1;
                pindex += 1;
            }
            _ if flags.sign => sign_char = '+',
            _ if flags.blank => sign_char = ' ',
            _ => sign = false,
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width as usize + 2);
    if sign {
        if fill != ' ' {
            out.push(sign_char);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags.alt && matches!(spec.conversion, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(sign_char);
        }
        if alt_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
    out
}

/// `%d %i %u %o %x %X` of an int (floats are converted by the VM with
/// `int()` first, as `mainformatlong` does). `max_str_digits` is the
/// `sys.set_int_max_str_digits` limit for decimal output.
pub fn format_printf_int(value: &BigInt, spec: &PrintfSpec, max_str_digits: usize) -> NumericResult<String> {
    let precision = spec.precision.map_or(-1, |p| p as i64);
    if precision > i32::MAX as i64 - 3 {
        return overflow_error("precision too large");
    }
    let (radix, prefix) = match spec.conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = int_to_string_radix(&value.abs(), radix, max_str_digits)?;
    let mut text = String::with_capacity(digits.len() + 4);
    if value.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    for _ in digits.len() as i64..precision {
        text.push('0');
    }
    if spec.conversion == 'X' {
        text.push_str(&digits.to_ascii_uppercase());
    } else {
        text.push_str(&digits);
    }
    Ok(output(&text, spec, true))
}

/// `%e %E %f %F %g %G` of a float (`formatfloat`); precision defaults to 6.
pub fn format_printf_float(value: f64, spec: &PrintfSpec) -> NumericResult<String> {
    let Some(style) = FloatStyle::from_code(spec.conversion).filter(|s| *s != FloatStyle::Repr) else {
        return Err(unsupported_format_character(spec.conversion, 0));
    };
    let flags = DtoaFlags { alt: spec.flags.alt, ..DtoaFlags::default() };
    let text = double_to_string(value, style, spec.precision.unwrap_or(6), flags);
    Ok(output(&text, spec, true))
}

/// `%c` of an int (`formatchar`): `%c arg not in range(0x110000)` outside
/// the code point range.
pub fn format_printf_char(value: &BigInt, spec: &PrintfSpec) -> NumericResult<String> {
    let ch = char_from_int(value)?;
    Ok(format_printf_char_value(ch, spec))
}

/// `%c` of a one-character str (the VM checks the length and raises
/// `TypeError: %c requires int or char` otherwise).
pub fn format_printf_char_value(ch: char, spec: &PrintfSpec) -> String {
    output(&ch.to_string(), spec, false)
}

/// Width, `-` and precision truncation for `%s`, `%r`, `%a`, whose text
/// (`str()`, `repr()`, `ascii()` of the argument) the VM computes.
pub fn pad_printf_str(text: &str, spec: &PrintfSpec) -> String {
    output(text, spec, false)
}

#[cfg(test)]
// 3.14159 below is a test input taken from CPython examples, not an approximation of π.
#[allow(clippy::approx_constant)]
mod tests {
    use super::*;

    /// Format one conversion of `format` with a numeric argument, the way
    /// the VM would (no mapping, `*` values first).
    enum Arg {
        Int(i64),
        Float(f64),
    }

    fn fmt(format: &str, stars: &[i64], arg: Arg) -> String {
        let mut out = String::new();
        for piece in PrintfParser::new(format) {
            match piece {
                Err(e) => return e.to_string(),
                Ok(Piece::Literal(text)) => out.push_str(text),
                Ok(Piece::Percent) => out.push('%'),
                Ok(Piece::Conversion(conv)) => {
                    let mut stars = stars.iter().copied();
                    let w = (conv.width == Some(Count::Star)).then(|| stars.next().unwrap());
                    let p = (conv.precision == Some(Count::Star)).then(|| stars.next().unwrap());
                    let spec = conv.spec(w, p);
                    let result = match (conv.conversion, &arg) {
                        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::Int(v)) => {
                            format_printf_int(&BigInt::from(*v), &spec, 4300)
                        }
                        ('d' | 'i' | 'u', Arg::Float(v)) => format_printf_int(&BigInt::from(*v as i64), &spec, 4300),
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Float(v)) => format_printf_float(*v, &spec),
                        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Int(v)) => format_printf_float(*v as f64, &spec),
                        ('c', Arg::Int(v)) => format_printf_char(&BigInt::from(*v), &spec),
                        (c, _) => Err(unsupported_format_character(c, conv.index)),
                    };
                    match result {
                        Ok(text) => out.push_str(&text),
                        Err(e) => return e.to_string(),
                    }
                }
            }
        }
        out
    }

    #[test]
    fn integers() {
        use Arg::Int;
        assert_eq!(fmt("%#010o", &[], Int(8)), "0o00000010");
        assert_eq!(fmt("%#10o", &[], Int(8)), "      0o10");
        assert_eq!(fmt("%#010x", &[], Int(-31)), "-0x000001f");
        assert_eq!(fmt("%.3d", &[], Int(-5)), "-005");
        assert_eq!(fmt("%+.3x", &[], Int(255)), "+0ff");
        assert_eq!(fmt("%#X", &[], Int(255)), "0XFF");
        assert_eq!(fmt("% d", &[], Int(5)), " 5");
        assert_eq!(fmt("%-5d|", &[], Int(5)), "5    |");
        assert_eq!(fmt("%05d", &[], Int(-5)), "-0005");
        assert_eq!(fmt("%x", &[], Int(-255)), "-ff");
        assert_eq!(fmt("%o", &[], Int(8)), "10");
        assert_eq!(fmt("%u", &[], Int(3)), "3");
        assert_eq!(fmt("%i", &[], Int(3)), "3");
        assert_eq!(fmt("%ld", &[], Int(5)), "5");
        assert_eq!(fmt("%#x", &[], Int(0)), "0x0");
        assert_eq!(fmt("%#5x", &[], Int(255)), " 0xff");
        assert_eq!(fmt("%-#8x|", &[], Int(255)), "0xff    |");
        assert_eq!(fmt("%+#x", &[], Int(255)), "+0xff");
        assert_eq!(fmt("%+05d", &[], Int(5)), "+0005");
        assert_eq!(fmt("%*d", &[5], Int(1)), "    1");
        assert_eq!(fmt("%-*d|", &[-5], Int(1)), "1    |");
        assert_eq!(fmt("%c", &[], Int(65)), "A");
        assert_eq!(fmt("%3c|", &[], Int(65)), "  A|");
        assert_eq!(fmt("%c", &[], Int(0x110000)), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(fmt("%d", &[], Arg::Float(-2.7)), "-2");
    }

    #[test]
    fn floats() {
        use Arg::Float;
        assert_eq!(fmt("%5.2f", &[], Float(3.14159)), " 3.14");
        assert_eq!(fmt("%e", &[], Float(1.5)), "1.500000e+00");
        assert_eq!(fmt("%G", &[], Float(1e-10)), "1E-10");
        assert_eq!(fmt("%+.3g", &[], Float(1e20)), "+1e+20");
        assert_eq!(fmt("%-+8.2f|", &[], Float(-1.5)), "-1.50   |");
        assert_eq!(fmt("% 010.2f", &[], Float(1.5)), " 000001.50");
        assert_eq!(fmt("%.*f", &[-2], Float(1.5)), "2");
        assert_eq!(fmt("%#.0f", &[], Arg::Int(1)), "1.");
        assert_eq!(fmt("%#g", &[], Arg::Int(1)), "1.00000");
        assert_eq!(fmt("%.0e", &[], Arg::Int(12345)), "1e+04");
        assert_eq!(fmt("%e", &[], Float(f64::INFINITY)), "inf");
        assert_eq!(fmt("%010f", &[], Float(f64::NEG_INFINITY)), "-000000inf");
        assert_eq!(fmt("%010.2f", &[], Float(f64::NAN)), "0000000nan");
        assert_eq!(fmt("x=%f%%", &[], Float(0.5)), "x=0.500000%");
    }

    #[test]
    fn parse_errors() {
        use Arg::Int;
        assert_eq!(fmt("%", &[], Int(1)), "ValueError: incomplete format");
        assert_eq!(fmt("abc %5", &[], Int(1)), "ValueError: incomplete format");
        assert_eq!(fmt("%(a", &[], Int(1)), "ValueError: incomplete format key");
        assert_eq!(fmt("%y", &[], Int(1)), "ValueError: unsupported format character 'y' (0x79) at index 1");
        assert_eq!(fmt("%(a)%", &[], Int(1)), "ValueError: unsupported format character '%' (0x25) at index 4");
        assert_eq!(fmt("é%\u{1}", &[], Int(1)), "ValueError: unsupported format character '?' (0x1) at index 2");
        assert_eq!(fmt("%99999999999999999999d", &[], Int(1)), "ValueError: width too big");
        assert_eq!(fmt("%.9999999999d", &[], Int(1)), "ValueError: precision too big");
    }

    #[test]
    fn pieces() {
        let pieces: Vec<_> = PrintfParser::new("a%%b%(x(y))-5.*sc").map(Result::unwrap).collect();
        assert_eq!(pieces.len(), 5);
        assert_eq!(pieces[0], Piece::Literal("a"));
        assert_eq!(pieces[1], Piece::Percent);
        assert_eq!(pieces[2], Piece::Literal("b"));
        let Piece::Conversion(conv) = &pieces[3] else { panic!() };
        assert_eq!(conv.key, Some("x(y)"));
        assert!(conv.flags.ljust);
        assert_eq!(conv.width, Some(Count::Fixed(5)));
        assert_eq!(conv.precision, Some(Count::Star));
        assert_eq!(conv.conversion, 's');
        assert_eq!(pieces[4], Piece::Literal("c"));
        let spec = PrintfSpec { flags: PrintfFlags::default(), width: Some(10), precision: Some(3), conversion: 's' };
        assert_eq!(pad_printf_str("abcdef", &spec), "       abc");
    }
}
