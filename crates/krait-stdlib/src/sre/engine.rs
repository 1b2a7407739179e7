//! The matcher: runs the opcode lists of CPython 3.11's `re/_compiler.py`
//! over a subject of code points (str) or byte values (bytes), both as
//! `u32`s.
//!
//! It is a backtracking machine with an explicit stack, so a pattern such as
//! `(a|b)*` over a long subject uses heap, not native stack. Three pieces of
//! state:
//!
//! - the **choice stack**: the alternatives not yet tried (the next branch
//!   of a `BRANCH`, one fewer item for a greedy `REPEAT_ONE`, one more for
//!   a lazy one, "stop repeating here" for `MAX_UNTIL`, ...). Failure pops
//!   the newest choice and resumes it.
//! - the **undo log**: every write to a group mark, to `lastindex`, and to
//!   the repeat contexts is logged with the old value; a choice records the
//!   log's length, and resuming it rolls the log back to that length, so
//!   each alternative starts from exactly the state it was pushed in.
//! - the **repeat contexts** of `REPEAT ... MAX_UNTIL/MIN_UNTIL` (count,
//!   position of the last iteration, enclosing repeat), in an arena that
//!   only grows during one match; the current one is a logged index.
//!
//! Sub-patterns whose success cuts off their own alternatives (lookarounds
//! `ASSERT`/`ASSERT_NOT`, `ATOMIC_GROUP`, each iteration of
//! `POSSESSIVE_REPEAT`) run as a nested `run` that ends at their `SUCCESS`
//! opcode and drops the choices it pushed; that recursion is bounded by
//! the pattern's nesting, not by the subject.
//!
//! Semantics follow the documented behaviour of CPython's `_sre` (the
//! zero-width-iteration rule of `MAX_UNTIL`/`MIN_UNTIL`, `^`/`\A` at the
//! real start of the subject even when searching from `pos`, `$` at
//! `endpos`, lookbehind reaching before `pos`).

use super::constants::{at, category, op, MAXREPEAT};

/// One match attempt's subject and bounds.
pub struct Subject<'a> {
    pub text: &'a [u32],
    /// `endpos`: the matcher sees the subject as ending here.
    pub end: usize,
}

#[derive(Clone, Copy)]
struct RepeatCtx {
    count: i64,
    /// Index of the `REPEAT` opcode.
    pc: usize,
    last_pos: Option<usize>,
    prev: Option<usize>,
}

enum Undo {
    Mark { index: usize, old: Option<usize>, old_lastindex: Option<usize> },
    Repeat { index: usize, old: RepeatCtx },
    Current(Option<usize>),
}

enum Choice {
    /// Try the `BRANCH` alternative whose skip word is at `skip_at`.
    Branch { skip_at: usize, pos: usize, undo: usize },
    /// Greedy `REPEAT_ONE`: retry the tail with one item fewer.
    RepeatOne { tail: usize, start: usize, count: usize, min: usize, undo: usize },
    /// Lazy `MIN_REPEAT_ONE`: retry the tail with one item more.
    MinRepeatOne { tail: usize, item: usize, pos: usize, count: usize, max: u32, undo: usize },
    /// `MAX_UNTIL`: stop repeating `ctx` and match the tail.
    UntilTail { ctx: usize, tail: usize, pos: usize, undo: usize },
    /// `MIN_UNTIL`: match one more iteration of `ctx`'s body.
    MinUntilBody { ctx: usize, count: i64, pos: usize, undo: usize },
}

/// The matcher's state for one subject; reusable across positions.
pub struct Machine<'a> {
    code: &'a [u32],
    s: &'a [u32],
    end: usize,
    pub marks: Vec<Option<usize>>,
    pub lastindex: Option<usize>,
    /// `fullmatch`: the top-level `SUCCESS` requires the end of the subject.
    pub match_all: bool,
    /// A match starting at `match_start` must not be empty (after an empty
    /// match there, the next search must advance: CPython's `must_advance`).
    pub must_advance: bool,
    match_start: usize,
    undo: Vec<Undo>,
    choices: Vec<Choice>,
    repeats: Vec<RepeatCtx>,
    current: Option<usize>,
}

/// `str.lower()` of one code point, the simple mapping.
pub fn lower_unicode(ch: u32) -> u32 {
    let Some(c) = char::from_u32(ch) else { return ch };
    if ch < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        // U+0130 (İ) lowers to "i̇" in full; its simple lowercase is 'i'.
        _ if ch == 0x130 => 'i' as u32,
        _ => ch,
    }
}

/// The simple uppercase mapping of one code point.
pub fn upper_unicode(ch: u32) -> u32 {
    let Some(c) = char::from_u32(ch) else { return ch };
    if ch < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u as u32,
        _ => ch,
    }
}

pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

fn is_uni_word(ch: u32) -> bool {
    ch == b'_' as u32 || char::from_u32(ch).is_some_and(krait_vm::unicode::is_alnum)
}

fn in_category(cat: u32, ch: u32) -> bool {
    let c = char::from_u32(ch);
    match cat {
        category::DIGIT => ch < 128 && (ch as u8).is_ascii_digit(),
        category::NOT_DIGIT => !(ch < 128 && (ch as u8).is_ascii_digit()),
        category::SPACE => matches!(ch, 9..=13 | 32),
        category::NOT_SPACE => !matches!(ch, 9..=13 | 32),
        category::WORD | category::LOC_WORD => is_ascii_word(ch),
        category::NOT_WORD | category::LOC_NOT_WORD => !is_ascii_word(ch),
        category::LINEBREAK => ch == 10,
        category::NOT_LINEBREAK => ch != 10,
        category::UNI_DIGIT => c.is_some_and(krait_vm::unicode::is_decimal),
        category::UNI_NOT_DIGIT => !c.is_some_and(krait_vm::unicode::is_decimal),
        category::UNI_SPACE => c.is_some_and(krait_vm::unicode::is_space),
        category::UNI_NOT_SPACE => !c.is_some_and(krait_vm::unicode::is_space),
        category::UNI_WORD => is_uni_word(ch),
        category::UNI_NOT_WORD => !is_uni_word(ch),
        category::UNI_LINEBREAK => c.is_some_and(krait_vm::unicode::is_linebreak),
        category::UNI_NOT_LINEBREAK => !c.is_some_and(krait_vm::unicode::is_linebreak),
        _ => false,
    }
}

/// Whether `ch` is in the set that starts at `pc` (the words after `IN`'s
/// skip), up to its `FAILURE`.
fn in_charset(code: &[u32], mut pc: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        match code.get(pc).copied().unwrap_or(op::FAILURE) {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if ch == code[pc + 1] {
                    return ok;
                }
                pc += 2;
            }
            op::CATEGORY => {
                if in_category(code[pc + 1], ch) {
                    return ok;
                }
                pc += 2;
            }
            op::CHARSET => {
                // 256 bits in eight 32-bit words.
                if ch < 256 && code[pc + 1 + (ch as usize >> 5)] & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                pc += 1 + 8;
            }
            op::RANGE => {
                if code[pc + 1] <= ch && ch <= code[pc + 2] {
                    return ok;
                }
                pc += 3;
            }
            op::RANGE_UNI_IGNORE => {
                if code[pc + 1] <= ch && ch <= code[pc + 2] {
                    return ok;
                }
                let up = upper_unicode(ch);
                if code[pc + 1] <= up && up <= code[pc + 2] {
                    return ok;
                }
                pc += 3;
            }
            op::NEGATE => {
                ok = !ok;
                pc += 1;
            }
            op::BIGCHARSET => {
                // count, a 256-byte table (64 words) from the high byte to a
                // block number, then `count` blocks of 256 bits.
                let count = code[pc + 1] as usize;
                pc += 2;
                if ch < 65536 {
                    let hi = (ch >> 8) as usize;
                    let word = code[pc + hi / 4];
                    let block = (word.to_ne_bytes())[hi % 4] as usize;
                    let lo = ch & 255;
                    let base = pc + 64 + block * 8;
                    if code[base + (lo as usize >> 5)] & (1u32 << (lo & 31)) != 0 {
                        return ok;
                    }
                }
                pc += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// The length in code words of the single-character opcode at `pc`.
fn single_width(code: &[u32], pc: usize) -> usize {
    match code[pc] {
        op::ANY | op::ANY_ALL => 1,
        op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => 1 + code[pc + 1] as usize,
        _ => 2,
    }
}

fn loc_ignore_eq(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_ascii(ch) == pattern || upper_ascii(ch) == pattern
}

/// Whether the single-character opcode at `pc` accepts `ch`; `None` if the
/// opcode is not a single-character one.
fn match_single(code: &[u32], pc: usize, ch: u32) -> Option<bool> {
    let arg = || code[pc + 1];
    Some(match code[pc] {
        op::ANY => ch != 10,
        op::ANY_ALL => true,
        op::LITERAL => ch == arg(),
        op::NOT_LITERAL => ch != arg(),
        op::LITERAL_IGNORE => lower_ascii(ch) == arg(),
        op::NOT_LITERAL_IGNORE => lower_ascii(ch) != arg(),
        op::LITERAL_UNI_IGNORE => lower_unicode(ch) == arg(),
        op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg(),
        op::LITERAL_LOC_IGNORE => loc_ignore_eq(arg(), ch),
        op::NOT_LITERAL_LOC_IGNORE => !loc_ignore_eq(arg(), ch),
        op::CATEGORY => in_category(arg(), ch),
        op::IN => in_charset(code, pc + 2, ch),
        op::IN_IGNORE => in_charset(code, pc + 2, lower_ascii(ch)),
        op::IN_UNI_IGNORE => in_charset(code, pc + 2, lower_unicode(ch)),
        op::IN_LOC_IGNORE => {
            in_charset(code, pc + 2, ch)
                || in_charset(code, pc + 2, lower_ascii(ch))
                || in_charset(code, pc + 2, upper_ascii(ch))
        }
        _ => return None,
    })
}

impl<'a> Machine<'a> {
    pub fn new(code: &'a [u32], subject: Subject<'a>, groups: usize) -> Machine<'a> {
        Machine {
            code,
            s: subject.text,
            end: subject.end.min(subject.text.len()),
            marks: vec![None; groups * 2],
            lastindex: None,
            match_all: false,
            must_advance: false,
            match_start: 0,
            undo: Vec::new(),
            choices: Vec::new(),
            repeats: Vec::new(),
            current: None,
        }
    }

    /// Try to match the whole pattern at `pos`: the end position on
    /// success (the marks then hold the groups).
    pub fn match_at(&mut self, pos: usize) -> Option<usize> {
        self.marks.iter_mut().for_each(|m| *m = None);
        self.lastindex = None;
        self.undo.clear();
        self.choices.clear();
        self.repeats.clear();
        self.current = None;
        if pos > self.end {
            return None;
        }
        self.match_start = pos;
        self.run(0, pos, true)
    }

    /// Search from `pos` to the end: (start, end) of the first match.
    pub fn search_from(&mut self, pos: usize) -> Option<(usize, usize)> {
        let mut start = pos;
        let must_advance = self.must_advance;
        // A leading literal (after the INFO block) lets us skip positions.
        let mut first = 0;
        if self.code.first() == Some(&op::INFO) {
            first = 1 + self.code[1] as usize;
        }
        let first_literal = (self.code.get(first) == Some(&op::LITERAL)).then(|| self.code[first + 1]);
        while start <= self.end {
            if let Some(lit) = first_literal {
                while start < self.end && self.s[start] != lit {
                    start += 1;
                }
                if start >= self.end {
                    return None;
                }
            }
            self.must_advance = must_advance && start == pos;
            let found = self.match_at(start);
            self.must_advance = must_advance;
            if let Some(end) = found {
                return Some((start, end));
            }
            start += 1;
        }
        None
    }

    fn set_mark(&mut self, index: usize, pos: Option<usize>) {
        if index >= self.marks.len() {
            self.marks.resize(index + 1, None);
        }
        self.undo.push(Undo::Mark { index, old: self.marks[index], old_lastindex: self.lastindex });
        self.marks[index] = pos;
        if index & 1 == 1 {
            self.lastindex = Some(index / 2 + 1);
        }
    }

    fn set_repeat(&mut self, index: usize, ctx: RepeatCtx) {
        self.undo.push(Undo::Repeat { index, old: self.repeats[index] });
        self.repeats[index] = ctx;
    }

    fn set_current(&mut self, current: Option<usize>) {
        self.undo.push(Undo::Current(self.current));
        self.current = current;
    }

    fn rollback(&mut self, len: usize) {
        while self.undo.len() > len {
            match self.undo.pop().expect("undo entry") {
                Undo::Mark { index, old, old_lastindex } => {
                    self.marks[index] = old;
                    self.lastindex = old_lastindex;
                }
                Undo::Repeat { index, old } => self.repeats[index] = old,
                Undo::Current(c) => self.current = c,
            }
        }
    }

    /// How many times (up to `max`) the single-character opcode at `item`
    /// matches from `pos`.
    fn count(&self, item: usize, pos: usize, max: u32) -> usize {
        let limit = if max == MAXREPEAT { self.end } else { self.end.min(pos.saturating_add(max as usize)) };
        let mut p = pos;
        while p < limit && match_single(self.code, item, self.s[p]) == Some(true) {
            p += 1;
        }
        p - pos
    }

    fn is_word_at(&self, pos: usize, word: fn(u32) -> bool) -> bool {
        pos < self.end && word(self.s[pos])
    }

    fn at(&self, code: u32, pos: usize) -> bool {
        let s = self.s;
        let boundary = |word: fn(u32) -> bool| -> Option<bool> {
            if self.end == 0 {
                return None;
            }
            let that = pos > 0 && word(s[pos - 1]);
            let this = self.is_word_at(pos, word);
            Some(this != that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => pos == 0,
            at::BEGINNING_LINE => pos == 0 || s[pos - 1] == 10,
            at::END => pos == self.end || (pos + 1 == self.end && s[pos] == 10),
            at::END_LINE => pos == self.end || s[pos] == 10,
            at::END_STRING => pos == self.end,
            at::BOUNDARY | at::LOC_BOUNDARY => boundary(is_ascii_word) == Some(true),
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => boundary(is_ascii_word) == Some(false),
            at::UNI_BOUNDARY => boundary(is_uni_word) == Some(true),
            at::UNI_NON_BOUNDARY => boundary(is_uni_word) == Some(false),
            _ => false,
        }
    }

    /// The span of group `g` if both its marks are set.
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        match (self.marks.get(2 * g).copied().flatten(), self.marks.get(2 * g + 1).copied().flatten()) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        }
    }

    /// Run the code from `pc` at `pos` until a `SUCCESS` (returning the
    /// position there) or until every choice pushed by this run failed.
    fn run(&mut self, mut pc: usize, mut pos: usize, toplevel: bool) -> Option<usize> {
        let base = self.choices.len();
        let undo_base = self.undo.len();
        let code = self.code;
        'matching: loop {
            let ok: bool = 'step: {
                let opcode = code[pc];
                match opcode {
                    op::SUCCESS => {
                        if toplevel && self.match_all && pos != self.end {
                            break 'step false;
                        }
                        if toplevel && self.must_advance && pos == self.match_start {
                            break 'step false;
                        }
                        self.choices.truncate(base);
                        return Some(pos);
                    }
                    op::FAILURE => false,
                    op::INFO => {
                        // INFO skip flags min max ...: too short a rest fails.
                        let min = code[pc + 3] as usize;
                        if self.end.saturating_sub(pos) < min {
                            break 'step false;
                        }
                        pc += 1 + code[pc + 1] as usize;
                        true
                    }
                    op::AT => {
                        if !self.at(code[pc + 1], pos) {
                            break 'step false;
                        }
                        pc += 2;
                        true
                    }
                    op::JUMP => {
                        pc += 1 + code[pc + 1] as usize;
                        true
                    }
                    op::MARK => {
                        self.set_mark(code[pc + 1] as usize, Some(pos));
                        pc += 2;
                        true
                    }
                    op::BRANCH => {
                        // BRANCH (skip alternative JUMP)* 0: try the first
                        // alternative, leave a choice for the next one.
                        let skip_at = pc + 1;
                        if code[skip_at] == 0 {
                            break 'step false;
                        }
                        let next = skip_at + code[skip_at] as usize;
                        self.choices.push(Choice::Branch { skip_at: next, pos, undo: self.undo.len() });
                        pc = skip_at + 1;
                        true
                    }
                    op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                        // op skip min max item SUCCESS tail
                        let tail = pc + 1 + code[pc + 1] as usize;
                        let min = code[pc + 2] as usize;
                        let max = code[pc + 3];
                        let item = pc + 4;
                        if pos.saturating_add(min) > self.end {
                            break 'step false;
                        }
                        match opcode {
                            op::MIN_REPEAT_ONE => {
                                let count = if min > 0 { self.count(item, pos, min as u32) } else { 0 };
                                if count < min {
                                    break 'step false;
                                }
                                pos += count;
                                self.choices.push(Choice::MinRepeatOne {
                                    tail,
                                    item,
                                    pos,
                                    count,
                                    max,
                                    undo: self.undo.len(),
                                });
                            }
                            _ => {
                                let count = self.count(item, pos, max);
                                if count < min {
                                    break 'step false;
                                }
                                if opcode == op::REPEAT_ONE && count > min {
                                    self.choices.push(Choice::RepeatOne {
                                        tail,
                                        start: pos,
                                        count,
                                        min,
                                        undo: self.undo.len(),
                                    });
                                }
                                pos += count;
                            }
                        }
                        pc = tail;
                        true
                    }
                    op::REPEAT => {
                        // REPEAT skip min max body MAX_UNTIL|MIN_UNTIL tail
                        let ctx = RepeatCtx { count: -1, pc, last_pos: None, prev: self.current };
                        self.repeats.push(ctx);
                        let index = self.repeats.len() - 1;
                        self.set_current(Some(index));
                        pc += 1 + code[pc + 1] as usize;
                        true
                    }
                    op::MAX_UNTIL | op::MIN_UNTIL => {
                        let Some(index) = self.current else { break 'step false };
                        let ctx = self.repeats[index];
                        let min = code[ctx.pc + 2] as i64;
                        let max = code[ctx.pc + 3];
                        let body = ctx.pc + 4;
                        let tail = pc + 1;
                        let count = ctx.count + 1;
                        if count < min {
                            self.set_repeat(index, RepeatCtx { count, ..ctx });
                            pc = body;
                            break 'step true;
                        }
                        let may_repeat = (max == MAXREPEAT || count < max as i64) && ctx.last_pos != Some(pos);
                        if opcode == op::MAX_UNTIL {
                            if may_repeat {
                                self.choices.push(Choice::UntilTail { ctx: index, tail, pos, undo: self.undo.len() });
                                self.set_repeat(index, RepeatCtx { count, last_pos: Some(pos), ..ctx });
                                pc = body;
                            } else {
                                self.set_current(ctx.prev);
                                pc = tail;
                            }
                        } else {
                            if may_repeat {
                                self.choices.push(Choice::MinUntilBody {
                                    ctx: index,
                                    count,
                                    pos,
                                    undo: self.undo.len(),
                                });
                            }
                            self.set_current(ctx.prev);
                            pc = tail;
                        }
                        true
                    }
                    op::POSSESSIVE_REPEAT => {
                        // POSSESSIVE_REPEAT skip min max body SUCCESS tail,
                        // the skip leading to the SUCCESS.
                        let tail = pc + 2 + code[pc + 1] as usize;
                        let min = code[pc + 2] as u64;
                        let max = code[pc + 3];
                        let mut count = 0u64;
                        while max == MAXREPEAT || count < max as u64 {
                            match self.run(pc + 4, pos, false) {
                                Some(next) => {
                                    count += 1;
                                    // An empty iteration ends the loop once
                                    // the minimum was reached before it (its
                                    // marks stay, as CPython's).
                                    if next == pos && count > min {
                                        break;
                                    }
                                    pos = next;
                                }
                                None => break,
                            }
                        }
                        if count < min {
                            break 'step false;
                        }
                        pc = tail;
                        true
                    }
                    op::ATOMIC_GROUP => {
                        // ATOMIC_GROUP skip body SUCCESS tail
                        match self.run(pc + 2, pos, false) {
                            Some(next) => {
                                pos = next;
                                pc += 1 + code[pc + 1] as usize;
                                true
                            }
                            None => false,
                        }
                    }
                    op::ASSERT | op::ASSERT_NOT => {
                        // ASSERT skip back body SUCCESS
                        let back = code[pc + 2] as usize;
                        let matched = if pos < back {
                            false
                        } else {
                            let undo = self.undo.len();
                            let found = self.run(pc + 3, pos - back, false).is_some();
                            if opcode == op::ASSERT_NOT {
                                self.rollback(undo);
                            }
                            found
                        };
                        if matched != (opcode == op::ASSERT) {
                            break 'step false;
                        }
                        pc += 1 + code[pc + 1] as usize;
                        true
                    }
                    op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                        let Some((a, b)) = self.group_span(code[pc + 1] as usize) else { break 'step false };
                        let len = b - a;
                        if pos + len > self.end {
                            break 'step false;
                        }
                        let fold: fn(u32) -> u32 = match opcode {
                            op::GROUPREF => |c| c,
                            op::GROUPREF_UNI_IGNORE => lower_unicode,
                            _ => lower_ascii,
                        };
                        if (0..len).any(|i| fold(self.s[a + i]) != fold(self.s[pos + i])) {
                            break 'step false;
                        }
                        pos += len;
                        pc += 2;
                        true
                    }
                    op::GROUPREF_EXISTS => {
                        // GROUPREF_EXISTS group skip yes... JUMP skip no...
                        if self.group_span(code[pc + 1] as usize).is_some() {
                            pc += 3;
                        } else {
                            // The skip is counted so that the "no" branch
                            // starts at pc + 1 + skip.
                            pc += 1 + code[pc + 2] as usize;
                        }
                        true
                    }
                    _ => {
                        if pos >= self.end {
                            break 'step false;
                        }
                        match match_single(code, pc, self.s[pos]) {
                            Some(true) => {
                                pc += single_width(code, pc);
                                pos += 1;
                                true
                            }
                            _ => false,
                        }
                    }
                }
            };
            if ok {
                continue 'matching;
            }
            // Backtrack: resume the newest choice of this run.
            loop {
                if self.choices.len() <= base {
                    self.rollback(undo_base);
                    return None;
                }
                let choice = self.choices.pop().expect("choice");
                match choice {
                    Choice::Branch { skip_at, pos: q, undo } => {
                        self.rollback(undo);
                        if code[skip_at] == 0 {
                            continue;
                        }
                        self.choices.push(Choice::Branch { skip_at: skip_at + code[skip_at] as usize, pos: q, undo });
                        pc = skip_at + 1;
                        pos = q;
                        continue 'matching;
                    }
                    Choice::RepeatOne { tail, start, count, min, undo } => {
                        self.rollback(undo);
                        let count = count - 1;
                        if count > min {
                            self.choices.push(Choice::RepeatOne { tail, start, count, min, undo });
                        }
                        pc = tail;
                        pos = start + count;
                        continue 'matching;
                    }
                    Choice::MinRepeatOne { tail, item, pos: q, count, max, undo } => {
                        self.rollback(undo);
                        if q >= self.end || match_single(code, item, self.s[q]) != Some(true) {
                            continue;
                        }
                        let count = count + 1;
                        if max != MAXREPEAT && count > max as usize {
                            continue;
                        }
                        self.choices.push(Choice::MinRepeatOne { tail, item, pos: q + 1, count, max, undo });
                        pc = tail;
                        pos = q + 1;
                        continue 'matching;
                    }
                    Choice::UntilTail { ctx, tail, pos: q, undo } => {
                        self.rollback(undo);
                        let prev = self.repeats[ctx].prev;
                        self.set_current(prev);
                        pc = tail;
                        pos = q;
                        continue 'matching;
                    }
                    Choice::MinUntilBody { ctx, count, pos: q, undo } => {
                        self.rollback(undo);
                        let c = self.repeats[ctx];
                        self.set_repeat(ctx, RepeatCtx { count, last_pos: Some(q), ..c });
                        pc = c.pc + 4;
                        pos = q;
                        continue 'matching;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn run_match(code: &[u32], subject: &str, groups: usize) -> Option<(usize, Vec<Option<usize>>)> {
        let t = text(subject);
        let mut m = Machine::new(code, Subject { text: &t, end: t.len() }, groups);
        m.match_at(0).map(|end| (end, m.marks.clone()))
    }

    const A: u32 = 'a' as u32;
    const B: u32 = 'b' as u32;

    #[test]
    fn literal_sequence() {
        let code = [op::LITERAL, A, op::LITERAL, B, op::SUCCESS];
        assert_eq!(run_match(&code, "abc", 0).map(|r| r.0), Some(2));
        assert_eq!(run_match(&code, "ac", 0), None);
    }

    #[test]
    fn greedy_repeat_one_backtracks_into_tail() {
        // a*ab
        let code =
            [op::REPEAT_ONE, 6, 0, MAXREPEAT, op::LITERAL, A, op::SUCCESS, op::LITERAL, A, op::LITERAL, B, op::SUCCESS];
        assert_eq!(run_match(&code, "aaab", 0).map(|r| r.0), Some(4));
        assert_eq!(run_match(&code, "b", 0), None);
    }

    #[test]
    fn lazy_repeat_one() {
        // a*?b
        let code = [op::MIN_REPEAT_ONE, 6, 0, MAXREPEAT, op::LITERAL, A, op::SUCCESS, op::LITERAL, B, op::SUCCESS];
        assert_eq!(run_match(&code, "aab", 0).map(|r| r.0), Some(3));
    }

    #[test]
    fn branch_in_repeat_on_long_subject_does_not_overflow() {
        // (a|b)*  : REPEAT skip min max MARK 0 BRANCH ... MARK 1 MAX_UNTIL SUCCESS
        let code = [
            op::REPEAT,
            19,
            0,
            MAXREPEAT,
            op::MARK,
            0,
            op::BRANCH,
            5,
            op::LITERAL,
            A,
            op::JUMP,
            7,
            5,
            op::LITERAL,
            B,
            op::JUMP,
            2,
            0,
            op::MARK,
            1,
            op::MAX_UNTIL,
            op::SUCCESS,
        ];
        let subject: String = "ab".repeat(50_000);
        let (end, marks) = run_match(&code, &subject, 1).expect("match");
        assert_eq!(end, 100_000);
        assert_eq!(marks, vec![Some(99_999), Some(100_000)]);
    }

    #[test]
    fn negative_lookahead_and_groupref() {
        // (a)(?!b)\1
        let code = [
            op::MARK,
            0,
            op::LITERAL,
            A,
            op::MARK,
            1,
            op::ASSERT_NOT,
            5,
            0,
            op::LITERAL,
            B,
            op::SUCCESS,
            op::GROUPREF,
            0,
            op::SUCCESS,
        ];
        assert_eq!(run_match(&code, "aa", 1).map(|r| r.0), Some(2));
        assert_eq!(run_match(&code, "ab", 1), None);
    }

    #[test]
    fn atomic_group_does_not_give_back() {
        // (?>a*)a never matches
        let code = [
            op::ATOMIC_GROUP,
            9,
            op::REPEAT_ONE,
            6,
            0,
            MAXREPEAT,
            op::LITERAL,
            A,
            op::SUCCESS,
            op::SUCCESS,
            op::LITERAL,
            A,
            op::SUCCESS,
        ];
        assert_eq!(run_match(&code, "aaa", 0), None);
    }

    #[test]
    fn charset_bits_and_negate() {
        // [^a-c]
        let code = [op::IN, 6, op::NEGATE, op::RANGE, A, 'c' as u32, op::FAILURE, op::SUCCESS];
        assert!(run_match(&code, "d", 0).is_some());
        assert!(run_match(&code, "b", 0).is_none());
    }

    const C: u32 = 'c' as u32;

    #[test]
    fn lazy_general_repeat_takes_as_few_as_possible() {
        // (?:ab)*?c: INFO, REPEAT 7 0 MAX, LITERAL a, LITERAL b, MIN_UNTIL, LITERAL c
        let code = [
            op::INFO,
            4,
            0,
            1,
            MAXREPEAT,
            op::REPEAT,
            7,
            0,
            MAXREPEAT,
            op::LITERAL,
            A,
            op::LITERAL,
            B,
            op::MIN_UNTIL,
            op::LITERAL,
            C,
            op::SUCCESS,
        ];
        assert_eq!(run_match(&code, "ababc", 0).map(|r| r.0), Some(5));
        assert_eq!(run_match(&code, "c", 0).map(|r| r.0), Some(1));
        assert_eq!(run_match(&code, "aba", 0), None);
    }

    #[test]
    fn conditional_on_group() {
        // (a)?(?(1)b|c)
        let code = [
            op::INFO,
            4,
            0,
            1,
            2,
            op::REPEAT,
            9,
            0,
            1,
            op::MARK,
            0,
            op::LITERAL,
            A,
            op::MARK,
            1,
            op::MAX_UNTIL,
            op::GROUPREF_EXISTS,
            0,
            6,
            op::LITERAL,
            B,
            op::JUMP,
            3,
            op::LITERAL,
            C,
            op::SUCCESS,
        ];
        assert_eq!(run_match(&code, "ab", 1).map(|r| r.0), Some(2));
        assert_eq!(run_match(&code, "c", 1).map(|r| r.0), Some(1));
        assert_eq!(run_match(&code, "ac", 1), None);
    }

    #[test]
    fn lookbehind_reaches_before_the_start() {
        // (?<=ab)c searched in "abc": the match starts at 2.
        let code = [
            op::INFO,
            4,
            0,
            1,
            1,
            op::ASSERT,
            7,
            2,
            op::LITERAL,
            A,
            op::LITERAL,
            B,
            op::SUCCESS,
            op::LITERAL,
            C,
            op::SUCCESS,
        ];
        let t = text("abc");
        let mut m = Machine::new(&code, Subject { text: &t, end: 3 }, 0);
        assert_eq!(m.search_from(0), Some((2, 3)));
        assert_eq!(m.match_at(0), None);
    }

    #[test]
    fn exact_count_and_info_minimum() {
        // a{3}
        let code = [op::INFO, 4, 0, 3, 3, op::REPEAT_ONE, 6, 3, 3, op::LITERAL, A, op::SUCCESS, op::SUCCESS];
        assert_eq!(run_match(&code, "aaaa", 0).map(|r| r.0), Some(3));
        assert_eq!(run_match(&code, "aa", 0), None);
    }

    #[test]
    fn must_advance_skips_the_empty_match_at_the_start() {
        // x*: after an empty match at 0 the next search must not match empty at 0.
        let code = [
            op::INFO,
            4,
            0,
            0,
            MAXREPEAT,
            op::REPEAT_ONE,
            6,
            0,
            MAXREPEAT,
            op::LITERAL,
            'x' as u32,
            op::SUCCESS,
            op::SUCCESS,
        ];
        let t = text("ax");
        let mut m = Machine::new(&code, Subject { text: &t, end: 2 }, 0);
        assert_eq!(m.search_from(0), Some((0, 0)));
        m.must_advance = true;
        assert_eq!(m.search_from(0), Some((1, 2)));
    }

    #[test]
    fn ignore_case_literals() {
        let ascii = [op::LITERAL_IGNORE, A, op::SUCCESS];
        assert!(run_match(&ascii, "A", 0).is_some());
        let unicode = [op::LITERAL_UNI_IGNORE, 0xe9, op::SUCCESS];
        assert!(run_match(&unicode, "\u{c9}", 0).is_some());
        let range = [op::IN_UNI_IGNORE, 5, op::RANGE_UNI_IGNORE, A, C, op::FAILURE, op::SUCCESS];
        assert!(run_match(&range, "B", 0).is_some());
        assert!(run_match(&range, "D", 0).is_none());
    }
}
