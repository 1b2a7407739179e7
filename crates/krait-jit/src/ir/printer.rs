//! The text form of a trace, printed.
//!
//! ```text
//! [i0, p1]
//! i2 = int_add(i0, 1)
//! i3 = int_lt(i2, 100)
//! guard_true(i3) [i2, p1]
//! i4 = getfield_gc_i(p1, descr=valuedescr)
//! label(i5, p6)
//! jump(i5, p6)
//! ```
//!
//! The first line lists the input arguments (and, for a bridge that enters
//! a loop, the loop label's types: `[i0, p1] -> loop(i, p)`). Values are named by their type
//! letter and a number given in order of definition (so printing renumbers,
//! and two traces that differ only in internal numbering print the same).
//! Constants print as literals: `1`, `-2.5`, `ConstPtr(0x1000)`.
//!
//! A guard's resume data follows it in brackets. The simple case, one frame
//! at code 0 / index 0 and no virtuals, is just the list of slots:
//! `[i0, p2]`. In general, frames are separated by `|`, outermost first, each
//! with an `@code:index` header, and virtual objects are `$k` with their
//! contents in braces: `[@1:10 i0 | @2:4 $0, 7] {$0 = nodesize(next=$0, val=i3)}`;
//! a virtual array lists its items: `{$1 = arraydescr[i3, 0, $0]}`.
//! [`super::parser`] reads exactly this form back.

use std::fmt::{self, Write};

use rustc_hash::FxHashMap;

use super::opcode::Opcode;
use super::resume::{Slot, SnapshotId, VirtualObject};
use super::trace::Trace;
use super::value::Value;

/// Print a trace in the text form.
pub fn print(trace: &Trace) -> String {
    let mut out = String::new();
    write_trace(&mut out, trace).expect("writing to a String cannot fail");
    out
}

struct Names {
    names: FxHashMap<Value, String>,
    next: usize,
}

impl Names {
    fn define(&mut self, trace: &Trace, v: Value) -> String {
        let name = format!("{}{}", trace.ty(v).letter(), self.next);
        self.next += 1;
        self.names.insert(v, name.clone());
        name
    }

    fn get(&self, trace: &Trace, v: Value) -> String {
        if let Some(c) = trace.const_of(v) {
            return c.to_string();
        }
        match self.names.get(&v) {
            Some(name) => name.clone(),
            None => format!("?{}{}", trace.ty(v).letter(), v.index()),
        }
    }
}

fn write_trace(out: &mut String, trace: &Trace) -> fmt::Result {
    let mut names = Names { names: FxHashMap::default(), next: 0 };
    let inputs: Vec<String> = trace.inputs.iter().map(|&v| names.define(trace, v)).collect();
    write!(out, "[{}]", inputs.join(", "))?;
    if let Some(types) = &trace.loop_target {
        let letters: Vec<String> = types.iter().map(|t| t.letter().to_string()).collect();
        write!(out, " -> loop({})", letters.join(", "))?;
    }
    out.push('\n');
    for op in &trace.ops {
        let args: Vec<String> = if op.opcode == Opcode::label {
            op.args.iter().map(|&v| names.define(trace, v)).collect()
        } else {
            op.args.iter().map(|&v| names.get(trace, v)).collect()
        };
        if let Some(result) = op.result {
            write!(out, "{} = ", names.define(trace, result))?;
        }
        write!(out, "{}({}", op.opcode.name(), args.join(", "))?;
        if let Some(descr) = op.descr {
            if !args.is_empty() {
                out.push_str(", ");
            }
            write!(out, "descr={}", trace.descrs.name(descr))?;
        }
        out.push(')');
        if let Some(snapshot) = op.snapshot {
            out.push(' ');
            write_snapshot(out, trace, &names, snapshot)?;
        }
        out.push('\n');
    }
    Ok(())
}

fn write_slot(trace: &Trace, names: &Names, slot: Slot) -> String {
    match slot {
        Slot::Value(v) => names.get(trace, v),
        Slot::Virtual(k) => format!("${k}"),
    }
}

fn write_snapshot(out: &mut String, trace: &Trace, names: &Names, id: SnapshotId) -> fmt::Result {
    let frames = trace.resume.frames_of(id);
    let simple = frames.len() == 1 && frames[0].code == 0 && frames[0].pc == 0;
    out.push('[');
    for (i, frame) in frames.iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        let slots: Vec<String> = frame.slots.iter().map(|&s| write_slot(trace, names, s)).collect();
        if simple {
            out.push_str(&slots.join(", "));
        } else {
            write!(out, "@{}:{}", frame.code, frame.pc)?;
            if !slots.is_empty() {
                write!(out, " {}", slots.join(", "))?;
            }
        }
    }
    out.push(']');
    let virtuals = &trace.resume.get(id).virtuals;
    if !virtuals.is_empty() {
        out.push_str(" {");
        for (k, virt) in virtuals.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            match virt {
                VirtualObject::Object { size, fields } => {
                    let fields: Vec<String> = fields
                        .iter()
                        .map(|&(d, s)| format!("{}={}", trace.descrs.name(d), write_slot(trace, names, s)))
                        .collect();
                    write!(out, "${k} = {}({})", trace.descrs.name(*size), fields.join(", "))?;
                }
                VirtualObject::Array { descr, items } => {
                    let items: Vec<String> = items.iter().map(|&s| write_slot(trace, names, s)).collect();
                    write!(out, "${k} = {}[{}]", trace.descrs.name(*descr), items.join(", "))?;
                }
            }
        }
        out.push('}');
    }
    Ok(())
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&print(self))
    }
}
