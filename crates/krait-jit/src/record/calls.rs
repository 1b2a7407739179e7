//! Recording calls: Python functions inlined, the builtins the recorder
//! knows, and the yield of a generator driven by a consumer (see the
//! module documentation of [`super`]).

use krait_bytecode::Opcode as Bc;
use krait_vm::interp::specialize;
use krait_vm::object::Gc;
use krait_vm::types::descriptor::{PyBuiltinFunction, PyMethodDescriptor};
use krait_vm::types::function::PyFunction;
use krait_vm::types::range::small_range_length;
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::PyTuple;
use krait_vm::types::typeobject::PyType;
use krait_vm::value::Value as PyValue;

use super::{abort, Concrete, FrameState, Kind, Recorder, Step, Tracked, MAX_INLINE_DEPTH};
use crate::assumptions::Assumption;
use crate::helpers::{exact_len, exact_str};
use crate::ir::{Const, Opcode};

impl Recorder<'_> {
    /// `CALL_BUILTIN` of the builtins the recorder knows (see the module
    /// documentation of [`super`]; any other aborts, and `divmod` only
    /// when its tuple is unpacked at once). None of them runs Python code.
    /// The callable is guarded to be the one recorded. Returns the next
    /// instruction.
    pub(super) fn record_call_builtin(&mut self, at: usize, n: usize) -> Step<usize> {
        let next = at + 1 + Bc::CALL.cache_units();
        let (method, callable) = (self.peek(n + 2)?, self.peek(n + 1)?);
        let (Concrete::Ref(method_value), Concrete::Ref(function)) = (method.concrete, callable.concrete) else {
            return abort("CALL_BUILTIN of a number");
        };
        let (target, function_slot) =
            if method_value.is_null() { (function, callable) } else { (method_value, method) };
        let builtin = target.downcast::<PyBuiltinFunction>().map(|f| {
            let module = f.module.downcast::<PyStr>();
            (f.def.name, module.map_or(String::new(), |m| m.as_str().to_string()))
        });
        let method_of = |class: Gc<PyType>| {
            target.downcast::<PyMethodDescriptor>().filter(|m| m.owner.value().is(class.value())).map(|m| m.def.name)
        };
        let (list_method, dict_method) = (method_of(self.vm.types.list), method_of(self.vm.types.dict));
        let str_method = method_of(self.vm.types.str);
        let builtin_name = builtin.as_ref().map(|(name, module)| (*name, module.as_str()));
        if builtin_name == Some(("divmod", "builtins")) && method_value.is_null() && n == 2 {
            let unpacked = next < self.frame.code.instructions.len()
                && matches!(self.unit(next)?, (Bc::UNPACK_SEQUENCE | Bc::UNPACK_SEQUENCE_TUPLE, 2));
            if !unpacked {
                return abort("divmod whose tuple is kept");
            }
            self.guard_builtin(function_slot.value, target, at);
            self.record_divmod_unpacked(at)?;
            return Ok(next + 1 + Bc::UNPACK_SEQUENCE.cache_units());
        }
        let record: fn(&mut Self, usize) -> Step<Tracked> = match (builtin_name, list_method, n) {
            (Some(("sqrt", "math")), None, 1) if method_value.is_null() => Recorder::record_sqrt,
            (Some(("len", "builtins")), None, 1) if method_value.is_null() => Recorder::record_len,
            (Some(("abs", "builtins")), None, 1) if method_value.is_null() => Recorder::record_abs,
            (Some(("min", "builtins")), None, 2) if method_value.is_null() => Recorder::record_min,
            (Some(("max", "builtins")), None, 2) if method_value.is_null() => Recorder::record_max,
            (Some(("isinstance", "builtins")), None, 2) if method_value.is_null() => Recorder::record_isinstance,
            (None, Some("append"), 1) if !method_value.is_null() => Recorder::record_list_append,
            (None, Some("pop"), 0) if !method_value.is_null() => Recorder::record_list_pop,
            _ if dict_method == Some("get") && !method_value.is_null() && n == 1 => Recorder::record_dict_get1,
            _ if dict_method == Some("get") && !method_value.is_null() && n == 2 => Recorder::record_dict_get2,
            _ if str_method == Some("startswith") && !method_value.is_null() && n == 1 => Recorder::record_startswith,
            _ if str_method == Some("endswith") && !method_value.is_null() && n == 1 => Recorder::record_endswith,
            _ => {
                let name = match (&builtin, target.downcast::<PyMethodDescriptor>()) {
                    (Some((name, _)), _) => name.to_string(),
                    (None, Some(m)) => format!("{}.{}", m.owner.name(), m.def.name),
                    (None, None) => "an unknown builtin".to_string(),
                };
                return abort(format!("CALL_BUILTIN of {name}, which the recorder does not know"));
            }
        };
        self.guard_builtin(function_slot.value, target, at);
        let result = record(self, at)?;
        self.frame.stack.truncate(self.frame.stack.len() - (n + 2));
        self.frame.stack.push(result);
        if let Concrete::Ref(v) = result.concrete {
            if Kind::of(self.vm, v) != Kind::Ref {
                // A number the call returned boxed (having changed
                // something: its kind guard resumes after the call).
                let unboxed = self.item(result.value, Concrete::of(self.vm, v), next);
                *self.frame.stack.last_mut().expect("the result") = unboxed;
            }
        }
        Ok(next)
    }

    /// Guard, before anything the call does, that the callable in `slot`
    /// is the builtin `target` recorded.
    fn guard_builtin(&mut self, slot: crate::ir::Value, target: PyValue, at: usize) {
        let expected = self.trace.constant(Const::Ptr(target.to_bits()));
        self.guard(Opcode::guard_value, &[slot, expected], at);
        self.constants.push(target);
    }

    /// `CALL_PY_EXACT_ARGS` (or a generic `CALL` of a Python function):
    /// the call is inlined, the callee's frame recorded from its first
    /// instruction on (the caller is pushed on `callers`). The function is
    /// guarded to be the one recorded, and its version is an assumption.
    pub(super) fn record_call_py(&mut self, at: usize, n: usize) -> Step<()> {
        if self.callers.len() >= MAX_INLINE_DEPTH {
            return abort("calls nested too deep to inline");
        }
        let (method, callable) = (self.peek(n + 2)?, self.peek(n + 1)?);
        let (Concrete::Ref(m), Concrete::Ref(c)) = (method.concrete, callable.concrete) else {
            return abort("CALL of a number");
        };
        let (slot, target, argc) = if m.is_null() { (callable, c, n) } else { (method, m, n + 1) };
        // (A bound method object, which the interpreter unpacks, is not.)
        let Some(func) = target.downcast::<PyFunction>() else {
            return abort("CALL of an object that is not a function");
        };
        if !specialize::binds_positionally(func, argc) {
            return abort("CALL of a function that binds its arguments otherwise");
        }
        let expected = self.trace.constant(Const::Ptr(target.to_bits()));
        self.guard(Opcode::guard_value, &[slot.value, expected], at);
        self.constants.push(target);
        self.assume(Assumption::FunctionVersion { function: func, version: func.version.get() });
        let code = func.code();
        let mut locals = self.frame.stack[self.frame.stack.len() - argc..].to_vec();
        let missing = (code.code.arg_count as usize).saturating_sub(argc);
        if missing > 0 {
            let defaults = func.defaults.get().downcast::<PyTuple>().expect("binds_positionally saw the defaults");
            for &d in &defaults.as_slice()[defaults.len() - missing..] {
                let t = self.constant(d);
                locals.push(t);
            }
        }
        let null = Tracked { value: self.trace.constant(Const::Ptr(0)), concrete: Concrete::Ref(PyValue::NULL) };
        locals.resize(code.nlocalsplus(), null);
        let callee = FrameState {
            code,
            func: target,
            locals,
            stack: Vec::new(),
            globals: func.globals,
            builtins: func.builtins,
        };
        let caller = std::mem::replace(&mut self.frame, callee);
        self.callers.push((caller, at));
        Ok(())
    }

    /// Whether the `CALL` of `n` arguments calls `range` itself.
    pub(super) fn calls_range(&mut self, n: usize) -> Step<bool> {
        let (method, callable) = (self.peek(n + 2)?, self.peek(n + 1)?);
        let range = self.vm.types.range.value();
        Ok(
            matches!((method.concrete, callable.concrete), (Concrete::Ref(m), Concrete::Ref(c)) if m.is_null() && c.is(range)),
        )
    }

    /// `range(...)` of small ints iterated at once (`for i in range(n)` in
    /// an inlined call or a bridge): the `CALL` and the `GET_ITER` after it
    /// make the iterator in one helper call, and no range object. Returns
    /// the instruction after the `GET_ITER`.
    pub(super) fn record_range_iter(&mut self, at: usize, n: usize) -> Step<usize> {
        let get_iter = at + 1 + Bc::CALL.cache_units();
        if !(1..=3).contains(&n) || self.unit(get_iter)?.0 != Bc::GET_ITER {
            return abort("range(...) that is not iterated at once");
        }
        let args = &self.frame.stack[self.frame.stack.len() - n..];
        let mut bounds = Vec::with_capacity(n);
        for t in args {
            let Concrete::Int(i) = t.concrete else { return abort("range(...) of other than small ints") };
            bounds.push((t.value, i));
        }
        let (zero, one) = ((self.trace.const_int(0), 0), (self.trace.const_int(2), 1));
        let (start, stop, step) = match bounds[..] {
            [stop] => (zero, stop, one),
            [start, stop] => (start, stop, one),
            [start, stop, step] => (start, stop, step),
            _ => unreachable!("1 to 3 arguments"),
        };
        if step.1 == 0 {
            return abort("range(...) with a zero step");
        }
        let callable = self.peek(n + 1)?;
        let range = self.vm.types.range.value();
        let expected = self.trace.constant(Const::Ptr(range.to_bits()));
        self.guard(Opcode::guard_value, &[callable.value, expected], at);
        let word = self.trace.push(Opcode::call_r, &[start.0, stop.0, step.0], Some(self.descrs.range_iterator));
        let word = word.expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        let remaining = small_range_length(start.1, stop.1, step.1) as u64;
        let concrete = Concrete::RangeIter { next: start.1, step: step.1, remaining };
        self.frame.stack.truncate(self.frame.stack.len() - n - 2);
        self.frame.stack.push(Tracked { value: word, concrete });
        Ok(get_iter + 1 + Bc::GET_ITER.cache_units())
    }

    /// `COPY_FREE_VARS` at the start of an inlined closure: its cells, from
    /// the function (a constant of the trace), are constants.
    pub(super) fn record_copy_free_vars(&mut self, n: usize) -> Step<()> {
        let closure = self.frame.func.downcast::<PyFunction>().and_then(|f| f.closure.get().downcast::<PyTuple>());
        let Some(closure) = closure.filter(|c| c.len() == n && n <= self.frame.locals.len()) else {
            return abort("COPY_FREE_VARS outside an inlined closure");
        };
        let first = self.frame.locals.len() - n;
        for (i, &cell) in closure.as_slice().iter().enumerate() {
            self.frame.locals[first + i] = self.constant(cell);
        }
        Ok(())
    }

    /// `YIELD_VALUE` in the entry frame of a generator driven by a consumer
    /// (`Options::yields`): the value is handed to the consumer, and the
    /// yield evaluates to None. The guard on the helper's result resumes
    /// after the yield (at `next`) with the value on the stack; the driver
    /// then either replaces it with None (the consumer took it but ran
    /// Python code) or has the interpreter suspend the generator with it
    /// (the consumer refused it).
    pub(super) fn record_yield(&mut self, at: usize, next: usize) -> Step<()> {
        if !self.options.yields || !self.callers.is_empty() {
            return abort("YIELD_VALUE outside a generator driven by a consumer");
        }
        let t = self.peek(1)?;
        if let Concrete::Iter { .. } | Concrete::RangeIter { .. } = t.concrete {
            return abort("YIELD_VALUE of an iterator the trace made");
        }
        let word = self.boxed(t, at);
        self.pop()?;
        let taken = self.trace.push(Opcode::call_i, &[word], Some(self.descrs.yield_value));
        self.frame.stack.push(Tracked { value: word, concrete: t.concrete });
        self.guard(Opcode::guard_true, &[taken.expect("call_i has a result")], next);
        self.pop()?;
        let none = self.vm.none();
        let t = self.constant(none);
        self.frame.stack.push(t);
        self.yielded = true;
        Ok(())
    }

    /// `math.sqrt(x)` for `x` (the top of the stack) not negative.
    pub(super) fn record_sqrt(&mut self, at: usize) -> Step<Tracked> {
        let Some((x, a)) = self.as_float(self.peek(1)?) else { return abort("math.sqrt of an object") };
        if a.is_nan() || a < 0.0 {
            return abort("math.sqrt of a negative number or a NaN");
        }
        let zero = self.trace.constant(Const::Float(0.0));
        let not_negative = self.op(Opcode::float_ge, &[x, zero]);
        self.guard(Opcode::guard_true, &[not_negative], at);
        let root = self.op(Opcode::float_sqrt, &[x]);
        Ok(Tracked { value: root, concrete: Concrete::Float(a.sqrt()) })
    }

    /// `abs(x)` of a number.
    pub(super) fn record_abs(&mut self, at: usize) -> Step<Tracked> {
        let t = self.peek(1)?;
        match t.concrete {
            Concrete::Int(i) => {
                // The doubled value's absolute value is the doubled result;
                // only the most negative small int overflows.
                let Some(r) = i.checked_abs().filter(|&r| PyValue::small_int(r).is_some()) else {
                    return abort("abs leaves the small ints");
                };
                let zero = self.trace.const_int(0);
                let negative = self.op(Opcode::int_lt, &[t.value, zero]);
                self.branch(negative, i < 0, at);
                if i >= 0 {
                    return Ok(t);
                }
                let value = self.op(Opcode::int_sub_ovf, &[zero, t.value]);
                self.guard(Opcode::guard_no_overflow, &[], at);
                Ok(Tracked { value, concrete: Concrete::Int(r) })
            }
            Concrete::Float(f) => {
                Ok(Tracked { value: self.op(Opcode::float_abs, &[t.value]), concrete: Concrete::Float(f.abs()) })
            }
            _ => abort("abs of an object"),
        }
    }

    /// `min(a, b)` of two numbers of one kind.
    pub(super) fn record_min(&mut self, at: usize) -> Step<Tracked> {
        self.record_min_max(at, false)
    }

    /// `max(a, b)` of two numbers of one kind.
    pub(super) fn record_max(&mut self, at: usize) -> Step<Tracked> {
        self.record_min_max(at, true)
    }

    /// `min` or `max` of the two numbers on top of the stack: the operand
    /// the recorded comparison chose, under a guard that it goes the same
    /// way (as `min` and `max` do, the first of two equal ones).
    pub(super) fn record_min_max(&mut self, at: usize, max: bool) -> Step<Tracked> {
        let (a, b) = (self.peek(2)?, self.peek(1)?);
        // `max` keeps `a` unless `b > a`; `min` unless `b < a`.
        let (opcode, takes_b) = match (a.concrete, b.concrete) {
            (Concrete::Int(x), Concrete::Int(y)) => {
                (if max { Opcode::int_gt } else { Opcode::int_lt }, if max { y > x } else { y < x })
            }
            (Concrete::Float(x), Concrete::Float(y)) if !x.is_nan() && !y.is_nan() => {
                (if max { Opcode::float_gt } else { Opcode::float_lt }, if max { y > x } else { y < x })
            }
            _ => return abort("min or max of other than two numbers of one kind"),
        };
        let cond = self.op(opcode, &[b.value, a.value]);
        self.branch(cond, takes_b, at);
        Ok(if takes_b { b } else { a })
    }

    /// `isinstance(x, cls)` for `cls` a class whose metaclass is `type`:
    /// a constant under a guard on `x`'s class, whose version (its MRO)
    /// becomes an assumption. False only when no class on that MRO but
    /// `object` defines `__class__` (which `isinstance` would consult).
    pub(super) fn record_isinstance(&mut self, at: usize) -> Step<Tracked> {
        let (obj, cls) = (self.peek(2)?, self.peek(1)?);
        let Concrete::Ref(c) = cls.concrete else { return abort("isinstance of a number as the class") };
        let Some(ty) = c.downcast::<PyType>().filter(|_| self.vm.class_of(c) == self.vm.types.type_) else {
            return abort("isinstance with other than a class whose metaclass is type");
        };
        let class = match obj.concrete {
            Concrete::Int(_) => self.vm.types.int,
            Concrete::Float(_) => self.vm.types.float,
            Concrete::Ref(v) if !v.is_null() => self.vm.class_of(v),
            _ => return abort("isinstance of an iterator the trace made"),
        };
        let result = krait_vm::types::typeobject::is_subtype(class, ty);
        let version = class.current_version();
        if version == 0 {
            return abort("isinstance of an object whose class has no version");
        }
        if !result && self.class_defines(class, &[self.vm.names.class]) {
            return abort("isinstance of an object whose class defines __class__");
        }
        if self.trace.const_of(cls.value).is_none() {
            let expected = self.trace.constant(Const::Ptr(c.to_bits()));
            self.guard(Opcode::guard_value, &[cls.value, expected], at);
            self.constants.push(c);
        }
        if let Concrete::Ref(_) = obj.concrete {
            self.guard_class(obj.value, class, at);
        }
        self.assume(Assumption::ClassVersion { class, version });
        Ok(self.constant(self.vm.bool_value(result)))
    }

    /// Whether a class on `class`'s MRO other than `object` defines one of
    /// `names`.
    pub(super) fn class_defines(&self, class: Gc<PyType>, names: &[Gc<PyStr>]) -> bool {
        let object = self.vm.types.object;
        let mro = class.mro_tuple();
        let mut classes = mro.as_slice().iter().filter_map(|c| c.downcast::<PyType>());
        classes.any(|c| c != object && names.iter().any(|&n| c.dict().get_str(n).is_some()))
    }

    /// `len(x)` for `x` (the top of the stack) an exact list, tuple or str.
    pub(super) fn record_len(&mut self, at: usize) -> Step<Tracked> {
        let t = self.peek(1)?;
        if let Concrete::Tuple(made) = t.concrete {
            // A tuple the trace made has the length it was made with.
            let len = self.made_tuples[made].len() as i64;
            return Ok(Tracked { value: self.trace.const_int(len << 1), concrete: Concrete::Int(len) });
        }
        let Concrete::Ref(v) = t.concrete else { return abort("len of a number or an iterator the trace made") };
        let Some(len) = exact_len(self.vm, v).and_then(|n| i64::try_from(n).ok()) else {
            return abort("len of an object that is not an exact list, tuple or str");
        };
        let word = self.trace.push(Opcode::call_r, &[t.value], Some(self.descrs.sequence_len));
        let word = word.expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        Ok(self.item(word, Concrete::Int(len), at))
    }

    /// `list.append(x)` on an exact list (below `x` on the stack): `None`.
    pub(super) fn record_list_append(&mut self, at: usize) -> Step<Tracked> {
        let (list, value) = (self.peek(2)?, self.peek(1)?);
        let Concrete::Ref(l) = list.concrete else { return abort("list.append on a number") };
        if !self.vm.is_exact(l, self.vm.types.list) {
            return abort("list.append on another object");
        }
        self.append(list, value, at);
        let none = self.vm.none();
        Ok(Tracked { value: self.trace.constant(Const::Ptr(none.to_bits())), concrete: Concrete::Ref(none) })
    }

    /// `list.pop()` on an exact list (the top of the stack) that is not
    /// empty: its last item. (The recorder does not change the list: a
    /// later read of it in the iteration sees the item still there, which
    /// at worst records a path whose guards fail.)
    pub(super) fn record_list_pop(&mut self, at: usize) -> Step<Tracked> {
        let list = self.peek(1)?;
        let Concrete::Ref(l) = list.concrete else { return abort("list.pop on a number") };
        if !self.vm.is_exact(l, self.vm.types.list) {
            return abort("list.pop on another object");
        }
        let Some(last) =
            l.downcast::<krait_vm::types::list::PyList>().and_then(|l| l.len().checked_sub(1).and_then(|i| l.get(i)))
        else {
            return abort("list.pop on an empty list");
        };
        let word = self.trace.push(Opcode::call_r, &[list.value], Some(self.descrs.list_pop));
        let word = word.expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        // (Boxed: `record_call_builtin` unboxes a number after the call.)
        Ok(Tracked { value: word, concrete: Concrete::Ref(last) })
    }

    /// `s.startswith(prefix)` of exact strs.
    pub(super) fn record_startswith(&mut self, at: usize) -> Step<Tracked> {
        self.record_str_affix(at, false)
    }

    /// `s.endswith(suffix)` of exact strs.
    pub(super) fn record_endswith(&mut self, at: usize) -> Step<Tracked> {
        self.record_str_affix(at, true)
    }

    /// `startswith` or `endswith` (`at_end`) of the exact strs on top of
    /// the stack: the bool as recorded, under a guard on the helper's
    /// answer.
    fn record_str_affix(&mut self, at: usize, at_end: bool) -> Step<Tracked> {
        let (s, affix) = (self.peek(2)?, self.peek(1)?);
        let (Concrete::Ref(sv), Concrete::Ref(av)) = (s.concrete, affix.concrete) else {
            return abort("startswith or endswith of a number");
        };
        let (Some(string), Some(affix_str)) = (exact_str(self.vm, sv), exact_str(self.vm, av)) else {
            return abort("startswith or endswith of other than exact strs");
        };
        let (string, affix_str) = (string.as_str(), affix_str.as_str());
        let result = if at_end { string.ends_with(affix_str) } else { string.starts_with(affix_str) };
        let end = self.trace.const_int(i64::from(at_end));
        let r = self.trace.push(Opcode::call_i, &[s.value, affix.value, end], Some(self.descrs.str_affix));
        let expected = self.trace.const_int(i64::from(result));
        self.guard(Opcode::guard_value, &[r.expect("call_i has a result"), expected], at);
        Ok(self.constant(self.vm.bool_value(result)))
    }

    /// `dict.get(key)` on an exact dict, for an exact str or small int key.
    pub(super) fn record_dict_get1(&mut self, at: usize) -> Step<Tracked> {
        let none = self.constant(self.vm.none());
        self.record_dict_get(at, 2, none)
    }

    /// `dict.get(key, default)`, likewise.
    pub(super) fn record_dict_get2(&mut self, at: usize) -> Step<Tracked> {
        let default = self.peek(1)?;
        self.record_dict_get(at, 3, default)
    }

    /// `dict.get` with the dict `depth` slots down the stack and the key
    /// above it.
    fn record_dict_get(&mut self, at: usize, depth: usize, default: Tracked) -> Step<Tracked> {
        let (dict, key) = (self.peek(depth)?, self.peek(depth - 1)?);
        let Some(found) = self.dict_lookup(dict, key) else {
            return abort("dict.get other than of an exact str or small int key in an exact dict");
        };
        let concrete = found.unwrap_or(default.concrete);
        if let Concrete::Iter { .. } | Concrete::RangeIter { .. } = default.concrete {
            return abort("dict.get with an iterator the trace made as the default");
        }
        let boxed_key = self.boxed(key, at);
        let boxed_default = self.boxed(default, at);
        let word = self.trace.push(Opcode::call_r, &[dict.value, boxed_key, boxed_default], Some(self.descrs.dict_get));
        let word = word.expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        Ok(self.item(word, concrete, at))
    }

    /// Append `value` to the exact list `list`, guarded at `at`.
    pub(super) fn append(&mut self, list: Tracked, value: Tracked, at: usize) {
        let word = self.boxed(value, at);
        let done = self.trace.push(Opcode::call_i, &[list.value, word], Some(self.descrs.list_append));
        self.guard(Opcode::guard_true, &[done.expect("call_i has a result")], at);
    }
}
