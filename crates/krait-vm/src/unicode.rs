//! Unicode character properties that Python's `str` methods and `repr` use,
//! from the Unicode general category (CPython's `unicodectype.c`).

use unicode_general_category::{get_general_category, GeneralCategory as Gc};

/// Printable as CPython defines it: not Cc, Cf, Cs, Co, Cn, Zl, Zp, and not
/// Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !matches!(
        get_general_category(c),
        Gc::Control
            | Gc::Format
            | Gc::Surrogate
            | Gc::PrivateUse
            | Gc::Unassigned
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::SpaceSeparator
    )
}

/// `str.isalpha()` for one character: categories Lm, Lt, Lu, Ll, Lo.
pub fn is_alpha(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::ModifierLetter | Gc::TitlecaseLetter | Gc::UppercaseLetter | Gc::LowercaseLetter | Gc::OtherLetter
    )
}

/// `str.isdecimal()`: category Nd.
pub fn is_decimal(c: char) -> bool {
    get_general_category(c) == Gc::DecimalNumber
}

/// `str.isnumeric()` (approximated by the N* categories).
pub fn is_numeric(c: char) -> bool {
    matches!(get_general_category(c), Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber)
}

/// Whitespace as `str.isspace()` and `str.split()` see it.
pub fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}')
        || matches!(get_general_category(c), Gc::SpaceSeparator | Gc::LineSeparator | Gc::ParagraphSeparator)
}
