//! The assembler: one unit's control-flow graph to a `CodeObject`.
//!
//! The passes, in CPython 3.11's order (`assemble()` in `compile.c`):
//!
//! 1. Prefix: `COPY_FREE_VARS`, `MAKE_CELL` for each cell, and
//!    `RETURN_GENERATOR; POP_TOP` for generators and coroutines.
//! 2. Fast locals: parameters and locals first, then cells that are not
//!    parameters, then free variables; deref arguments (which codegen
//!    numbered cells-then-frees) become `localsplus` indices.
//! 3. CFG clean-up: small exit blocks are copied into blocks that jump to
//!    them (`extend_block`), unreachable blocks are dropped (exception
//!    handlers are reachable from their `SETUP_*`), NOPs that carry no new
//!    line go, and jumps to the next block go.
//! 4. Line numbers: instructions without a location inherit their
//!    predecessor's (`propagate_line_numbers`).
//! 5. Stack depth: a walk of the CFG with `stack_effect`; a handler starts
//!    at the depth of its `SETUP_*` plus the exception (and `lasti`).
//! 6. Exception table: a walk with a stack of handlers labels every
//!    instruction with its innermost handler (`label_exception_targets`);
//!    runs of equal labels become the table's rows, which are therefore
//!    sorted and never overlap. A row's depth is the handler's start depth
//!    less the pushed exception (and `lasti`).
//! 7. Layout: offsets (an instruction and its zeroed cache units), jump
//!    resolution (`JUMP` is `JUMP_FORWARD` or `JUMP_BACKWARD` by
//!    direction), code units and one location per unit.

use std::sync::Arc;

use krait_bytecode::{local_kind, CodeFlags, CodeObject, ExceptionTableEntry, Instruction, Location, Opcode};

use crate::codegen::{Block, Instr, Loc, Op, Unit, UnitKind};
use crate::symtable::{Scope, ScopeKind};

const MAX_COPY_SIZE: usize = 4;

pub(crate) fn assemble(unit: Unit, scope: &Scope, filename: &Arc<str>, _top_level_await: bool) -> CodeObject {
    let mut unit = unit;
    let flags = code_flags(&unit, scope);

    // Fast locals.
    let nlocals = unit.varnames.len();
    let ncells = unit.cellvars.len();
    let mut cell_slot = Vec::with_capacity(ncells);
    let mut localsplus_names: Vec<String> = unit.varnames.list.clone();
    let mut localsplus_kinds: Vec<u8> = vec![local_kind::LOCAL; nlocals];
    for cell in &unit.cellvars.list {
        match unit.varnames.get(cell) {
            Some(i) => {
                localsplus_kinds[i as usize] |= local_kind::CELL;
                cell_slot.push(i);
            }
            None => {
                cell_slot.push(localsplus_names.len() as u32);
                localsplus_names.push(cell.clone());
                localsplus_kinds.push(local_kind::CELL);
            }
        }
    }
    let free_base = localsplus_names.len() as u32;
    for free in &unit.freevars.list {
        localsplus_names.push(free.clone());
        localsplus_kinds.push(local_kind::FREE);
    }
    let deref_slot = |arg: u32| -> u32 {
        if (arg as usize) < ncells {
            cell_slot[arg as usize]
        } else {
            free_base + (arg - ncells as u32)
        }
    };
    for block in &mut unit.blocks {
        for instr in &mut block.instrs {
            if let Op::Real(op) = instr.op {
                if op.arg_kind() == krait_bytecode::ArgKind::Deref {
                    instr.arg = deref_slot(instr.arg);
                }
            }
        }
    }

    // Prefix instructions.
    let first = unit.first_line as i32;
    let prefix_loc = Loc { line: first, end_line: first, col: -1, end_col: -1 };
    let mut prefix = Vec::new();
    if !unit.freevars.list.is_empty() {
        prefix.push(instr(Opcode::COPY_FREE_VARS, unit.freevars.len() as u32, Loc::NONE));
    }
    let mut cell_slots_sorted = cell_slot.clone();
    cell_slots_sorted.sort_unstable();
    for slot in cell_slots_sorted {
        prefix.push(instr(Opcode::MAKE_CELL, slot, Loc::NONE));
    }
    let is_generator = flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0;
    if is_generator {
        prefix.push(instr(Opcode::RETURN_GENERATOR, 0, prefix_loc));
        prefix.push(instr(Opcode::POP_TOP, 0, prefix_loc));
    }
    let entry = unit.order[0];
    prefix.append(&mut unit.blocks[entry].instrs);
    unit.blocks[entry].instrs = prefix;

    let mut cfg = Cfg { blocks: std::mem::take(&mut unit.blocks), order: dedup_order(&unit.order) };
    cfg.optimize();
    cfg.duplicate_exits_without_line();
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(unit.first_line as i32);
    let (max_stack, start_depth) = cfg.stack_depth(is_generator);
    let preserve_lasti = cfg.label_exception_targets();
    cfg.remove_pseudo_ops();

    // Jump direction, hence size, follows from the layout order.
    let position: std::collections::HashMap<usize, usize> =
        cfg.order.iter().enumerate().map(|(i, &b)| (b, i)).collect();
    for (here, &b) in cfg.order.iter().enumerate() {
        for instr in &mut cfg.blocks[b].instrs {
            let Some(target) = instr.target else { continue };
            let forward = position.get(&target).is_some_and(|&p| p > here);
            instr.op = match (instr.op, forward) {
                (Op::Jump | Op::JumpNoInterrupt, true) => Op::Real(Opcode::JUMP_FORWARD),
                (Op::Jump, false) => Op::Real(Opcode::JUMP_BACKWARD),
                (Op::JumpNoInterrupt, false) => Op::Real(Opcode::JUMP_BACKWARD_NO_INTERRUPT),
                (op, _) => op,
            };
        }
    }

    // Layout.
    let mut block_offset = vec![0u32; cfg.blocks.len()];
    let mut offset = 0u32;
    for &b in &cfg.order {
        block_offset[b] = offset;
        for instr in &cfg.blocks[b].instrs {
            offset += 1 + real_op(instr).cache_units() as u32;
        }
    }
    let mut code = Vec::with_capacity(offset as usize);
    let mut locations = Vec::with_capacity(offset as usize);
    let mut table: Vec<ExceptionTableEntry> = Vec::new();
    for &b in &cfg.order {
        for instr in &cfg.blocks[b].instrs {
            let here = code.len() as u32;
            let op = real_op(instr);
            let arg = match instr.target {
                Some(target) => block_offset[target],
                None => instr.arg,
            };
            let units = 1 + op.cache_units();
            let location = to_location(instr.loc);
            code.push(Instruction::encode(op, arg.min(Instruction::MAX_ARG)));
            code.extend(std::iter::repeat_n(0, units - 1));
            locations.extend(std::iter::repeat_n(location, units));
            let end = code.len() as u32;
            if let Some(handler) = instr.handler {
                let lasti = preserve_lasti[handler];
                let depth = (start_depth[handler] - 1 - i32::from(lasti)).max(0) as u32;
                let target = block_offset[handler];
                match table.last_mut() {
                    Some(last)
                        if last.end == here
                            && last.target == target
                            && last.depth == depth
                            && last.push_lasti == lasti =>
                    {
                        last.end = end;
                    }
                    _ => table.push(ExceptionTableEntry { start: here, end, target, depth, push_lasti: lasti }),
                }
            }
        }
    }

    CodeObject {
        name: unit.name.clone(),
        qualname: unit.qualname.clone(),
        filename: filename.clone(),
        first_line: unit.first_line,
        arg_count: unit.arg_count,
        posonly_arg_count: unit.posonly_arg_count,
        kwonly_arg_count: unit.kwonly_arg_count,
        flags: CodeFlags(flags),
        code,
        locations,
        consts: std::mem::take(&mut unit.consts),
        names: std::mem::take(&mut unit.names.list),
        localsplus_names,
        localsplus_kinds,
        exception_table: table,
        max_stack: max_stack.max(0) as u32,
    }
}

fn instr(op: Opcode, arg: u32, loc: Loc) -> Instr {
    Instr { op: Op::Real(op), arg, target: None, loc, handler: None }
}

fn real_op(instr: &Instr) -> Opcode {
    match instr.op {
        Op::Real(op) => op,
        Op::Jump | Op::JumpNoInterrupt => Opcode::JUMP_FORWARD,
        _ => Opcode::NOP,
    }
}

fn to_location(loc: Loc) -> Location {
    Location {
        line: loc.line.max(0) as u32,
        end_line: loc.end_line.max(0) as u32,
        col: loc.col.max(0) as u32,
        end_col: loc.end_col.max(0) as u32,
    }
}

fn is_exit_without_line(instrs: &[Instr]) -> bool {
    instrs.last().is_some_and(|i| i.op.is_scope_exit()) && instrs.iter().all(|i| i.loc.line < 0)
}

fn dedup_order(order: &[usize]) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    order.iter().copied().filter(|b| seen.insert(*b)).collect()
}

/// CPython's `compute_code_flags`.
fn code_flags(unit: &Unit, scope: &Scope) -> u32 {
    let mut flags = 0;
    if scope.kind == ScopeKind::Function {
        flags |= CodeFlags::NEWLOCALS | CodeFlags::OPTIMIZED;
        if scope.is_nested {
            flags |= CodeFlags::NESTED;
        }
        flags |= match (scope.is_generator, scope.is_coroutine) {
            (true, false) => CodeFlags::GENERATOR,
            (false, true) => CodeFlags::COROUTINE,
            (true, true) => CodeFlags::ASYNC_GENERATOR,
            (false, false) => 0,
        };
        if unit.has_varargs {
            flags |= CodeFlags::VARARGS;
        }
        if unit.has_varkeywords {
            flags |= CodeFlags::VARKEYWORDS;
        }
    }
    if unit.kind == UnitKind::Comprehension && scope.is_coroutine && !scope.is_generator {
        flags |= CodeFlags::COROUTINE;
    }
    flags
}

struct Cfg {
    blocks: Vec<Block>,
    order: Vec<usize>,
}

impl Cfg {
    fn last(&self, b: usize) -> Option<&Instr> {
        self.blocks[b].instrs.last()
    }

    fn falls_through(&self, b: usize) -> bool {
        self.last(b).is_none_or(|i| !i.op.ends_flow())
    }

    /// The block laid out after `b`.
    fn next_of(&self, position: usize) -> Option<usize> {
        self.order.get(position + 1).copied()
    }

    fn optimize(&mut self) {
        self.drop_empty_blocks();
        for &b in &self.order.clone() {
            self.thread_jumps(b);
        }
        for position in 0..self.order.len() {
            let b = self.order[position];
            self.clean_block(b, position);
        }
        for &b in &self.order.clone() {
            self.extend_block(b);
        }
        let predecessors = self.predecessors();
        self.order.retain(|&b| predecessors[b] > 0);
        for position in 0..self.order.len() {
            let b = self.order[position];
            self.clean_block(b, position);
        }
        self.drop_empty_blocks();
        // A jump to the very next block is redundant.
        for position in 0..self.order.len() {
            let b = self.order[position];
            let next = self.next_of(position);
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && last.target == next {
                    last.op = Op::Real(Opcode::NOP);
                    last.target = None;
                }
            }
        }
        for position in 0..self.order.len() {
            let b = self.order[position];
            self.clean_block(b, position);
        }
        self.drop_empty_blocks();
    }

    /// Remove empty blocks from the layout, retargeting jumps to the next
    /// non-empty block.
    fn drop_empty_blocks(&mut self) {
        let mut forward = vec![usize::MAX; self.blocks.len()];
        let mut next_nonempty = usize::MAX;
        for &b in self.order.iter().rev() {
            if !self.blocks[b].instrs.is_empty() {
                next_nonempty = b;
            }
            forward[b] = next_nonempty;
        }
        for &b in &self.order {
            for instr in &mut self.blocks[b].instrs {
                if let Some(target) = instr.target {
                    if forward[target] != usize::MAX {
                        instr.target = Some(forward[target]);
                    }
                }
            }
        }
        self.order.retain(|&b| !self.blocks[b].instrs.is_empty());
    }

    /// Give each jump to a line-less exit block its own copy of the block,
    /// located at the jump (CPython's `duplicate_exits_without_lineno`).
    fn duplicate_exits_without_line(&mut self) {
        let mut predecessors = self.predecessors();
        let mut position = 0;
        while position < self.order.len() {
            let b = self.order[position];
            position += 1;
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let target = last.target.expect("jumps have targets");
            let jump_loc = last.loc;
            if !is_exit_without_line(&self.blocks[target].instrs) || predecessors[target] <= 1 {
                continue;
            }
            let mut copy = self.blocks[target].clone();
            copy.instrs[0].loc = jump_loc;
            self.blocks.push(copy);
            predecessors.push(1);
            let new_block = self.blocks.len() - 1;
            predecessors[target] -= 1;
            self.blocks[b].instrs.last_mut().expect("non-empty").target = Some(new_block);
            let target_position = self.order.iter().position(|&x| x == target).expect("laid out");
            self.order.insert(target_position + 1, new_block);
            if target_position + 1 < position {
                position += 1;
            }
        }
        for position in 0..self.order.len().saturating_sub(1) {
            let b = self.order[position];
            let next = self.order[position + 1];
            if self.falls_through(b) && is_exit_without_line(&self.blocks[next].instrs) {
                if let Some(loc) = self.blocks[b].instrs.last().map(|i| i.loc) {
                    self.blocks[next].instrs[0].loc = loc;
                }
            }
        }
    }

    /// Jump threading (`optimize_basic_block`): a jump to an unconditional
    /// jump goes straight to its target, when the lines agree.
    fn thread_jumps(&mut self, b: usize) {
        let Some(last) = self.blocks[b].instrs.last() else {
            return;
        };
        if !last.op.is_jump() {
            return;
        }
        let mut guard = 0;
        loop {
            guard += 1;
            let last = self.blocks[b].instrs.last().expect("non-empty").clone();
            let Some(target_block) = last.target else {
                return;
            };
            let Some(target) = self.blocks[target_block].instrs.first().cloned() else {
                return;
            };
            let threads = match (last.op, target.op) {
                (Op::Real(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE), Op::Jump) => Some(last.op),
                (Op::Real(Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE), Op::Jump) => Some(last.op),
                (Op::Jump, Op::Jump) => Some(Op::Jump),
                (Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), Op::Real(Opcode::POP_JUMP_IF_FALSE)) => {
                    Some(Op::Real(Opcode::POP_JUMP_IF_FALSE))
                }
                (Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), Op::Jump | Op::Real(Opcode::JUMP_IF_FALSE_OR_POP)) => {
                    Some(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP))
                }
                (Op::Real(Opcode::JUMP_IF_TRUE_OR_POP), Op::Real(Opcode::POP_JUMP_IF_TRUE)) => {
                    Some(Op::Real(Opcode::POP_JUMP_IF_TRUE))
                }
                (Op::Real(Opcode::JUMP_IF_TRUE_OR_POP), Op::Jump | Op::Real(Opcode::JUMP_IF_TRUE_OR_POP)) => {
                    Some(Op::Real(Opcode::JUMP_IF_TRUE_OR_POP))
                }
                _ => None,
            };
            let Some(new_op) = threads else { return };
            let lines_agree = last.loc.line == target.loc.line;
            if !lines_agree || target.target == last.target || guard > 100 {
                return;
            }
            let instr = self.blocks[b].instrs.last_mut().expect("non-empty");
            instr.op = new_op;
            instr.target = target.target;
        }
    }

    /// Copy a small exit block into a block that jumps to it.
    fn extend_block(&mut self, b: usize) {
        let Some(last) = self.last(b) else { return };
        if !matches!(last.op, Op::Jump | Op::JumpNoInterrupt) {
            return;
        }
        let target = last.target.expect("jumps have targets");
        let target_instrs = &self.blocks[target].instrs;
        // Only blocks without a line (the implicit `return None`) are copied.
        if !is_exit_without_line(target_instrs) || target_instrs.len() > MAX_COPY_SIZE {
            return;
        }
        let copy = target_instrs.clone();
        let block = &mut self.blocks[b].instrs;
        let jump_loc = block.last().map(|i| i.loc);
        block.pop();
        let mut copy = copy;
        if let (Some(first), Some(loc)) = (copy.first_mut(), jump_loc) {
            if first.loc.line < 0 {
                first.loc = loc;
            }
        }
        block.extend(copy);
    }

    /// The number of predecessors of each block; zero for unreachable ones.
    fn predecessors(&self) -> Vec<u32> {
        let mut count = vec![0u32; self.blocks.len()];
        let position: std::collections::HashMap<usize, usize> =
            self.order.iter().enumerate().map(|(i, &b)| (b, i)).collect();
        let Some(&entry) = self.order.first() else {
            return count;
        };
        count[entry] = 1;
        let mut stack = vec![entry];
        while let Some(b) = stack.pop() {
            let mut successors = Vec::new();
            if self.falls_through(b) {
                if let Some(next) = position.get(&b).and_then(|&p| self.next_of(p)) {
                    successors.push(next);
                }
            }
            for instr in &self.blocks[b].instrs {
                if instr.op.is_jump() || instr.op.is_block_push() {
                    successors.push(instr.target.expect("jumps have targets"));
                }
            }
            for s in successors {
                if count[s] == 0 {
                    stack.push(s);
                }
                count[s] += 1;
            }
        }
        count
    }

    /// CPython's `clean_basic_block`: drop NOPs that do not carry a line.
    fn clean_block(&mut self, b: usize, position: usize) {
        let next_line = {
            let mut p = position + 1;
            let mut line = None;
            while let Some(&n) = self.order.get(p) {
                if let Some(first) = self.blocks[n].instrs.first() {
                    line = Some(first.loc.line);
                    break;
                }
                p += 1;
            }
            line
        };
        let instrs = &mut self.blocks[b].instrs;
        let mut out: Vec<Instr> = Vec::with_capacity(instrs.len());
        let mut prev_line = -1;
        let len = instrs.len();
        for i in 0..len {
            let line = instrs[i].loc.line;
            if instrs[i].op == Op::Real(Opcode::NOP) {
                if line < 0 || prev_line == line {
                    continue;
                }
                if i + 1 < len {
                    let next = instrs[i + 1].loc.line;
                    if next < 0 || next == line {
                        instrs[i + 1].loc = instrs[i].loc;
                        continue;
                    }
                } else if next_line == Some(line) {
                    continue;
                }
            }
            out.push(instrs[i].clone());
            prev_line = line;
        }
        *instrs = out;
    }

    fn propagate_line_numbers(&mut self) {
        let predecessors = self.predecessors();
        for position in 0..self.order.len() {
            let b = self.order[position];
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for instr in &mut self.blocks[b].instrs {
                if instr.loc.line < 0 {
                    instr.loc = prev;
                } else {
                    prev = instr.loc;
                }
            }
            if self.falls_through(b) {
                if let Some(next) = self.next_of(position) {
                    if predecessors[next] == 1 {
                        if let Some(first) = self.blocks[next].instrs.first_mut() {
                            if first.loc.line < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            let last = self.blocks[b].instrs.last().expect("non-empty");
            if last.op.is_jump() {
                let target = last.target.expect("jumps have targets");
                if predecessors[target] == 1 {
                    if let Some(first) = self.blocks[target].instrs.first_mut() {
                        if first.loc.line < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
    }

    fn guarantee_lineno_for_exits(&mut self, first_line: i32) {
        let mut line = first_line;
        for &b in &self.order {
            let instrs = &mut self.blocks[b].instrs;
            let Some(last) = instrs.last() else { continue };
            if last.loc.line < 0 {
                if last.op == Op::Real(Opcode::RETURN_VALUE) {
                    for instr in instrs.iter_mut() {
                        instr.loc = Loc { line, end_line: line, col: -1, end_col: -1 };
                    }
                }
            } else {
                line = last.loc.line;
            }
        }
    }

    /// The maximum stack depth and each block's depth on entry.
    fn stack_depth(&self, is_generator: bool) -> (i32, Vec<i32>) {
        let mut start = vec![i32::MIN; self.blocks.len()];
        let position: std::collections::HashMap<usize, usize> =
            self.order.iter().enumerate().map(|(i, &b)| (b, i)).collect();
        let mut max = 0;
        let Some(&entry) = self.order.first() else {
            return (0, start);
        };
        let mut stack = Vec::new();
        let push = |stack: &mut Vec<usize>, start: &mut Vec<i32>, b: usize, depth: i32| {
            if start[b] < depth && start[b] == i32::MIN {
                start[b] = depth;
                stack.push(b);
            }
        };
        push(&mut stack, &mut start, entry, i32::from(is_generator));
        while let Some(b) = stack.pop() {
            let mut depth = start[b];
            let mut falls = true;
            for instr in &self.blocks[b].instrs {
                let effect = instr.op.stack_effect(instr.arg, false);
                let new_depth = depth + effect;
                max = max.max(new_depth);
                if instr.op.is_jump() || instr.op.is_block_push() {
                    let target_depth = depth + instr.op.stack_effect(instr.arg, true);
                    max = max.max(target_depth);
                    push(&mut stack, &mut start, instr.target.expect("jumps have targets"), target_depth);
                }
                depth = new_depth;
                if instr.op.ends_flow() {
                    falls = false;
                    break;
                }
            }
            if falls {
                if let Some(next) = position.get(&b).and_then(|&p| self.next_of(p)) {
                    push(&mut stack, &mut start, next, depth);
                }
            }
        }
        (max, start)
    }

    /// Label each instruction with its innermost handler; return which
    /// handler blocks push `lasti`.
    fn label_exception_targets(&mut self) -> Vec<bool> {
        let mut preserve_lasti = vec![false; self.blocks.len()];
        let position: std::collections::HashMap<usize, usize> =
            self.order.iter().enumerate().map(|(i, &b)| (b, i)).collect();
        let mut stacks: Vec<Option<Vec<usize>>> = vec![None; self.blocks.len()];
        let mut visited = vec![false; self.blocks.len()];
        let Some(&entry) = self.order.first() else {
            return preserve_lasti;
        };
        let mut todo = vec![entry];
        visited[entry] = true;
        stacks[entry] = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut handlers = stacks[b].take().unwrap_or_default();
            let count = self.blocks[b].instrs.len();
            for i in 0..count {
                let (op, target) = {
                    let instr = &self.blocks[b].instrs[i];
                    (instr.op, instr.target)
                };
                if op.is_block_push() {
                    let target = target.expect("setups have targets");
                    if !visited[target] {
                        visited[target] = true;
                        stacks[target] = Some(handlers.clone());
                        todo.push(target);
                    }
                    if matches!(op, Op::SetupCleanup | Op::SetupWith) {
                        preserve_lasti[target] = true;
                    }
                    handlers.push(target);
                } else if op == Op::PopBlock {
                    handlers.pop();
                } else {
                    self.blocks[b].instrs[i].handler = handlers.last().copied();
                    if op.is_jump() {
                        let target = target.expect("jumps have targets");
                        if !visited[target] {
                            visited[target] = true;
                            stacks[target] = Some(handlers.clone());
                            todo.push(target);
                        }
                    }
                }
            }
            if self.falls_through(b) {
                if let Some(next) = position.get(&b).and_then(|&p| self.next_of(p)) {
                    if !visited[next] {
                        visited[next] = true;
                        stacks[next] = Some(handlers);
                        todo.push(next);
                    }
                }
            }
        }
        preserve_lasti
    }

    /// SETUP_* and POP_BLOCK become NOPs, then go with the other NOPs.
    fn remove_pseudo_ops(&mut self) {
        for block in &mut self.blocks {
            for instr in &mut block.instrs {
                if instr.op.is_block_push() || instr.op == Op::PopBlock {
                    instr.op = Op::Real(Opcode::NOP);
                    instr.target = None;
                }
            }
        }
        for position in 0..self.order.len() {
            let b = self.order[position];
            self.clean_block(b, position);
        }
    }
}
