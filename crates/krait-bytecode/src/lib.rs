//! Krait's bytecode: the instruction set (defined once, in `opcode`), the
//! code object the compiler produces, and the disassembler.

pub mod code;
pub mod dis;
pub mod opcode;

pub use code::{local_kind, CodeFlags, CodeObject, Constant, ExceptionTableEntry, Location};
pub use opcode::{ArgKind, BinaryOp, ComparisonOp, Instruction, Opcode};
