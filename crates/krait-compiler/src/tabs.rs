//! `TabError`: CPython's tokenizer measures every indentation twice, with
//! tabs to multiples of 8 and with tabs as one column, and rejects a line
//! whose indentation compares differently with the enclosing levels under
//! the two measures (`tok_get`'s `altcol` check). ruff accepts such files,
//! so this runs on every compile.
//!
//! Only the first line of each logical line is indentation: lines inside
//! brackets, continued with a backslash, inside triple-quoted strings, or
//! holding only a comment or whitespace are skipped.

/// The 1-based line of the first inconsistent indentation, if any.
pub(crate) fn inconsistent_indentation(source: &str) -> Option<u32> {
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut depth = 0usize;
    let mut in_string: Option<(char, bool)> = None;
    let mut continued = false;
    for (index, line) in source.split('\n').enumerate() {
        let starts_logical_line = depth == 0 && in_string.is_none() && !continued;
        continued = false;
        if starts_logical_line {
            let (mut col, mut altcol) = (0usize, 0usize);
            let mut rest = line;
            for c in line.chars() {
                match c {
                    ' ' => {
                        col += 1;
                        altcol += 1;
                    }
                    '\t' => {
                        col = (col / 8 + 1) * 8;
                        altcol += 1;
                    }
                    '\x0c' => {
                        col = 0;
                        altcol = 0;
                    }
                    _ => break,
                }
                rest = &rest[c.len_utf8()..];
            }
            let blank = rest.trim_end_matches('\r').is_empty() || rest.starts_with('#');
            if !blank {
                let &(top_col, top_alt) = stack.last().expect("the stack keeps its base");
                if col == top_col {
                    if altcol != top_alt {
                        return Some(index as u32 + 1);
                    }
                } else if col > top_col {
                    if altcol <= top_alt {
                        return Some(index as u32 + 1);
                    }
                    stack.push((col, altcol));
                } else {
                    while stack.len() > 1 && col < stack.last().expect("non-empty").0 {
                        stack.pop();
                    }
                    let &(top_col, top_alt) = stack.last().expect("non-empty");
                    // A dedent to no level is the parser's IndentationError.
                    if col == top_col && altcol != top_alt {
                        return Some(index as u32 + 1);
                    }
                }
            }
        }
        scan_line(line, &mut depth, &mut in_string, &mut continued);
    }
    None
}

/// Track brackets, strings and backslash continuation through one line.
fn scan_line(line: &str, depth: &mut usize, in_string: &mut Option<(char, bool)>, continued: &mut bool) {
    let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some((quote, triple)) = *in_string {
            if c == '\\' {
                i += 2;
                continue;
            }
            if c == quote && (!triple || (chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote))) {
                *in_string = None;
                i += if triple { 3 } else { 1 };
                continue;
            }
            i += 1;
            continue;
        }
        match c {
            '#' => break,
            '\'' | '"' => {
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                *in_string = Some((c, triple));
                i += if triple { 3 } else { 1 };
                continue;
            }
            '(' | '[' | '{' => *depth += 1,
            ')' | ']' | '}' => *depth = depth.saturating_sub(1),
            '\\' if i + 1 == chars.len() => *continued = true,
            _ => {}
        }
        i += 1;
    }
    // A single-quoted string cannot span lines (unless continued).
    if matches!(*in_string, Some((_, false))) && !*continued {
        *in_string = None;
    }
}

#[cfg(test)]
mod tests {
    use super::inconsistent_indentation;

    #[test]
    fn tab_and_spaces_that_disagree_are_found() {
        assert_eq!(inconsistent_indentation("def f():\n\tif True:\n        return 1\n"), Some(3));
        assert_eq!(inconsistent_indentation("if x:\n        a\n\tb\n"), Some(3));
    }

    #[test]
    fn consistent_files_and_continuations_pass() {
        assert_eq!(inconsistent_indentation("def f():\n\tif x:\n\t\treturn 1\n"), None);
        assert_eq!(inconsistent_indentation("x = (1,\n\t 2)\ns = '''\n\t  a\n'''\n"), None);
        assert_eq!(inconsistent_indentation("if x:\n    y = 1 + \\\n\t2\n"), None);
    }
}
