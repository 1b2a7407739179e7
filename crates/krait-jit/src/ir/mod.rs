//! The trace IR: values, opcodes, descriptors, traces, resume data, and the
//! text form (printer, parser, verifier).

pub mod descr;
pub mod opcode;
pub mod parser;
pub mod printer;
pub mod resume;
pub mod trace;
pub mod value;
pub mod verify;

pub use descr::{Descr, DescrId, DescrTable, EffectClass};
pub use opcode::{OpFlags, Opcode};
pub use parser::parse;
pub use printer::print;
pub use resume::{ResumeStore, Slot, SnapshotId};
pub use trace::{Op, Trace};
pub use value::{Const, Type, Value};
pub use verify::verify;
