//! The text form of a trace, parsed (the inverse of [`super::printer`]).
//!
//! Value names are a type letter (`i`, `f`, `p`) and anything alphanumeric
//! after it; they are defined by the input line, by `name = op(...)`, and by
//! `label(...)`. Descriptor names are looked up in the [`DescrTable`] given
//! to [`parse`]. Constants are integer literals, float literals (with a `.`
//! or an exponent), `ConstPtr(address)`, `ConstFloat(0xbits)` and `NULL`.
//! Blank lines and `#` comments are ignored. Errors say the line.

use std::fmt;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::descr::DescrTable;
use super::opcode::Opcode;
use super::resume::{FrameSnapshot, Slot, Snapshot, VirtualObject};
use super::trace::{Op, Trace};
use super::value::{Const, Type, Value};

/// A syntax error in trace text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parse trace text against a descriptor table.
pub fn parse(text: &str, descrs: &Arc<DescrTable>) -> Result<Trace, ParseError> {
    let mut parser = Parser { trace: Trace::new(descrs.clone()), names: FxHashMap::default(), line: 0 };
    let mut saw_inputs = false;
    for (n, raw) in text.lines().enumerate() {
        parser.line = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut cursor = Cursor { s: line, pos: 0 };
        if !saw_inputs {
            saw_inputs = true;
            parser.parse_inputs(&mut cursor)?;
        } else {
            parser.parse_op(&mut cursor)?;
        }
        cursor.skip_ws();
        if cursor.pos != line.len() {
            return Err(parser.error(format!("unexpected text: {:?}", &line[cursor.pos..])));
        }
    }
    if !saw_inputs {
        return Err(ParseError { line: 0, message: "empty trace: no input line".into() });
    }
    Ok(parser.trace)
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while self.s[self.pos..].starts_with(' ') || self.s[self.pos..].starts_with('\t') {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.s[self.pos..].chars().next()
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.s[self.pos..].starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn word(&mut self) -> &str {
        self.skip_ws();
        let start = self.pos;
        let rest = &self.s[start..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '+'))
            .map_or(rest.len(), |(i, _)| i);
        self.pos += len;
        &self.s[start..start + len]
    }
}

struct Parser {
    trace: Trace,
    names: FxHashMap<String, Value>,
    line: usize,
}

impl Parser {
    fn error(&self, message: String) -> ParseError {
        ParseError { line: self.line, message }
    }

    fn expect(&self, c: &mut Cursor<'_>, token: &str) -> Result<(), ParseError> {
        if c.eat(token) {
            Ok(())
        } else {
            Err(self.error(format!("expected {token:?} at {:?}", &c.s[c.pos..])))
        }
    }

    fn define(&mut self, name: &str) -> Result<Value, ParseError> {
        let ty = name
            .chars()
            .next()
            .and_then(Type::from_letter)
            .filter(|t| *t != Type::Void)
            .ok_or_else(|| self.error(format!("bad value name {name:?}")))?;
        if self.names.contains_key(name) {
            return Err(self.error(format!("{name} defined twice")));
        }
        let v = self.trace.new_value(ty);
        self.names.insert(name.to_owned(), v);
        Ok(v)
    }

    fn parse_inputs(&mut self, c: &mut Cursor<'_>) -> Result<(), ParseError> {
        self.expect(c, "[")?;
        if !c.eat("]") {
            loop {
                let name = c.word().to_owned();
                let v = self.define(&name)?;
                self.trace.inputs.push(v);
                if c.eat("]") {
                    break;
                }
                self.expect(c, ",")?;
            }
        }
        if c.eat("->") {
            self.expect(c, "loop")?;
            self.expect(c, "(")?;
            let mut types = Vec::new();
            if !c.eat(")") {
                loop {
                    let letter = c.word().to_owned();
                    let ty = letter
                        .chars()
                        .next()
                        .and_then(Type::from_letter)
                        .filter(|t| letter.len() == 1 && *t != Type::Void)
                        .ok_or_else(|| self.error(format!("bad type {letter:?}")))?;
                    types.push(ty);
                    if c.eat(")") {
                        break;
                    }
                    self.expect(c, ",")?;
                }
            }
            self.trace.loop_target = Some(types);
        }
        Ok(())
    }

    fn operand(&mut self, word: &str, c: &mut Cursor<'_>) -> Result<Value, ParseError> {
        if word == "NULL" {
            return Ok(self.trace.constant(Const::Ptr(0)));
        }
        if word == "ConstPtr" || word == "ConstFloat" || word == "ConstInt" {
            self.expect(c, "(")?;
            let inner = c.word().to_owned();
            self.expect(c, ")")?;
            let bits = parse_int(&inner).ok_or_else(|| self.error(format!("bad constant {inner:?}")))?;
            let constant = match word {
                "ConstPtr" => Const::Ptr(bits as u64),
                "ConstFloat" => Const::Float(f64::from_bits(bits as u64)),
                _ => Const::Int(bits),
            };
            return Ok(self.trace.constant(constant));
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() || first == '-' || first == '+' {
            if let Some(i) = parse_int(word) {
                return Ok(self.trace.const_int(i));
            }
            if let Ok(f) = word.parse::<f64>() {
                return Ok(self.trace.constant(Const::Float(f)));
            }
            if word == "-inf" || word == "inf" {
                return Ok(self.trace.constant(Const::Float(word.parse().unwrap_or(f64::NAN))));
            }
            return Err(self.error(format!("bad constant {word:?}")));
        }
        self.names.get(word).copied().ok_or_else(|| self.error(format!("undefined value {word:?}")))
    }

    fn parse_op(&mut self, c: &mut Cursor<'_>) -> Result<(), ParseError> {
        let first = c.word().to_owned();
        let (result_name, opname) = if c.eat("=") { (Some(first), c.word().to_owned()) } else { (None, first) };
        let opcode = Opcode::from_name(&opname).ok_or_else(|| self.error(format!("unknown op {opname:?}")))?;
        self.expect(c, "(")?;
        let mut args = Vec::new();
        let mut descr = None;
        if !c.eat(")") {
            loop {
                let word = c.word().to_owned();
                if word == "descr" && c.eat("=") {
                    let name = c.word().to_owned();
                    descr = Some(
                        self.trace
                            .descrs
                            .lookup(&name)
                            .ok_or_else(|| self.error(format!("unknown descriptor {name:?}")))?,
                    );
                } else if opcode == Opcode::label {
                    args.push(self.define(&word)?);
                } else {
                    args.push(self.operand(&word, c)?);
                }
                if c.eat(")") {
                    break;
                }
                self.expect(c, ",")?;
            }
        }
        let mut op = Op::new(opcode, &args);
        op.descr = descr;
        match (result_name, opcode.result()) {
            (None, Type::Void) => {}
            (Some(name), Type::Void) => return Err(self.error(format!("{opname} has no result to name {name}"))),
            (None, _) => return Err(self.error(format!("{opname} needs a result name"))),
            (Some(name), ty) => {
                let v = self.define(&name)?;
                if self.trace.ty(v) != ty {
                    return Err(self.error(format!("{name} names the result of {opname}, of type {ty:?}")));
                }
                op.result = Some(v);
            }
        }
        if c.peek() == Some('[') {
            op.snapshot = Some(self.parse_snapshot(c)?);
        }
        self.trace.ops.push(op);
        Ok(())
    }

    fn slot(&mut self, c: &mut Cursor<'_>) -> Result<Slot, ParseError> {
        if c.eat("$") {
            let k = c.word().to_owned();
            return k.parse().map(Slot::Virtual).map_err(|_| self.error(format!("bad virtual ${k}")));
        }
        let word = c.word().to_owned();
        Ok(Slot::Value(self.operand(&word, c)?))
    }

    fn parse_snapshot(&mut self, c: &mut Cursor<'_>) -> Result<super::resume::SnapshotId, ParseError> {
        self.expect(c, "[")?;
        let mut frames: Vec<(u32, u32, Vec<Slot>)> = Vec::new();
        loop {
            let (mut code, mut pc) = (0, 0);
            if c.eat("@") {
                let header = c.word().to_owned();
                code = header.parse().map_err(|_| self.error(format!("bad frame header {header:?}")))?;
                self.expect(c, ":")?;
                let index = c.word().to_owned();
                pc = index.parse().map_err(|_| self.error(format!("bad frame index {index:?}")))?;
            }
            let mut slots = Vec::new();
            if !matches!(c.peek(), Some(']') | Some('|')) {
                loop {
                    slots.push(self.slot(c)?);
                    if !c.eat(",") {
                        break;
                    }
                }
            }
            frames.push((code, pc, slots));
            if c.eat("]") {
                break;
            }
            self.expect(c, "|")?;
        }
        let mut virtuals = Vec::new();
        if c.eat("{") {
            loop {
                self.expect(c, "$")?;
                let k = c.word().to_owned();
                if k != virtuals.len().to_string() {
                    return Err(self.error(format!("virtual ${k} out of order")));
                }
                self.expect(c, "=")?;
                let descr_name = c.word().to_owned();
                let descr = self
                    .trace
                    .descrs
                    .lookup(&descr_name)
                    .ok_or_else(|| self.error(format!("unknown descr {descr_name}")))?;
                if c.eat("[") {
                    let mut items = Vec::new();
                    if !c.eat("]") {
                        loop {
                            items.push(self.slot(c)?);
                            if c.eat("]") {
                                break;
                            }
                            self.expect(c, ",")?;
                        }
                    }
                    virtuals.push(VirtualObject::Array { descr, items });
                } else {
                    self.expect(c, "(")?;
                    let mut fields = Vec::new();
                    if !c.eat(")") {
                        loop {
                            let fname = c.word().to_owned();
                            let field = self
                                .trace
                                .descrs
                                .lookup(&fname)
                                .ok_or_else(|| self.error(format!("unknown descr {fname}")))?;
                            self.expect(c, "=")?;
                            fields.push((field, self.slot(c)?));
                            if c.eat(")") {
                                break;
                            }
                            self.expect(c, ",")?;
                        }
                    }
                    virtuals.push(VirtualObject::Object { size: descr, fields });
                }
                if c.eat("}") {
                    break;
                }
                self.expect(c, ",")?;
            }
        }
        let mut parent = None;
        for (code, pc, slots) in frames {
            parent = Some(self.trace.resume.frame(FrameSnapshot { code, pc, slots, parent }));
        }
        let frame = parent.expect("at least one frame");
        Ok(self.trace.resume.snapshot(Snapshot { frame, virtuals }))
    }
}

fn parse_int(word: &str) -> Option<i64> {
    let (negative, digits) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word.strip_prefix('+').unwrap_or(word)),
    };
    let magnitude = if let Some(hex) = digits.strip_prefix("0x") {
        u64::from_str_radix(hex, 16).ok()? as i64
    } else {
        if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
            return None;
        }
        digits.parse::<u64>().ok()? as i64
    };
    Some(if negative { magnitude.wrapping_neg() } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::printer::print;

    fn descrs() -> Arc<DescrTable> {
        let mut t = DescrTable::new();
        t.field("valuedescr", 16, Type::Int);
        t.field("nextdescr", 24, Type::Ref);
        t.size("nodesize", 32, 0x1000);
        t.array("arraydescr", 16, 8, Type::Int);
        Arc::new(t)
    }

    fn round_trip(text: &str) {
        let trace = parse(text, &descrs()).unwrap();
        assert_eq!(print(&trace), text);
    }

    #[test]
    fn simple_loop_round_trips() {
        round_trip(
            "[i0, f1, p2]\n\
             i3 = int_add(i0, 1)\n\
             i4 = int_lt(i3, -100)\n\
             guard_true(i4) [i0, p2]\n\
             f5 = float_add(f1, 2.5)\n\
             setfield_gc(p2, i3, descr=valuedescr)\n\
             p6 = getfield_gc_r(p2, descr=nextdescr)\n\
             guard_nonnull(p6) []\n\
             guard_value(p6, ConstPtr(0x1234)) [f5]\n\
             label(i7, f8, p9)\n\
             jump(i7, f8, p9)\n",
        );
    }

    #[test]
    fn frames_and_virtuals_round_trip() {
        round_trip(
            "[i0, p1]\n\
             guard_true(i0) [@1:10 i0, NULL | @2:4 $0, 7] {$0 = nodesize(valuedescr=i0, nextdescr=$1), $1 = nodesize(), $2 = arraydescr[i0, 0], $3 = arraydescr[]}\n\
             finish(i0)\n",
        );
    }

    #[test]
    fn bridges_name_the_loop_they_enter() {
        round_trip("[i0, p1] -> loop(i, p, f)\njump(i0, p1, 1.5)\n");
        let err = parse("[i0] -> loop(x)\njump(i0)\n", &descrs()).unwrap_err();
        assert!(err.message.contains("bad type"), "{err}");
    }

    #[test]
    fn names_are_canonicalised() {
        let trace = parse("[i5, p9]\ni100 = int_mul(i5, i5)\nescape(i100, p9)\nfinish()\n", &descrs()).unwrap();
        assert_eq!(print(&trace), "[i0, p1]\ni2 = int_mul(i0, i0)\nescape(i2, p1)\nfinish()\n");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse("[i0]\ni1 = int_add(i0, i9)\n", &descrs()).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("undefined value"), "{err}");
        let err = parse("[i0]\n\ni1 = nope(i0)\n", &descrs()).unwrap_err();
        assert_eq!(err.line, 3);
        let err = parse("[i0]\np1 = int_add(i0, 1)\n", &descrs()).unwrap_err();
        assert!(err.message.contains("of type Int"), "{err}");
        let err = parse("[i0]\ni1 = getfield_gc_i(i0, descr=nodescr)\n", &descrs()).unwrap_err();
        assert!(err.message.contains("unknown descriptor"), "{err}");
    }

    #[test]
    fn special_floats_round_trip() {
        round_trip(
            "[]\nescape(ConstFloat(0x7ff8000000000000), ConstFloat(0x7ff0000000000000), 1e300, -0.0)\nfinish()\n",
        );
    }

    #[test]
    fn malformed_resume_data_is_an_error() {
        for text in [
            "[i0]\nguard_true(i0) [@1 i0]\nfinish()\n",
            "[i0]\nguard_true(i0) [i0\nfinish()\n",
            "[i0]\nguard_true(i0) [$0] {$1 = nodesize()}\nfinish()\n",
            "[i0]\nguard_true(i0) [$0] {$0 = nosuchsize()}\nfinish()\n",
            "[i0]\nlabel(3)\nfinish()\n",
        ] {
            assert!(parse(text, &descrs()).is_err(), "{text}");
        }
    }

    #[test]
    fn constants_parse() {
        let trace =
            parse("[]\nescape(-5, 0x10, 1e3, ConstFloat(0x3ff0000000000000), NULL)\nfinish()\n", &descrs()).unwrap();
        let consts: Vec<Const> = trace.ops[0].args.iter().map(|&v| trace.const_of(v).unwrap()).collect();
        assert_eq!(
            consts,
            vec![Const::Int(-5), Const::Int(16), Const::Float(1000.0), Const::Float(1.0), Const::Ptr(0)]
        );
    }
}
