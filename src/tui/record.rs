//! Recordings (`--record FILE.cast`): what the program draws, as an asciicast v2 file — asciinema's
//! format, played by asciinema's player and turned into a GIF by `agg` — so a facilitator can share
//! a session afterwards. A header line (width, height, timestamp, title), then one output event per
//! frame (seconds since the start, `"o"`, the bytes written) and a resize event when the terminal
//! changes size.
//!
//! Only frames are recorded: not entering or leaving the alternate screen (a replay ends on the
//! program's last screen, not on the shell), and not a clipboard copy (OSC 52 goes to the terminal
//! only; what someone copied is not for the audience).

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::rc::Rc;
use std::time::Instant;

/// An asciicast v2 file being written.
#[derive(Debug)]
pub struct Recorder {
    file: BufWriter<File>,
    start: Instant,
    /// Bytes of the frame being written, until the frame is flushed.
    pending: Vec<u8>,
    /// The size the recording is at.
    size: (u16, u16),
}

impl Recorder {
    /// Creates (or replaces) `path` and writes the header. `timestamp` is the Unix time it starts.
    pub fn create(
        path: &Path,
        (width, height): (u16, u16),
        timestamp: u64,
        title: &str,
    ) -> io::Result<Recorder> {
        // Never through someone else's link (see `fsutil::write`).
        let mut file = BufWriter::new(crate::fsutil::create_stream(path)?);
        let header = serde_json::json!({
            "version": 2,
            "width": width,
            "height": height,
            "timestamp": timestamp,
            "title": title,
            "env": { "TERM": std::env::var("TERM").unwrap_or_default() },
        });
        writeln!(file, "{header}")?;
        file.flush()?;
        Ok(Recorder {
            file,
            start: Instant::now(),
            pending: Vec::new(),
            size: (width, height),
        })
    }

    /// The size of the screen being recorded.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    fn event(&mut self, code: &str, data: &str) -> io::Result<()> {
        // Seconds, to the microsecond; written straight into the buffer (a frame of a big screen
        // is tens of kilobytes: no copy on the way).
        let t = (self.start.elapsed().as_secs_f64() * 1e6).round() / 1e6;
        serde_json::to_writer(&mut self.file, &(t, code, data))?;
        self.file.write_all(b"\n")
    }

    /// A frame's bytes, kept until the frame is flushed.
    pub fn output(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// The frame written so far as one output event, on the file at once (a session ended by a
    /// signal keeps everything drawn).
    pub fn flush_frame(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        self.event("o", &String::from_utf8_lossy(&pending))?;
        self.pending = pending;
        self.pending.clear();
        self.file.flush()
    }

    /// The terminal's new size.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.flush_frame()?;
        self.size = (width, height);
        self.event("r", &format!("{width}x{height}"))?;
        self.file.flush()
    }
}

/// The recording, shared by the terminal's writer (frames) and the loop (sizes); `None` when
/// there is none or it could not be written (a recording that fails never stops the session).
pub type Shared = Rc<RefCell<Option<Recorder>>>;

/// Where frames go: the terminal, and the recording when there is one.
#[derive(Debug)]
pub struct Output {
    out: io::Stdout,
    recorder: Shared,
}

impl Output {
    pub fn new(recorder: Shared) -> Output {
        Output {
            out: io::stdout(),
            recorder,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        if let Some(r) = self.recorder.borrow_mut().as_mut() {
            r.output(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        let mut rec = self.recorder.borrow_mut();
        if rec.as_mut().is_some_and(|r| r.flush_frame().is_err()) {
            *rec = None;
        }
        Ok(())
    }
}

/// Tells the recording the terminal's size, before the frame drawn at it.
pub fn record_size(recorder: &Shared, (w, h): (u16, u16)) {
    let mut rec = recorder.borrow_mut();
    if rec
        .as_mut()
        .is_some_and(|r| r.size() != (w, h) && r.resize(w, h).is_err())
    {
        *rec = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_header_output_and_resize_events() {
        let dir = std::env::temp_dir().join(format!("tradeoff-rec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.cast");
        let mut r = Recorder::create(&path, (80, 24), 1_700_000_000, "tradeoff").unwrap();
        r.output(b"\x1b[1;1Hhello \xe2\x9c\x93");
        r.flush_frame().unwrap();
        r.flush_frame().unwrap();
        r.resize(100, 30).unwrap();
        drop(r);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert_eq!(lines[0]["version"], 2);
        assert_eq!(lines[0]["width"], 80);
        assert_eq!(lines[0]["height"], 24);
        assert_eq!(lines[0]["timestamp"], 1_700_000_000);
        assert_eq!(lines[0]["title"], "tradeoff");
        assert!(lines[1][0].is_f64());
        assert_eq!(lines[1][1], "o");
        assert_eq!(lines[1][2], "\u{1b}[1;1Hhello ✓");
        assert_eq!(lines[2][1], "r");
        assert_eq!(lines[2][2], "100x30");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
