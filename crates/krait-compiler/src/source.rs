//! Byte offsets to source positions.
//!
//! ruff's ranges are byte offsets into the source. Instructions carry
//! CPython's `co_positions()` form (1-based lines, 0-based UTF-8 byte
//! columns); a `SyntaxError` carries 1-based *character* columns, as
//! CPython's `SyntaxError.offset`. Both come from the table of line starts
//! built here once per compilation.

use krait_bytecode::Location;
use ruff_text_size::{TextRange, TextSize};

pub(crate) struct SourceMap<'src> {
    pub text: &'src str,
    /// Byte offset of the first character of each line (line 1 first).
    line_starts: Vec<u32>,
}

impl<'src> SourceMap<'src> {
    pub fn new(text: &'src str) -> Self {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap { text, line_starts }
    }

    /// The 1-based line holding `offset`.
    pub fn line_of(&self, offset: TextSize) -> u32 {
        let offset = u32::from(offset);
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    /// The byte offset where `line` (1-based) starts.
    pub fn line_start(&self, line: u32) -> u32 {
        let index = (line.max(1) - 1) as usize;
        self.line_starts.get(index).copied().unwrap_or(self.text.len() as u32)
    }

    /// 1-based line and 0-based byte column.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line_of(offset);
        (line, u32::from(offset) - self.line_start(line))
    }

    /// 1-based character column of `offset` on its line.
    pub fn char_column(&self, offset: TextSize) -> u32 {
        let (line, _) = self.line_col(offset);
        let start = self.line_start(line) as usize;
        let end = (u32::from(offset) as usize).min(self.text.len());
        let start = start.min(end);
        self.text.get(start..end).map_or(end - start, |s| s.chars().count()) as u32 + 1
    }

    /// The text of `line`, with its newline, as `SyntaxError.text`.
    pub fn line_text(&self, line: u32) -> Option<String> {
        if line == 0 || line as usize > self.line_starts.len() {
            return None;
        }
        let start = self.line_start(line) as usize;
        let end =
            if (line as usize) < self.line_starts.len() { self.line_start(line + 1) as usize } else { self.text.len() };
        let mut text = self.text.get(start..end)?.to_string();
        if text.ends_with("\r\n") {
            text.truncate(text.len() - 2);
            text.push('\n');
        } else if !text.ends_with('\n') {
            text.push('\n');
        }
        Some(text)
    }

    /// The instruction location of a node.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start());
        let (end_line, end_col) = self.line_col(range.end());
        Location { line, end_line, col, end_col }
    }

    pub fn len(&self) -> u32 {
        self.text.len() as u32
    }
}
