//! `repr(str)` for error messages.
//!
//! Several CPython messages embed the repr of the offending string
//! (`invalid literal for int() with base 10: 'abc'`, `could not convert
//! string to float: 'x'`). This mirrors `unicode_repr` in
//! `Objects/unicodeobject.c`: single quotes unless the text contains a single
//! quote and no double quote; `\\`, the quote, `\t`, `\n`, `\r` escaped;
//! other non-printable characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
//!
//! CPython decides printability with `Py_UNICODE_ISPRINTABLE` (every
//! category except Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space).
//! This module has no Unicode database, so [`is_printable`] uses a table of
//! the non-printable ranges that matter in practice (controls, format
//! characters, separators, private use, noncharacters); the VM's own
//! `str.__repr__` with a full table should be preferred where it exists.

/// The Python `repr` of `s`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Approximation of `Py_UNICODE_ISPRINTABLE` (see the module comment).
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x7f {
        return cp >= 0x20;
    }
    !matches!(cp,
        0x7f..=0xa0
        | 0xad
        | 0x600..=0x605
        | 0x61c
        | 0x6dd
        | 0x70f
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x206f
        | 0x3000
        | 0xd800..=0xf8ff
        | 0xfdd0..=0xfdef
        | 0xfeff
        | 0xfff0..=0xfffb
        | 0xfffe..=0xffff
        | 0xe0000..=0xe0fff
        | 0xf0000..=0x10ffff)
        && cp & 0xfffe != 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("a\tb\n\\"), "'a\\tb\\n\\\\'");
        assert_eq!(repr_str("\x00\x7f\u{a0}"), "'\\x00\\x7f\\xa0'");
        assert_eq!(repr_str("é€😀"), "'é€😀'");
        assert_eq!(repr_str("\u{2003}\u{feff}"), "'\\u2003\\ufeff'");
        assert_eq!(repr_str("\u{e0001}"), "'\\U000e0001'");
    }
}
