//! Running a program as `__main__`, and what CPython does when an
//! exception escapes it: `SystemExit` becomes the exit status; anything else
//! is printed as CPython 3.11 prints it (`Py_Main` → `PyErr_Print` →
//! `traceback.print_exception`), chained exceptions and source lines
//! included, and the status is 1.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::error::PyErr;
use crate::protocol::{attr, object};
use crate::types::exception::PyBaseException;
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::traceback::PyTraceback;
use crate::value::Value;
use crate::vm::Vm;

/// Compile and run `source` as the `__main__` module; the process exit status.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str, file_attr: Option<&str>) -> u8 {
    let module = PyModule::new(vm, "__main__");
    let builtins = vm.builtins_module;
    module.set_attr(vm, "__builtins__", builtins);
    if let Some(file) = file_attr {
        let file_value = vm.new_str(file);
        module.set_attr(vm, "__file__", file_value);
    }
    let key = vm.intern("__main__");
    let modules = vm.modules;
    let _ = modules.set_item(vm, key, module.value());
    let result = crate::compile::compile_source(vm, source, filename, krait_compiler::Mode::Exec)
        .and_then(|code| crate::interp::exec_code(vm, code, module.dict(), Value::NULL));
    let status = match result {
        Ok(_) => 0,
        Err(err) => handle_uncaught(vm, err),
    };
    finish(vm, status)
}

/// Finalize what is left and flush the standard streams at exit; a failure
/// there is status 120 as in CPython.
pub fn finish(vm: &mut Vm, status: u8) -> u8 {
    vm.finalize_at_exit();
    match crate::stdio::flush_std_streams(vm) {
        Ok(()) => status,
        Err(_) => {
            if status == 0 {
                120
            } else {
                status
            }
        }
    }
}

/// The exit status for an exception that reached the top level, printing
/// it unless it is `SystemExit`.
pub fn handle_uncaught(vm: &mut Vm, err: PyErr) -> u8 {
    let exc = err.exception();
    if vm.is_instance(exc, vm.exceptions.system_exit) {
        return system_exit_status(vm, exc);
    }
    let _ = crate::stdio::flush_std_streams(vm);
    let text = format_exception(vm, exc);
    eprint!("{text}");
    1
}

fn system_exit_status(vm: &mut Vm, exc: Value) -> u8 {
    let code = attr::getattr_opt(vm, exc, "code").ok().flatten().unwrap_or(vm.none());
    if vm.is_none(code) {
        return 0;
    }
    if let Some(i) = crate::types::int::to_i64(code) {
        return i as u8;
    }
    let _ = crate::stdio::flush_std_streams(vm);
    match object::str(vm, code) {
        Ok(s) => eprintln!("{}", s.as_str()),
        Err(_) => eprintln!("<exception str() failed>"),
    }
    1
}

/// The full report for an exception and its chain, as CPython prints it.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut sources = SourceCache::default();
    format_chain(vm, exc, &mut seen, &mut sources, &mut out);
    out
}

fn format_chain(vm: &mut Vm, exc: Value, seen: &mut Vec<Value>, sources: &mut SourceCache, out: &mut String) {
    seen.push(exc);
    if let Some(e) = exc.downcast::<PyBaseException>() {
        let cause = e.cause.get();
        let context = e.context.get();
        if !cause.is_null() && !seen.iter().any(|s| s.is(cause)) {
            format_chain(vm, cause, seen, sources, out);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !context.is_null() && !e.suppress_context.get() && !seen.iter().any(|s| s.is(context)) {
            format_chain(vm, context, seen, sources, out);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(vm, exc, sources, out);
}

fn format_one(vm: &mut Vm, exc: Value, sources: &mut SourceCache, out: &mut String) {
    let tb = crate::types::exception::get_traceback(exc);
    if !tb.is_null() {
        out.push_str("Traceback (most recent call last):\n");
        format_traceback(tb, sources, out);
    }
    let cls = vm.class_of(exc);
    let mut type_name = cls.qualname_string();
    if let Some(module) = cls.module_name(vm) {
        if module != "builtins" && module != "__main__" {
            type_name = format!("{module}.{type_name}");
        }
    }
    if vm.is_instance(exc, vm.exceptions.syntax_error) {
        format_syntax_error_location(vm, exc, out);
        let msg = attr::getattr_opt(vm, exc, "msg").ok().flatten();
        let msg = msg.and_then(|m| m.downcast::<PyStr>()).map(|s| s.as_str().to_string()).unwrap_or_default();
        let _ = writeln!(out, "{type_name}: {msg}");
        return;
    }
    let text = match object::str(vm, exc) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if text.is_empty() {
        let _ = writeln!(out, "{type_name}");
    } else {
        let _ = writeln!(out, "{type_name}: {text}");
    }
    if let Ok(Some(notes)) = attr::getattr_opt(vm, exc, "__notes__") {
        if let Ok(list) = crate::protocol::iter::collect(vm, notes) {
            for note in list.to_vec() {
                if let Ok(s) = object::str(vm, note) {
                    let _ = writeln!(out, "{}", s.as_str());
                }
            }
        }
    }
}

fn format_syntax_error_location(vm: &mut Vm, exc: Value, out: &mut String) {
    let get = |vm: &mut Vm, name: &str| attr::getattr_opt(vm, exc, name).ok().flatten().filter(|v| !vm.is_none(*v));
    let filename = get(vm, "filename").and_then(|f| f.downcast::<PyStr>()).map(|s| s.as_str().to_string());
    let lineno = get(vm, "lineno").and_then(|l| l.as_small_int());
    let (Some(filename), Some(lineno)) = (filename, lineno) else { return };
    let _ = writeln!(out, "  File \"{filename}\", line {lineno}");
    let Some(text) = get(vm, "text").and_then(|t| t.downcast::<PyStr>()).map(|s| s.as_str().to_string()) else {
        return;
    };
    let line = text.trim_end_matches(['\n', '\r']);
    let shown = line.trim_start();
    if shown.is_empty() {
        return;
    }
    let indent = line.chars().count() - shown.chars().count();
    let _ = writeln!(out, "    {shown}");
    let offset = get(vm, "offset").and_then(|o| o.as_small_int()).unwrap_or(0);
    let end_offset = get(vm, "end_offset").and_then(|o| o.as_small_int()).unwrap_or(0);
    let end_line = get(vm, "end_lineno").and_then(|l| l.as_small_int()).unwrap_or(lineno);
    // CPython's `print_error_text`: no caret when it would point into the
    // stripped indentation.
    if offset >= 1 && offset as usize > indent {
        let start = offset as usize - 1 - indent;
        // IndentationErrors get one caret (as CPython 3.11 prints them).
        let single = vm.is_instance(exc, vm.exceptions.indentation_error);
        let width =
            if !single && end_line == lineno && end_offset > offset { (end_offset - offset) as usize } else { 1 };
        let _ = writeln!(out, "    {}{}", " ".repeat(start), "^".repeat(width));
    }
}

fn format_traceback(tb: Value, sources: &mut SourceCache, out: &mut String) {
    let mut entries = Vec::new();
    let mut current = tb;
    while let Some(t) = current.downcast::<PyTraceback>() {
        entries.push(t);
        current = t.next.get();
    }
    let mut last: Option<(String, u32, String)> = None;
    let mut repeats = 0;
    for t in entries {
        let code = t.frame.code;
        let filename = code.code.filename.to_string();
        let name = code.code.name.clone();
        let key = (filename.clone(), t.line, name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
            if repeats >= 3 {
                continue;
            }
        } else {
            flush_repeats(repeats, out);
            repeats = 0;
            last = Some(key);
        }
        let _ = writeln!(out, "  File \"{filename}\", line {}, in {name}", t.line);
        if let Some(line) = sources.line(&filename, t.line) {
            let shown = line.trim();
            if !shown.is_empty() {
                let _ = writeln!(out, "    {shown}");
                if let Some(carets) = caret_line(&line, code.code.locations.get(t.lasti).copied()) {
                    let _ = writeln!(out, "    {carets}");
                }
            }
        }
    }
    flush_repeats(repeats, out);
}

fn flush_repeats(repeats: usize, out: &mut String) {
    if repeats >= 3 {
        let more = repeats - 2;
        let _ = writeln!(out, "  [Previous line repeated {more} more time{}]", if more == 1 { "" } else { "s" });
    }
}

/// The `^^^` line under the failing expression, when it is only part of the
/// line (CPython 3.11 omits it when the expression is the whole line).
///
/// A binary operation or subscript is marked `~~^^~~` (operands `~`,
/// operator or brackets `^`), and then shown even when it is the whole line.
fn caret_line(line: &str, location: Option<krait_bytecode::Location>) -> Option<String> {
    let loc = location?;
    if loc.line == 0 || loc.end_col <= loc.col && loc.line == loc.end_line {
        return None;
    }
    let text = line.trim_end_matches(['\n', '\r']);
    let indent = text.len() - text.trim_start().len();
    let col = (loc.col as usize).max(indent);
    // An expression spanning lines is underlined to the end of this one.
    let end_col = if loc.line == loc.end_line { (loc.end_col as usize).min(text.len()) } else { text.trim_end().len() };
    if col >= end_col || !text.is_char_boundary(col) || !text.is_char_boundary(end_col) {
        return None;
    }
    let segment = &text[col..end_col];
    let anchors = if loc.line == loc.end_line { krait_compiler::caret_anchors(segment) } else { None };
    let whole_line = segment.trim() == text.trim();
    let primary = anchors.filter(|(left, right)| right > left);
    if whole_line && primary.is_none() {
        return None;
    }
    let start = text[indent..col].chars().count();
    let width = segment.chars().count();
    let marks = match primary {
        Some((left, right)) => {
            format!("{}{}{}", "~".repeat(left), "^".repeat(right - left), "~".repeat(width.saturating_sub(right)))
        }
        None => "^".repeat(width),
    };
    Some(format!("{}{marks}", " ".repeat(start)))
}

/// Source files read for tracebacks (as `linecache`).
#[derive(Default)]
struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, filename: &str, line: u32) -> Option<String> {
        let lines = self.files.entry(filename.to_string()).or_insert_with(|| {
            if filename.starts_with('<') {
                return None;
            }
            std::fs::read_to_string(filename).ok().map(|s| s.lines().map(str::to_string).collect())
        });
        lines.as_ref()?.get(line.checked_sub(1)? as usize).cloned()
    }
}
