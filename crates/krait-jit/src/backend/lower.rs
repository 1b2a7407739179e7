//! Lowering a trace to Cranelift IR, op by op.
//!
//! One walk over the ops with a map from trace values to Cranelift values.
//! Guards branch to a cold exit block built on the spot (it can use every
//! value defined so far, since the guard's block dominates it); labels open
//! blocks with parameters; constants are materialised where they are used
//! (Cranelift's optimiser shares them).

use std::sync::atomic::AtomicU64;

use super::GuardSlot;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, Signature, Value as ClValue};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};
use rustc_hash::FxHashMap;

use super::{CompileError, ExitInfo, ExitKind, JitContext, LoopEntry};
use crate::ir::descr::EffectClass;
use crate::ir::{Opcode, Trace, Type, Value};

/// The exits of a trace, numbered before code generation.
pub(super) struct ExitPlan {
    pub exits: Vec<ExitInfo>,
    first: u32,
    /// Per op index: the exit number.
    by_op: FxHashMap<usize, u32>,
}

impl ExitPlan {
    pub fn new(trace: &Trace, number: u32, first: u32, loop_target: Option<(u32, LoopEntry)>) -> ExitPlan {
        let mut exits = Vec::new();
        let mut by_op = FxHashMap::default();
        let mut slot = 0;
        for (i, op) in trace.ops.iter().enumerate() {
            let (kind, values, bridge_slot) = if let Some(snapshot) = op.snapshot {
                slot += 1;
                (ExitKind::Guard(snapshot), trace.resume.fail_args(snapshot), Some(slot - 1))
            } else if op.opcode == Opcode::finish {
                (ExitKind::Finish, op.args.to_vec(), None)
            } else if let (Opcode::jump, None, Some(target)) = (op.opcode, trace.jump_target(i), loop_target) {
                (ExitKind::Jump(target.0, target.1), op.args.to_vec(), None)
            } else {
                continue;
            };
            by_op.insert(i, first + exits.len() as u32);
            let types = values.iter().map(|&v| trace.ty(v)).collect();
            exits.push(ExitInfo { trace: number, op: i, kind, types, bridge_slot });
        }
        ExitPlan { exits, first, by_op }
    }

    pub fn frame_size(&self, trace: &Trace) -> usize {
        let label = trace.loop_label().map_or(0, |l| trace.ops[l].args.len());
        self.exits.iter().map(|e| e.types.len()).chain([trace.inputs.len(), label]).max().unwrap_or(0)
    }

    pub fn numbers(&self) -> (Vec<u32>, Vec<u32>) {
        let mut guards = Vec::new();
        let mut finishes = Vec::new();
        for (k, exit) in self.exits.iter().enumerate() {
            let n = self.first + k as u32;
            match exit.kind {
                ExitKind::Guard(_) => guards.push(n),
                ExitKind::Finish => finishes.push(n),
                ExitKind::Jump(..) => {}
            }
        }
        (guards, finishes)
    }
}

fn cl_type(ty: Type) -> types::Type {
    match ty {
        Type::Float => types::F64,
        _ => types::I64,
    }
}

fn trace_signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

struct Lower<'a, 'b> {
    b: FunctionBuilder<'b>,
    trace: &'a Trace,
    values: FxHashMap<Value, ClValue>,
    frame: ClValue,
    ctx: ClValue,
    call_conv: CallConv,
    mem: MemFlagsData,
}

impl Lower<'_, '_> {
    fn get(&mut self, v: Value) -> ClValue {
        if let Some(c) = self.trace.const_of(v) {
            return match c {
                crate::ir::Const::Float(f) => self.b.ins().f64const(f),
                c => self.b.ins().iconst(types::I64, c.bits() as i64),
            };
        }
        *self.values.get(&v).unwrap_or_else(|| panic!("value {} used before definition", v.index()))
    }

    fn bool_to_int(&mut self, flag: ClValue) -> ClValue {
        self.b.ins().uextend(types::I64, flag)
    }

    fn store_frame(&mut self, values: &[Value]) {
        for (k, &v) in values.iter().enumerate() {
            let x = self.get(v);
            self.b.ins().store(self.mem, x, self.frame, (8 * k) as i32);
        }
    }

    fn call_alloc(&mut self, size: ClValue) -> ClValue {
        let mut sig = Signature::new(self.call_conv);
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        let sig = self.b.import_signature(sig);
        let alloc = self.b.ins().load(types::I64, self.mem, self.ctx, JitContext::ALLOC_OFFSET);
        let call = self.b.ins().call_indirect(sig, alloc, &[self.ctx, size]);
        self.b.inst_results(call)[0]
    }
}

/// What a compiled function shares with the other entry of the same trace.
pub(super) struct Shared<'a> {
    pub plan: &'a ExitPlan,
    pub bridges: &'a [GuardSlot],
    pub invalidated: &'a AtomicU64,
    pub number: u32,
}

/// Compile a trace into a function of `module` (not yet finalised). A loop
/// trace's function has two entries: its start, and its label when the
/// context's `label_entry` is set (reading the label's values from the
/// frame: where bridges enter the loop), so the loop is compiled once.
pub(super) fn compile(module: &mut JITModule, trace: &Trace, shared: &Shared<'_>) -> Result<FuncId, CompileError> {
    let Shared { plan, bridges, invalidated, number } = *shared;
    let call_conv = module.isa().default_call_conv();
    let sig = trace_signature(call_conv);
    let name = format!("krait_trace_{number}");
    let func_id = module.declare_function(&name, Linkage::Local, &sig).map_err(|e| CompileError(e.to_string()))?;
    let mut ctx = module.make_context();
    ctx.func.signature = sig.clone();
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let frame = b.block_params(entry)[0];
        let ctx_ptr = b.block_params(entry)[1];
        let mut l = Lower {
            b,
            trace,
            values: FxHashMap::default(),
            frame,
            ctx: ctx_ptr,
            call_conv,
            mem: MemFlagsData::trusted(),
        };
        let mut label_blocks: FxHashMap<usize, Block> = FxHashMap::default();
        for (i, op) in trace.ops.iter().enumerate() {
            if op.opcode == Opcode::label {
                let block = l.b.create_block();
                for &v in &op.args {
                    l.b.append_block_param(block, cl_type(trace.ty(v)));
                }
                label_blocks.insert(i, block);
            }
        }
        if let Some(label) = trace.loop_label() {
            // The label entry: straight into the loop with the frame's values.
            let flag = l.b.ins().load(types::I64, l.mem, ctx_ptr, JitContext::LABEL_ENTRY_OFFSET);
            let (at_label, at_start) = (l.b.create_block(), l.b.create_block());
            l.b.ins().brif(flag, at_label, &[], at_start, &[]);
            l.b.switch_to_block(at_label);
            let words: Vec<BlockArg> = (trace.ops[label].args.iter().enumerate())
                .map(|(k, &v)| BlockArg::Value(l.b.ins().load(cl_type(trace.ty(v)), l.mem, frame, (8 * k) as i32)))
                .collect();
            l.b.ins().jump(label_blocks[&label], &words);
            l.b.switch_to_block(at_start);
        }
        // The values the start reads from the frame.
        let mut entry_words = Vec::new();
        for (k, &v) in trace.inputs.iter().enumerate() {
            let x = l.b.ins().load(cl_type(trace.ty(v)), l.mem, frame, (8 * k) as i32);
            l.values.insert(v, x);
            entry_words.push(BlockArg::Value(x));
        }
        // The loop header of a trace without a label: a block taking the inputs.
        let mut start = None;
        if trace.loop_label().is_none() && trace.loop_target.is_none() {
            let block = l.b.create_block();
            for &input in &trace.inputs {
                l.b.append_block_param(block, cl_type(trace.ty(input)));
            }
            l.b.ins().jump(block, &entry_words);
            l.b.switch_to_block(block);
            for (k, &input) in trace.inputs.iter().enumerate() {
                let p = l.b.block_params(block)[k];
                l.values.insert(input, p);
            }
            start = Some(block);
        }
        let trace_sig = l.b.import_signature(sig);
        let mut overflow_flag: Option<ClValue> = None;
        let mut terminated = false;
        for (i, op) in trace.ops.iter().enumerate() {
            let opcode = op.opcode;
            if opcode == Opcode::label {
                let block = label_blocks[&i];
                if !terminated {
                    // A label the function starts with: enter it with the entry values.
                    l.b.ins().jump(block, &entry_words);
                }
                l.b.switch_to_block(block);
                for (k, &v) in op.args.iter().enumerate() {
                    let p = l.b.block_params(block)[k];
                    l.values.insert(v, p);
                }
                terminated = false;
                continue;
            }
            let args: Vec<ClValue> = op.args.iter().map(|&v| l.get(v)).collect();
            let descr = op.descr;
            let result: Option<ClValue> = match opcode {
                Opcode::int_add => Some(l.b.ins().iadd(args[0], args[1])),
                Opcode::int_sub => Some(l.b.ins().isub(args[0], args[1])),
                Opcode::int_mul => Some(l.b.ins().imul(args[0], args[1])),
                Opcode::int_and => Some(l.b.ins().band(args[0], args[1])),
                Opcode::int_or => Some(l.b.ins().bor(args[0], args[1])),
                Opcode::int_xor => Some(l.b.ins().bxor(args[0], args[1])),
                Opcode::int_lshift => Some(l.b.ins().ishl(args[0], args[1])),
                Opcode::int_rshift => Some(l.b.ins().sshr(args[0], args[1])),
                Opcode::uint_rshift => Some(l.b.ins().ushr(args[0], args[1])),
                Opcode::int_neg => Some(l.b.ins().ineg(args[0])),
                Opcode::int_invert => Some(l.b.ins().bnot(args[0])),
                Opcode::int_floordiv | Opcode::int_mod => {
                    // Python's floor semantics from the truncating ones: when the
                    // remainder is non-zero and its sign differs from the divisor's,
                    // the quotient is one less and the remainder one divisor more.
                    let (a, d) = (args[0], args[1]);
                    let q = l.b.ins().sdiv(a, d);
                    let r = l.b.ins().srem(a, d);
                    let nonzero = l.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                    let signs = l.b.ins().bxor(r, d);
                    let differ = l.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                    let adjust = l.b.ins().band(nonzero, differ);
                    let adjust = l.bool_to_int(adjust);
                    Some(if opcode == Opcode::int_floordiv {
                        l.b.ins().isub(q, adjust)
                    } else {
                        let extra = l.b.ins().imul(adjust, d);
                        l.b.ins().iadd(r, extra)
                    })
                }
                Opcode::int_add_ovf | Opcode::int_sub_ovf | Opcode::int_mul_ovf => {
                    let (r, of) = match opcode {
                        Opcode::int_add_ovf => l.b.ins().sadd_overflow(args[0], args[1]),
                        Opcode::int_sub_ovf => l.b.ins().ssub_overflow(args[0], args[1]),
                        _ => l.b.ins().smul_overflow(args[0], args[1]),
                    };
                    overflow_flag = Some(of);
                    Some(r)
                }
                Opcode::int_lt
                | Opcode::int_le
                | Opcode::int_eq
                | Opcode::int_ne
                | Opcode::int_gt
                | Opcode::int_ge
                | Opcode::uint_lt
                | Opcode::uint_le
                | Opcode::uint_gt
                | Opcode::uint_ge
                | Opcode::ptr_eq
                | Opcode::ptr_ne => {
                    let cc = match opcode {
                        Opcode::int_lt => IntCC::SignedLessThan,
                        Opcode::int_le => IntCC::SignedLessThanOrEqual,
                        Opcode::int_eq | Opcode::ptr_eq => IntCC::Equal,
                        Opcode::int_ne | Opcode::ptr_ne => IntCC::NotEqual,
                        Opcode::int_gt => IntCC::SignedGreaterThan,
                        Opcode::int_ge => IntCC::SignedGreaterThanOrEqual,
                        Opcode::uint_lt => IntCC::UnsignedLessThan,
                        Opcode::uint_le => IntCC::UnsignedLessThanOrEqual,
                        Opcode::uint_gt => IntCC::UnsignedGreaterThan,
                        _ => IntCC::UnsignedGreaterThanOrEqual,
                    };
                    let flag = l.b.ins().icmp(cc, args[0], args[1]);
                    Some(l.bool_to_int(flag))
                }
                Opcode::int_is_true | Opcode::int_is_zero => {
                    let cc = if opcode == Opcode::int_is_true { IntCC::NotEqual } else { IntCC::Equal };
                    let flag = l.b.ins().icmp_imm_s(cc, args[0], 0);
                    Some(l.bool_to_int(flag))
                }
                Opcode::float_add => Some(l.b.ins().fadd(args[0], args[1])),
                Opcode::float_sub => Some(l.b.ins().fsub(args[0], args[1])),
                Opcode::float_mul => Some(l.b.ins().fmul(args[0], args[1])),
                Opcode::float_truediv => Some(l.b.ins().fdiv(args[0], args[1])),
                Opcode::float_neg => Some(l.b.ins().fneg(args[0])),
                Opcode::float_abs => Some(l.b.ins().fabs(args[0])),
                Opcode::float_sqrt => Some(l.b.ins().sqrt(args[0])),
                Opcode::float_lt
                | Opcode::float_le
                | Opcode::float_eq
                | Opcode::float_ne
                | Opcode::float_gt
                | Opcode::float_ge => {
                    let cc = match opcode {
                        Opcode::float_lt => FloatCC::LessThan,
                        Opcode::float_le => FloatCC::LessThanOrEqual,
                        Opcode::float_eq => FloatCC::Equal,
                        Opcode::float_ne => FloatCC::NotEqual,
                        Opcode::float_gt => FloatCC::GreaterThan,
                        _ => FloatCC::GreaterThanOrEqual,
                    };
                    let flag = l.b.ins().fcmp(cc, args[0], args[1]);
                    Some(l.bool_to_int(flag))
                }
                Opcode::cast_int_to_float => Some(l.b.ins().fcvt_from_sint(types::F64, args[0])),
                Opcode::cast_float_to_int => Some(l.b.ins().fcvt_to_sint_sat(types::I64, args[0])),
                Opcode::same_as_i
                | Opcode::same_as_f
                | Opcode::same_as_r
                | Opcode::cast_int_to_ptr
                | Opcode::cast_ptr_to_int => Some(args[0]),
                Opcode::convert_float_bytes_to_longlong => {
                    Some(l.b.ins().bitcast(types::I64, MemFlagsData::new(), args[0]))
                }
                Opcode::convert_longlong_bytes_to_float => {
                    Some(l.b.ins().bitcast(types::F64, MemFlagsData::new(), args[0]))
                }
                Opcode::getfield_gc_i | Opcode::getfield_gc_r | Opcode::getfield_gc_f => {
                    let field = trace.descrs.field_descr(descr.expect("verified")).clone();
                    Some(load_sized(&mut l, field.ty, field.size, args[0], field.offset))
                }
                Opcode::setfield_gc => {
                    let field = trace.descrs.field_descr(descr.expect("verified")).clone();
                    store_sized(&mut l, field.size, args[1], args[0], field.offset);
                    None
                }
                Opcode::getarrayitem_gc_i
                | Opcode::getarrayitem_gc_r
                | Opcode::getarrayitem_gc_f
                | Opcode::setarrayitem_gc => {
                    let array = trace.descrs.array_descr(descr.expect("verified")).clone();
                    let scaled = l.b.ins().imul_imm_s(args[1], array.item_size as i64);
                    let addr = l.b.ins().iadd(args[0], scaled);
                    if opcode == Opcode::setarrayitem_gc {
                        store_sized(&mut l, array.item_size, args[2], addr, array.base_offset);
                        None
                    } else {
                        Some(load_sized(&mut l, array.ty, array.item_size, addr, array.base_offset))
                    }
                }
                Opcode::arraylen_gc => {
                    let array = trace.descrs.array_descr(descr.expect("verified"));
                    Some(l.b.ins().load(types::I64, l.mem, args[0], array.length_offset))
                }
                Opcode::new | Opcode::new_with_vtable => {
                    let size = trace.descrs.size_descr(descr.expect("verified")).clone();
                    let bytes = l.b.ins().iconst(types::I64, size.size as i64);
                    let object = l.call_alloc(bytes);
                    if opcode == Opcode::new_with_vtable {
                        let vtable = l.b.ins().iconst(types::I64, size.vtable as i64);
                        l.b.ins().store(l.mem, vtable, object, trace.descrs.class_offset);
                    }
                    Some(object)
                }
                Opcode::new_array => {
                    let array = trace.descrs.array_descr(descr.expect("verified")).clone();
                    let items = l.b.ins().imul_imm_s(args[0], array.item_size as i64);
                    let bytes = l.b.ins().iadd_imm_s(items, array.base_offset as i64);
                    let object = l.call_alloc(bytes);
                    l.b.ins().store(l.mem, args[0], object, array.length_offset);
                    Some(object)
                }
                opcode if opcode.is_call() => {
                    let call = trace.descrs.call_descr(descr.expect("verified")).clone();
                    let mut sig = Signature::new(call_conv);
                    let mut call_args = Vec::new();
                    if call.effect != EffectClass::Pure {
                        sig.params.push(AbiParam::new(types::I64));
                        call_args.push(l.ctx);
                    }
                    for &ty in &call.args {
                        sig.params.push(AbiParam::new(cl_type(ty)));
                    }
                    call_args.extend(&args);
                    if call.result != Type::Void {
                        sig.returns.push(AbiParam::new(cl_type(call.result)));
                    }
                    let sig = l.b.import_signature(sig);
                    let func = l.b.ins().iconst(types::I64, call.func as i64);
                    let inst = l.b.ins().call_indirect(sig, func, &call_args);
                    l.b.inst_results(inst).first().copied()
                }
                Opcode::debug_merge_point | Opcode::escape => None,
                Opcode::jump => {
                    let target = match trace.jump_target(i) {
                        Some(label) => Some(label_blocks[&label]),
                        None => start,
                    };
                    match target {
                        Some(target) => {
                            let args: Vec<BlockArg> = args.iter().map(|&a| BlockArg::Value(a)).collect();
                            l.b.ins().jump(target, &args);
                        }
                        None => {
                            // A bridge entering another trace's loop: leave with the
                            // label's values; the dispatcher enters the loop.
                            l.store_frame(&op.args);
                            let n = l.b.ins().iconst(types::I32, plan.by_op[&i] as i64);
                            l.b.ins().return_(&[n]);
                        }
                    }
                    terminated = true;
                    None
                }
                Opcode::finish => {
                    l.store_frame(&op.args);
                    let n = l.b.ins().iconst(types::I32, plan.by_op[&i] as i64);
                    l.b.ins().return_(&[n]);
                    terminated = true;
                    None
                }
                _ if opcode.is_guard() => {
                    // `fails`: non-zero when the guard fails.
                    let fails = match opcode {
                        Opcode::guard_true => l.b.ins().icmp_imm_s(IntCC::Equal, args[0], 0),
                        Opcode::guard_false | Opcode::guard_isnull => args[0],
                        Opcode::guard_nonnull => l.b.ins().icmp_imm_s(IntCC::Equal, args[0], 0),
                        Opcode::guard_value | Opcode::guard_class => {
                            let (x, y) = if opcode == Opcode::guard_class {
                                let class = l.b.ins().load(types::I64, l.mem, args[0], trace.descrs.class_offset);
                                (class, args[1])
                            } else if trace.ty(op.args[0]) == Type::Float {
                                let x = l.b.ins().bitcast(types::I64, MemFlagsData::new(), args[0]);
                                let y = l.b.ins().bitcast(types::I64, MemFlagsData::new(), args[1]);
                                (x, y)
                            } else {
                                (args[0], args[1])
                            };
                            l.b.ins().icmp(IntCC::NotEqual, x, y)
                        }
                        Opcode::guard_no_overflow => overflow_flag.take().expect("verified: after an _ovf op"),
                        Opcode::guard_overflow => {
                            let of = overflow_flag.take().expect("verified: after an _ovf op");
                            l.b.ins().icmp_imm_s(IntCC::Equal, of, 0)
                        }
                        Opcode::guard_no_exception => {
                            l.b.ins().load(types::I64, l.mem, l.ctx, JitContext::EXCEPTION_OFFSET)
                        }
                        Opcode::guard_not_forced => l.b.ins().load(types::I64, l.mem, l.ctx, JitContext::FORCED_OFFSET),
                        Opcode::guard_not_invalidated => {
                            let word = l.b.ins().iconst(types::I64, invalidated.as_ptr() as i64);
                            l.b.ins().load(types::I64, MemFlagsData::trusted(), word, 0)
                        }
                        other => unreachable!("unhandled guard {other:?}"),
                    };
                    let exit = l.b.create_block();
                    let cont = l.b.create_block();
                    l.b.set_cold_block(exit);
                    l.b.ins().brif(fails, exit, &[], cont, &[]);
                    l.b.switch_to_block(exit);
                    let snapshot = op.snapshot.expect("verified: guards have resume data");
                    let fail_args = trace.resume.fail_args(snapshot);
                    l.store_frame(&fail_args);
                    let number = plan.by_op[&i];
                    let info = &plan.exits[(number - plan.first) as usize];
                    let slot = &bridges[info.bridge_slot.expect("guards have a bridge slot")];
                    let slot_addr = l.b.ins().iconst(types::I64, slot as *const GuardSlot as i64);
                    // Count the failure (the VM reads the count to decide when
                    // the guard deserves a bridge).
                    let failures = l.b.ins().load(types::I64, MemFlagsData::trusted(), slot_addr, GuardSlot::FAILURES);
                    let failures = l.b.ins().iadd_imm_s(failures, 1);
                    l.b.ins().store(MemFlagsData::trusted(), failures, slot_addr, GuardSlot::FAILURES);
                    let bridge = l.b.ins().load(types::I64, MemFlagsData::trusted(), slot_addr, GuardSlot::BRIDGE);
                    let call_bridge = l.b.create_block();
                    let leave = l.b.create_block();
                    l.b.set_cold_block(call_bridge);
                    l.b.set_cold_block(leave);
                    l.b.ins().brif(bridge, call_bridge, &[], leave, &[]);
                    l.b.switch_to_block(call_bridge);
                    let inst = l.b.ins().call_indirect(trace_sig, bridge, &[l.frame, l.ctx]);
                    let r = l.b.inst_results(inst)[0];
                    l.b.ins().return_(&[r]);
                    l.b.switch_to_block(leave);
                    let n = l.b.ins().iconst(types::I32, number as i64);
                    l.b.ins().return_(&[n]);
                    l.b.switch_to_block(cont);
                    None
                }
                other => return Err(CompileError(format!("no lowering for {}", other.name()))),
            };
            if let (Some(v), Some(x)) = (op.result, result) {
                l.values.insert(v, x);
            }
        }
        l.b.seal_all_blocks();
        l.b.finalize(module.isa().frontend_config());
    }
    module.define_function(func_id, &mut ctx).map_err(|e| CompileError(format!("{e:?}")))?;
    module.clear_context(&mut ctx);
    Ok(func_id)
}

fn load_sized(l: &mut Lower<'_, '_>, ty: Type, size: u8, addr: ClValue, offset: i32) -> ClValue {
    match (ty, size) {
        (Type::Float, _) => l.b.ins().load(types::F64, l.mem, addr, offset),
        (_, 1) => l.b.ins().sload8(types::I64, l.mem, addr, offset),
        (_, 2) => l.b.ins().sload16(types::I64, l.mem, addr, offset),
        (_, 4) => l.b.ins().sload32(l.mem, addr, offset),
        _ => l.b.ins().load(types::I64, l.mem, addr, offset),
    }
}

fn store_sized(l: &mut Lower<'_, '_>, size: u8, value: ClValue, addr: ClValue, offset: i32) {
    let is_float = l.b.func.dfg.value_type(value) == types::F64;
    match size {
        1 if !is_float => l.b.ins().istore8(l.mem, value, addr, offset),
        2 if !is_float => l.b.ins().istore16(l.mem, value, addr, offset),
        4 if !is_float => l.b.ins().istore32(l.mem, value, addr, offset),
        _ => l.b.ins().store(l.mem, value, addr, offset),
    };
}
