//! Finding the repository, the programs and the known-failure list.
//!
//! The layout rule (documented in `tests/README.md`): a program is a `.py`
//! file directly inside an area directory, `tests/programs/<area>/<name>.py`.
//! Files in deeper directories (`tests/programs/imports/pkg_basic/...`) are
//! helper modules and packages imported by programs, never programs.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// One test program.
#[derive(Debug, Clone)]
pub struct Program {
    /// `area/name.py`, the name used in reports, filters and known-failures.
    pub name: String,
    pub path: PathBuf,
}

fn is_repo_root(dir: &Path) -> bool {
    dir.join("tests/programs").is_dir()
}

/// The repository root: searched upwards from the runner's own executable
/// (`target/release/krait-difftest`), then from the current directory, then
/// the source location this crate was built from.
pub fn find_repo_root() -> Option<PathBuf> {
    let mut starts = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        starts.push(exe);
    }
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    starts.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    starts.iter().find_map(|start| start.ancestors().find(|dir| is_repo_root(dir)).map(Path::to_path_buf))
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?.map(|entry| entry.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// All programs under `programs_dir`, sorted by name.
pub fn find_programs(programs_dir: &Path) -> io::Result<Vec<Program>> {
    let mut programs = Vec::new();
    for area in sorted_entries(programs_dir)? {
        if !area.is_dir() {
            continue;
        }
        let area_name = area.file_name().unwrap_or_default().to_string_lossy().into_owned();
        for path in sorted_entries(&area)? {
            if path.is_file() && path.extension().is_some_and(|ext| ext == "py") {
                let file_name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                programs.push(Program { name: format!("{area_name}/{file_name}"), path });
            }
        }
    }
    Ok(programs)
}

/// Parses `known-failures.txt`: one `area/name.py` per line; `#` starts a
/// comment; blank lines are ignored.
pub fn parse_known_failures(text: &str) -> HashSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(|line| line.strip_prefix("tests/programs/").unwrap_or(line).to_string())
        .collect()
}

/// Reads the known-failure list; a missing file means an empty list.
pub fn read_known_failures(path: &Path) -> io::Result<HashSet<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(parse_known_failures(&text)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_failures_ignore_comments_and_blanks() {
        let text = "# header\n\nint/big.py\n  str/fmt.py   # flaky formatting\ntests/programs/dict/order.py\n";
        let known = parse_known_failures(text);
        assert_eq!(known.len(), 3);
        assert!(known.contains("int/big.py"));
        assert!(known.contains("str/fmt.py"));
        assert!(known.contains("dict/order.py"));
    }

    #[test]
    fn programs_are_direct_children_of_areas() {
        let root = std::env::temp_dir().join(format!("krait-difftest-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("imports/pkg_basic")).unwrap();
        std::fs::create_dir_all(root.join("int")).unwrap();
        for file in ["imports/test_a.py", "imports/pkg_basic/__init__.py", "int/b.py", "int/b.out", "stray.py"] {
            std::fs::write(root.join(file), "").unwrap();
        }
        let names: Vec<String> = find_programs(&root).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(names, vec!["imports/test_a.py".to_string(), "int/b.py".to_string()]);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
