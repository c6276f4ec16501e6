//! Where decision data comes from: the copy embedded in the binary, the user's folders beside it,
//! or one folder instead (`--data DIR`); [`Source`] says which, [`Source::load`] reads it.
//! Only regular files of a bounded size are read, so a FIFO or `/dev/zero` named as data cannot
//! hang the program.

use std::path::{Path, PathBuf};

use super::diag::{Diagnostic, Diagnostics};
use super::load::{DataFile, load};
use super::model::{Catalog, SharedStr};
use super::shared_str::decode_static;
use crate::clock;

/// The largest data file read, in bytes. The built-in files are under 60 KB and a pack of 10,000
/// alternatives over 40 criteria is about 14 MB; 64 MiB leaves room for that while a runaway file
/// is refused at once.
pub const MAX_DATA_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The built-in catalog, as build.rs compiled and checked it from `data/` with this same loader:
/// start-up reads it instead of parsing the TOML again. The glossary and the sources' `checked`
/// notes are kept apart ([`GLOSSARY`], [`CHECKED`]), so a command that only scores never decodes
/// them: memory a one-shot command touches for the first time costs a page fault for every 4 KB.
static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
static GLOSSARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/glossary.bin"));
static CHECKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/checked.bin"));
/// Every string of the three, each once: the compiler checks it is UTF-8, so start-up does not.
static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/text.txt"));

/// The built-in data, ready to score and to show (the glossary included).
pub fn load_builtin() -> Result<Catalog, Diagnostics> {
    load_builtin_for(Use::Show)
}

/// The built-in data for `what`: for [`Use::Score`] without the glossary (as a folder's data is
/// read for scoring) and without the notes on what each source was checked for (no report shows
/// them).
fn load_builtin_for(what: Use) -> Result<Catalog, Diagnostics> {
    let decoded = decode_static::<Catalog>(SNAPSHOT, TEXT).and_then(|mut catalog| {
        if what != Use::Score {
            catalog.glossary = decode_static(GLOSSARY, TEXT)?;
            let checked: Vec<Option<SharedStr>> = decode_static(CHECKED, TEXT)?;
            for (source, note) in catalog.sources.iter_mut().zip(checked) {
                source.checked = note;
            }
        }
        Ok(catalog)
    });
    match decoded {
        Ok(mut catalog) => {
            catalog.today = clock::today_days();
            Ok(catalog)
        }
        // Only a build that mixed two versions could get here: check the TOML itself instead.
        Err(_) => Source::builtin().load(Use::Check),
    }
}

/// Where a command's decision data comes from, decided once from the flags and settings (the
/// binary's `cmd::resolve`); [`Source::load`] is the one way in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The built-in packs, with the packs of the user's folders beside them (none: the built-in
    /// data alone).
    Builtin { user: Vec<PathBuf> },
    /// One folder instead of the built-in data (`--data DIR`, `validate DIR`).
    Folder(PathBuf),
}

/// What the data is loaded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Scoring only: the glossary is not read (a quarter less to parse or decode for one-shot
    /// commands such as `recommend`), nor, from the built-in snapshot, the sources' `checked`
    /// notes.
    Score,
    /// Everything the views show, the glossary included.
    Show,
    /// Everything, parsed and checked from the TOML as `validate` does, never from the built-in
    /// snapshot.
    Check,
}

impl Source {
    /// The built-in data alone.
    pub fn builtin() -> Source {
        Source::Builtin { user: Vec::new() }
    }

    /// The built-in data, the user's default packs folder (`data_dir`, used when it has a `packs/`
    /// folder) and the configured folders beside it; and the configured folders that do not exist
    /// (to warn about, not to stop on).
    pub fn with_user(data_dir: Option<&Path>, configured: &[PathBuf]) -> (Source, Vec<PathBuf>) {
        let mut found: Vec<PathBuf> = data_dir
            .filter(|d| d.join("packs").is_dir())
            .map(Path::to_path_buf)
            .into_iter()
            .collect();
        let mut missing = Vec::new();
        for d in configured {
            if !d.is_dir() {
                missing.push(d.clone());
            } else if !found.contains(d) {
                found.push(d.clone());
            }
        }
        (Source::Builtin { user: found }, missing)
    }

    /// The folders read besides the built-in files.
    pub fn dirs(&self) -> &[PathBuf] {
        match self {
            Source::Builtin { user } => user,
            Source::Folder(d) => std::slice::from_ref(d),
        }
    }

    /// Loads the data for `what`.
    pub fn load(&self, what: Use) -> Result<Catalog, Diagnostics> {
        if let Source::Builtin { user } = self
            && user.is_empty()
            && what != Use::Check
        {
            return load_builtin_for(what);
        }
        let (files, unreadable) = self.files(what)?;
        if !unreadable.is_empty() {
            return Err(unreadable);
        }
        load(&files, clock::today_days())
    }

    /// Like [`Source::load`], except that a file of the user's folders with a problem is left out
    /// (with its problems, returned beside the data) instead of stopping everything: one broken
    /// pack of the user's never takes the built-in packs, or the user's other packs, down with it.
    /// Problems in the built-in data, or in a `--data` folder, stop it as they do [`Source::load`];
    /// `validate` ([`Use::Check`]) uses `load`, where every problem is the point.
    pub fn load_skipping(&self, what: Use) -> Result<(Catalog, Diagnostics), Diagnostics> {
        let Source::Builtin { user } = self else {
            return self.load(what).map(|c| (c, Diagnostics::default()));
        };
        if user.is_empty() {
            return self.load(what).map(|c| (c, Diagnostics::default()));
        }
        let (mut files, mut skipped) = self.files(what)?;
        // Each round leaves out the user's files that problems point at; the rest may then load
        // (a pack that cited a source of a file left out is left out next round).
        loop {
            let problems = match load(&files, clock::today_days()) {
                Ok(catalog) => return Ok((catalog, skipped.sorted())),
                Err(d) => d,
            };
            let blamed: Vec<String> = files
                .iter()
                .filter(|f| f.origin.is_some() && problems.0.iter().any(|p| p.file == f.name))
                .map(|f| f.name.clone())
                .collect();
            if blamed.is_empty() {
                return Err(problems);
            }
            skipped.extend(problems.0.into_iter().filter(|p| blamed.contains(&p.file)));
            files.retain(|f| !blamed.contains(&f.name));
        }
    }

    /// Checks the data as `validate` does, with `extra` files as if they were on disk (each
    /// replacing a file of the same name): what a file would do before it is written.
    pub fn check_with(&self, extra: Vec<DataFile>) -> Result<Catalog, Diagnostics> {
        let (mut files, unreadable) = self.files(Use::Check)?;
        if !unreadable.is_empty() {
            return Err(unreadable);
        }
        files.retain(|f| !extra.iter().any(|x| x.name == f.name));
        files.extend(extra);
        load(&files, clock::today_days())
    }

    /// The files to load for `what`, and the user's files that could not be read.
    fn files(&self, what: Use) -> Result<(Vec<DataFile>, Diagnostics), Diagnostics> {
        let mut unreadable = Diagnostics::default();
        let mut files = match self {
            Source::Builtin { user } => {
                let mut files = builtin_files();
                for dir in user {
                    let (found, problems) = user_files_read(dir);
                    files.extend(found);
                    unreadable.0.extend(problems.0);
                }
                files
            }
            Source::Folder(d) => dir_files(d)?,
        };
        if what == Use::Score {
            // A folder's glossary is not parsed; the built-in one is kept (the other built-in files
            // refer to it).
            let folder = matches!(self, Source::Folder(_));
            files.retain(|f| f.rel != "glossary.toml" || (f.origin.is_none() && !folder));
        }
        Ok((files, unreadable))
    }

    /// How many bytes of TOML the folders hold (the packs under `packs/` included), without
    /// reading them: to tell whether loading will take a while.
    pub fn bytes(&self) -> u64 {
        data_bytes(self.dirs())
    }
}

/// The files of a user folder, marked as coming from it: `sources.toml`, `questions.toml` and
/// `glossary.toml` at its top add to the built-in ones; packs are the `*.toml` in its `packs/`
/// folder, or any other `*.toml` at its top.
pub fn user_files(dir: &Path) -> Result<Vec<DataFile>, Diagnostics> {
    let (out, diags) = user_files_read(dir);
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// [`user_files`]: the files that could be read, and a problem for each that could not.
fn user_files_read(dir: &Path) -> (Vec<DataFile>, Diagnostics) {
    let shared = ["sources.toml", "questions.toml", "glossary.toml"];
    let origin = dir.display().to_string();
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    let mut add = |path: &Path, rel: String, out: &mut Vec<DataFile>| {
        let name = path.display().to_string();
        match read_data_file(path, &name) {
            Ok(text) => out.push(DataFile {
                name,
                rel,
                text,
                origin: Some(origin.clone()),
            }),
            Err(d) => diags.push(d),
        }
    };
    for path in toml_files(dir) {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = if shared.contains(&file.as_str()) {
            file
        } else {
            format!("packs/{file}")
        };
        add(&path, rel, &mut out);
    }
    for path in toml_files(&dir.join("packs")) {
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        add(&path, format!("packs/{file}"), &mut out);
    }
    (out, diags)
}

/// The `*.toml` files directly in `dir`, sorted.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn data_bytes(dirs: &[PathBuf]) -> u64 {
    fn walk(dir: &Path, depth: usize) -> u64 {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| {
                let path = e.path();
                match e.metadata() {
                    Ok(m) if m.is_dir() && depth < 2 => walk(&path, depth + 1),
                    Ok(m) if m.is_file() && path.extension().is_some_and(|x| x == "toml") => {
                        m.len()
                    }
                    _ => 0,
                }
            })
            .sum()
    }
    dirs.iter().map(|d| walk(d, 0)).sum()
}

/// The TOML files built into the binary.
pub fn builtin_files() -> Vec<DataFile> {
    crate::embedded::EMBEDDED_DATA
        .iter()
        .map(|(rel, text)| DataFile::new(format!("data/{rel}"), *rel, *text))
        .collect()
}

/// Every `*.toml` under `dir`, sorted by path.
///
/// Symbolic links are followed (a pack may live elsewhere), but each folder is read once, known
/// by its device and inode, so links that loop (`ln -s . again`) end the walk instead of
/// repeating it forever; and folders deeper than [`MAX_DEPTH`] are reported, not read.
pub fn dir_files(dir: &Path) -> Result<Vec<DataFile>, Diagnostics> {
    let mut walk = Walk {
        root: dir,
        out: Vec::new(),
        diags: Diagnostics::default(),
        seen: Vec::new(),
    };
    walk.folder(dir, 0);
    let Walk {
        mut out, mut diags, ..
    } = walk;
    if !diags.is_empty() {
        return Err(diags);
    }
    if out.is_empty() {
        diags.push(Diagnostic::whole_file(
            dir.display().to_string(),
            "no decision data here: expected sources.toml, questions.toml and packs/*.toml",
        ));
        return Err(diags);
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// How deep folders of decision data are read: the built-in layout is two levels deep.
pub const MAX_DEPTH: usize = 16;

struct Walk<'a> {
    root: &'a Path,
    out: Vec<DataFile>,
    diags: Diagnostics,
    /// The folders read so far, by (device, inode).
    seen: Vec<(u64, u64)>,
}

impl Walk<'_> {
    fn folder(&mut self, dir: &Path, depth: usize) {
        let name = || dir.display().to_string();
        if depth > MAX_DEPTH {
            self.diags.push(Diagnostic::whole_file(
                name(),
                format!("folders nested more than {MAX_DEPTH} deep are not read: move the data up"),
            ));
            return;
        }
        let meta = match std::fs::metadata(dir) {
            Ok(m) => m,
            Err(e) => {
                self.diags.push(Diagnostic::whole_file(
                    name(),
                    format!("cannot read the data folder: {e}"),
                ));
                return;
            }
        };
        if let Some(id) = folder_id(&meta) {
            if self.seen.contains(&id) {
                // Reached again through a link: already read (or being read).
                return;
            }
            self.seen.push(id);
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.diags.push(Diagnostic::whole_file(
                    name(),
                    format!("cannot read the data folder: {e}"),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                self.folder(&path, depth + 1);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let rel = path
                    .strip_prefix(self.root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let name = path.display().to_string();
                match read_data_file(&path, &name) {
                    Ok(text) => self.out.push(DataFile::new(name, rel, text)),
                    Err(d) => self.diags.push(d),
                }
            }
        }
    }
}

#[cfg(unix)]
fn folder_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_id(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// A file that could not be read, as a diagnostic at the place the reader points to (the first
/// byte that is not UTF-8, else the file as a whole).
pub fn unreadable(file: impl Into<String>, e: &crate::fsutil::ReadError) -> Diagnostic {
    let (line, col) = e.place();
    Diagnostic {
        file: file.into(),
        line,
        col,
        message: e.reason(),
    }
}

/// Reads one data file (shown as `name` in messages): a regular file of at most
/// [`MAX_DATA_FILE_BYTES`], in UTF-8, through the one bounded reader every input file uses.
pub fn read_data_file(path: &Path, name: &str) -> Result<String, Diagnostic> {
    use crate::fsutil::{ReadErrorKind, read_text_limited};
    read_text_limited(path, MAX_DATA_FILE_BYTES).map_err(|e| {
        let mut d = unreadable(name, &e);
        // What decision data must be, said in the data's own terms.
        match &e.kind {
            ReadErrorKind::NotUtf8 { .. } => {
                d.message = "not UTF-8 text: save the file as UTF-8".into()
            }
            ReadErrorKind::NotAFile(what) => {
                d.message =
                    format!("it is {what}, not a regular file: decision data must be a .toml file")
            }
            _ => {}
        }
        d
    })
}
