//! Compiler tests: snippets in, disassembly or `SyntaxError` out. The
//! expected listings follow `python3.11 -m dis` (offsets are code units).

use krait_bytecode::dis::disassemble;

use crate::{compile, Mode, SyntaxErrorKind};

fn dis(source: &str) -> String {
    let code = compile(source, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{e}"));
    let listing = disassemble(&code, false);
    listing.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
}

#[test]
fn dump_from_env() {
    if let Ok(path) = std::env::var("KRAIT_DIS") {
        let source = std::fs::read_to_string(path).unwrap();
        match compile(&source, "<dump>", Mode::Exec) {
            Ok(code) => println!("{}", disassemble(&code, false)),
            Err(e) => println!("{e:?}"),
        }
    }
}

#[test]
fn calls_load_globals_with_their_null() {
    let listing = dis("def f(a):\n    return g(a, 1)\n");
    assert!(listing.contains("LOAD_GLOBAL 1 (NULL + g)"), "{listing}");
    assert!(listing.contains("CALL 2"), "{listing}");
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile("a + 1", "<eval>", Mode::Eval).unwrap();
    let listing = disassemble(&code, false);
    assert!(listing.contains("BINARY_OP"), "{listing}");
    assert!(listing.trim_end().ends_with("RETURN_VALUE"), "{listing}");
    assert!(!listing.contains("(None)"), "{listing}");
}

#[test]
fn single_mode_prints_expression_statements() {
    let code = compile("1 + x\n", "<stdin>", Mode::Single).unwrap();
    assert!(disassemble(&code, false).contains("PRINT_EXPR"));
}

#[test]
fn exception_table_is_sorted_and_disjoint() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/control.py")).unwrap();
    fn check(code: &krait_bytecode::CodeObject) {
        for pair in code.exception_table.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{:?}", code.exception_table);
        }
        for constant in &code.consts {
            if let krait_bytecode::Constant::Code(inner) = constant {
                check(inner);
            }
        }
    }
    check(&compile(&source, "<test>", Mode::Exec).unwrap());
}

/// The listing `tests/pydump.py` prints for CPython: instruction indices,
/// lines, names and arguments, exception table rows by instruction index.
fn normalized(code: &krait_bytecode::CodeObject, out: &mut Vec<String>) {
    use krait_bytecode::{ArgKind, Constant, Opcode};
    let instrs: Vec<(usize, krait_bytecode::Instruction)> = code.instructions().collect();
    let index_of = |unit: u32| instrs.iter().position(|(o, _)| *o as u32 >= unit).unwrap_or(instrs.len());
    let names: Vec<String> = code.localsplus_names.iter().map(|n| format!("'{n}'")).collect();
    out.push(format!(
        "== {} args={} flags={} first={} names=[{}] stack={}",
        code.qualname,
        code.arg_count,
        code.flags.0 & 0x3ff,
        code.first_line,
        names.join(", "),
        code.max_stack
    ));
    for (n, (offset, instr)) in instrs.iter().enumerate() {
        let arg = match instr.op.arg_kind() {
            ArgKind::Jump => format!("->{}", index_of(instr.arg)),
            ArgKind::Const if instr.op == Opcode::LOAD_CONST => match &code.consts[instr.arg as usize] {
                Constant::Code(c) => format!("code:{}", c.name),
                other => py_repr(other),
            },
            ArgKind::Const => py_repr(&code.consts[instr.arg as usize]),
            ArgKind::GlobalName => {
                format!("{}{}", if instr.arg & 1 != 0 { "NULL+" } else { "" }, code.names[(instr.arg >> 1) as usize])
            }
            ArgKind::Name => code.names[instr.arg as usize].clone(),
            ArgKind::Local | ArgKind::Deref => code.localsplus_names[instr.arg as usize].clone(),
            ArgKind::None => String::new(),
            ArgKind::Compare => {
                krait_bytecode::ComparisonOp::decode(instr.arg).map_or(String::new(), |c| c.symbol().to_string())
            }
            _ => instr.arg.to_string(),
        };
        let line = code.locations[*offset].line;
        out.push(format!("{n:3} {line:3} {} {arg}", instr.op.name()).trim_end().to_string());
    }
    for entry in &code.exception_table {
        out.push(format!(
            "  EXC {}..{} -> {} [{}]{}",
            index_of(entry.start),
            index_of(entry.end),
            index_of(entry.target),
            entry.depth,
            if entry.push_lasti { " lasti" } else { "" }
        ));
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            normalized(inner, out);
        }
    }
}

/// Python's `repr` of a constant, as far as the tests need it.
fn py_repr(constant: &krait_bytecode::Constant) -> String {
    use krait_bytecode::Constant;
    match constant {
        Constant::Str(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n"))
            }
        }
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        other => other.to_string(),
    }
}

#[test]
fn normalized_dump_from_env() {
    if let Ok(path) = std::env::var("KRAIT_NORM") {
        let source = std::fs::read_to_string(&path).unwrap();
        match compile(&source, &path, Mode::Exec) {
            Ok(code) => {
                let mut out = Vec::new();
                normalized(&code, &mut out);
                println!("{}", out.join("\n"));
            }
            Err(e) => println!("{e:?}"),
        }
    }
}

#[test]
fn errors_from_env() {
    if let Ok(files) = std::env::var("KRAIT_ERRS") {
        for path in files.split(':') {
            let source = std::fs::read_to_string(path).unwrap();
            match compile(&source, path, Mode::Exec) {
                Ok(_) => println!("ERR {path}: OK"),
                Err(e) => println!("ERR {path}: {:?}: {} ({}, {})", e.kind, e.message, e.line, e.offset),
            }
        }
    }
}

/// Every `testdata/*.py` compiles to exactly what CPython 3.11 produces:
/// the same instructions (PRECALL and caches aside), lines, stack depth and
/// exception table (`testdata/pydump.py` wrote the expectations).
#[test]
fn testdata_matches_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "py") || path.file_name().is_some_and(|n| n == "pydump.py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let code = compile(&source, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut out = Vec::new();
        normalized(&code, &mut out);
        let actual = out.join("\n");
        assert_eq!(actual.trim_end(), expected.trim_end(), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 8);
}

/// Broken sources and the error CPython 3.11 reports for each (kind,
/// message, line, 1-based column), taken from `compile()` in python3.11.
const SYNTAX_ERRORS: &[(&str, SyntaxErrorKind, &str, u32, u32)] = &[
    ("x = (1, 2\n", SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 5),
    ("if x\n    pass\n", SyntaxErrorKind::SyntaxError, "expected ':'", 1, 5),
    ("  x = 1\n", SyntaxErrorKind::IndentationError, "unexpected indent", 1, 2),
    (
        "if x:\n    a = 1\n  b = 2\n",
        SyntaxErrorKind::IndentationError,
        "unindent does not match any outer indentation level",
        3,
        8,
    ),
    (
        "if x:\npass\n",
        SyntaxErrorKind::IndentationError,
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    ),
    (
        "def f():\nreturn 1\n",
        SyntaxErrorKind::IndentationError,
        "expected an indented block after function definition on line 1",
        2,
        1,
    ),
    ("print([1 2])\n", SyntaxErrorKind::SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 8),
    ("s = 'abc\n", SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    ("x = 1abc\n", SyntaxErrorKind::SyntaxError, "invalid decimal literal", 1, 5),
    (
        "1 = x\n",
        SyntaxErrorKind::SyntaxError,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "f() = 1\n",
        SyntaxErrorKind::SyntaxError,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    ("return 1\n", SyntaxErrorKind::SyntaxError, "'return' outside function", 1, 1),
    ("break\n", SyntaxErrorKind::SyntaxError, "'break' outside loop", 1, 1),
    (
        "def f():\n    x = 1\n    global x\n",
        SyntaxErrorKind::SyntaxError,
        "name 'x' is assigned to before global declaration",
        3,
        5,
    ),
    ("nonlocal x\n", SyntaxErrorKind::SyntaxError, "nonlocal declaration not allowed at module level", 1, 1),
    ("def f():\n    nonlocal y\n", SyntaxErrorKind::SyntaxError, "no binding for nonlocal 'y' found", 2, 5),
    ("def f(a, a): pass\n", SyntaxErrorKind::SyntaxError, "duplicate argument 'a' in function definition", 1, 10),
    ("a, *b, *c = d\n", SyntaxErrorKind::SyntaxError, "multiple starred expressions in assignment", 1, 1),
    ("*a = b\n", SyntaxErrorKind::SyntaxError, "starred assignment target must be in a list or tuple", 1, 1),
    ("yield 1\n", SyntaxErrorKind::SyntaxError, "'yield' outside function", 1, 1),
    ("await x\n", SyntaxErrorKind::SyntaxError, "'await' outside function", 1, 1),
    ("x = )\n", SyntaxErrorKind::SyntaxError, "unmatched ')'", 1, 5),
    (
        "foo(**a, *b)\n",
        SyntaxErrorKind::SyntaxError,
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        10,
    ),
    (
        "for x in range(10):\n    pass\ncontinue\n",
        SyntaxErrorKind::SyntaxError,
        "'continue' not properly in loop",
        3,
        1,
    ),
    ("class A:\n    return 1\n", SyntaxErrorKind::SyntaxError, "'return' outside function", 2, 5),
    (
        "def f():\n    x = [y async for y in z]\n",
        SyntaxErrorKind::SyntaxError,
        "asynchronous comprehension outside of an asynchronous function",
        2,
        9,
    ),
    ("def f(x=1, y): pass\n", SyntaxErrorKind::SyntaxError, "non-default argument follows default argument", 1, 12),
    ("f(x=1, x=2)\n", SyntaxErrorKind::SyntaxError, "keyword argument repeated: x", 1, 8),
    (
        "\"\"\"abc\n",
        SyntaxErrorKind::SyntaxError,
        "unterminated triple-quoted string literal (detected at line 1)",
        1,
        1,
    ),
    ("x = [1, 2\ny = 3\n", SyntaxErrorKind::SyntaxError, "'[' was never closed", 1, 5),
    ("del f()\n", SyntaxErrorKind::SyntaxError, "cannot delete function call", 1, 5),
    (
        "a + 1 = 2\n",
        SyntaxErrorKind::SyntaxError,
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    ("x += 1 += 2\n", SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 8),
    ("lambda: (yield)\nx = 3 +\n", SyntaxErrorKind::SyntaxError, "invalid syntax", 2, 8),
    (
        "if True:\n\tx = 1\n        y = 2\n",
        SyntaxErrorKind::TabError,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
    ),
    (
        "x = [1, 2)\n",
        SyntaxErrorKind::SyntaxError,
        "closing parenthesis ')' does not match opening parenthesis '['",
        1,
        10,
    ),
    ("x = 1)\n", SyntaxErrorKind::SyntaxError, "unmatched ')'", 1, 6),
    (
        "if x = 1:\n    pass\n",
        SyntaxErrorKind::SyntaxError,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
    ),
    ("class A\n    pass\n", SyntaxErrorKind::SyntaxError, "expected ':'", 1, 8),
    ("while x\n    pass\n", SyntaxErrorKind::SyntaxError, "expected ':'", 1, 8),
    ("x = y z\n", SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 7),
    (
        "print \"hello\"\n",
        SyntaxErrorKind::SyntaxError,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    ),
    ("def f(*): pass\n", SyntaxErrorKind::SyntaxError, "named arguments must follow bare *", 1, 7),
    ("f(a for a in b, c)\n", SyntaxErrorKind::SyntaxError, "Generator expression must be parenthesized", 1, 3),
    ("import\n", SyntaxErrorKind::SyntaxError, "invalid syntax", 1, 7),
    ("from x import (a, b\n", SyntaxErrorKind::SyntaxError, "'(' was never closed", 1, 15),
    ("x = 'a' 'b\n", SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)", 1, 9),
    (
        "def f():\n    def g():\n        nonlocal q\n",
        SyntaxErrorKind::SyntaxError,
        "no binding for nonlocal 'q' found",
        3,
        9,
    ),
    ("def f(x):\n    global x\n", SyntaxErrorKind::SyntaxError, "name 'x' is parameter and global", 2, 5),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
        SyntaxErrorKind::SyntaxError,
        "default 'except:' must be last",
        3,
        1,
    ),
    (
        "x: int = 1\ndef f():\n    global x\n    x: int = 2\n",
        SyntaxErrorKind::SyntaxError,
        "annotated name 'x' can't be global",
        4,
        5,
    ),
    ("a = 1 if b\n", SyntaxErrorKind::SyntaxError, "expected 'else' after 'if' expression", 1, 5),
    ("for x in 1,2:\n  pass\nelse\n  pass\n", SyntaxErrorKind::SyntaxError, "expected ':'", 3, 5),
];

#[test]
fn syntax_errors_match_cpython() {
    for &(source, kind, message, line, offset) in SYNTAX_ERRORS {
        let error = compile(source, "<test>", Mode::Exec).expect_err(source);
        assert_eq!(
            (error.kind, error.message.as_str(), error.line, error.offset),
            (kind, message, line, offset),
            "{source:?}"
        );
        assert_eq!(error.filename, "<test>");
    }
}
/// Sources whose first error CPython's tokenizer reports, and the error
/// (message, line, offset, end offset) from `compile()` in python3.11.
const TOKENIZER_ERRORS: &[(&str, &str, u32, u32, u32)] = &[
    ("0b102", "invalid digit '2' in binary literal", 1, 5, 5),
    ("09", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 2),
    ("1__0", "invalid decimal literal", 1, 2, 2),
    ("0x", "invalid hexadecimal literal", 1, 2, 2),
    ("1_", "invalid decimal literal", 1, 2, 2),
    ("0o8", "invalid digit '8' in octal literal", 1, 3, 3),
    ("0o", "invalid octal literal", 1, 2, 2),
    ("0b_", "invalid binary literal", 1, 3, 3),
    ("0x_", "invalid hexadecimal literal", 1, 3, 3),
    ("1e", "invalid decimal literal", 1, 1, 1),
    ("1e+", "invalid decimal literal", 1, 3, 3),
    ("1.5j_", "invalid imaginary literal", 1, 4, 4),
    ("1.e_", "invalid decimal literal", 1, 2, 2),
    ("0b1_", "invalid binary literal", 1, 4, 4),
    (
        "0_7",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        1,
        3,
    ),
    ("0o19", "invalid digit '9' in octal literal", 1, 4, 4),
    ("2.j0", "invalid imaginary literal", 1, 3, 3),
    ("x = 1abc + 2", "invalid decimal literal", 1, 5, 5),
    ("1.__class__", "invalid decimal literal", 1, 2, 2),
    ("0o7_8", "invalid digit '8' in octal literal", 1, 5, 5),
    ("08_a", "invalid decimal literal", 1, 3, 3),
    ("3.14e-", "invalid decimal literal", 1, 6, 6),
    ("def f(:\n    pass\n", "invalid syntax", 1, 7, 8),
    ("x = (1,\ny = 2\n", "'(' was never closed", 1, 5, 0),
    ("x = (1,\n", "'(' was never closed", 1, 5, 0),
    ("x = = 1\ny = 1abc\n", "invalid decimal literal", 2, 5, 5),
    ("x = = 1\ny = 'abc\n", "unterminated string literal (detected at line 2)", 2, 5, 5),
    ("f(**x, *y)\n1abc\n", "invalid decimal literal", 2, 1, 1),
    ("x = = 1\ny = )\n", "unmatched ')'", 2, 5, 5),
    ("if x\n    (1\n", "expected ':'", 1, 5, 5),
    ("x = = (\n", "invalid syntax", 1, 5, 6),
    ("([{\n)\n", "closing parenthesis ')' does not match opening parenthesis '{' on line 1", 2, 1, 1),
    ("x = (1\n\ty = \u{20ac}\n", "invalid character '\u{20ac}' (U+20AC)", 2, 6, 6),
    ("f(a for a in b, c)\n(\n", "Generator expression must be parenthesized", 1, 3, 15),
    ("x = \"\"\"abc\n\ny=2\n", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 5),
];

#[test]
fn tokenizer_errors_match_cpython() {
    for &(source, message, line, offset, end_offset) in TOKENIZER_ERRORS {
        let error = compile(source, "<test>", Mode::Exec).expect_err(source);
        assert_eq!(
            (error.message.as_str(), error.line, error.offset, error.end_offset),
            (message, line, offset, end_offset),
            "{source:?}"
        );
    }
}

/// Sources and the `SyntaxWarning`s (line, message) python3.11 prints for them.
const SYNTAX_WARNINGS: &[(&str, &[(u32, &str)])] = &[
    (
        "print(5 is not None)\nx is 5\n",
        &[(1, "\"is not\" with a literal. Did you mean \"!=\"?"), (2, "\"is\" with a literal. Did you mean \"==\"?")],
    ),
    ("print(x is None, x is ..., x is True)\n", &[]),
    ("y = 5 is not x\n", &[(1, "\"is not\" with a literal. Did you mean \"!=\"?")]),
    ("if x is -1 is (1, 2): pass\n", &[(1, "\"is\" with a literal. Did you mean \"==\"?")]),
    ("assert (x, 'msg')\nassert ()\n", &[(1, "assertion is always true, perhaps remove parentheses?")]),
    ("f = lambda: 'abc'()\n", &[(1, "'str' object is not callable; perhaps you missed a comma?")]),
    (
        "\nt = lambda: [1, 2][1.0]\n",
        &[(2, "list indices must be integers or slices, not float; perhaps you missed a comma?")],
    ),
    ("t = {1}[0]\n", &[(1, "'set' object is not subscriptable; perhaps you missed a comma?")]),
    ("t = (1, 2)[0] + 'ab'[1:] + [1][x]\n", &[]),
    ("x = 1if 1else 2\n", &[(1, "invalid decimal literal"), (1, "invalid decimal literal")]),
];

#[test]
fn syntax_warnings_match_cpython() {
    for &(source, expected) in SYNTAX_WARNINGS {
        let output = crate::compile_with_warnings(source, "<test>", Mode::Exec).expect(source);
        let actual: Vec<(u32, &str)> = output.warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
        assert_eq!(actual, expected, "{source:?}");
    }
}
