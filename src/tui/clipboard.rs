//! The clipboard through the terminal itself: OSC 52, which works over SSH too, and the passthrough
//! wrapping that tmux and GNU screen need to hand it on to the terminal around them. Pure text:
//! the loop writes the sequence (see `effects`).
//!
//! Inside tmux the sequence goes twice, because tmux has two ways to let it through and users
//! turn on one or the other: bare, for `set -g set-clipboard on` (the common setting: tmux takes
//! it into its paste buffer and sets the outer terminal's clipboard itself), then wrapped in the
//! passthrough, for `set -g allow-passthrough on`. tmux drops the one it is not set up for, and
//! with both on the terminal sets the same text twice.

/// A terminal multiplexer between the program and the terminal. Each swallows an OSC 52 sequence
/// unless it comes wrapped in the multiplexer's passthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    Tmux,
    Screen,
}

impl Multiplexer {
    /// The multiplexer the program runs in: tmux sets `$TMUX`; GNU screen sets `$STY` and a `$TERM`
    /// of `screen…` (which tmux sets too, so `$TMUX` is asked first).
    pub fn detect(
        tmux: Option<&str>,
        sty: Option<&str>,
        term: Option<&str>,
    ) -> Option<Multiplexer> {
        let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
        if set(tmux) {
            Some(Multiplexer::Tmux)
        } else if set(sty) || term.is_some_and(|t| t.starts_with("screen")) {
            Some(Multiplexer::Screen)
        } else {
            None
        }
    }

    /// [`detect`](Self::detect) from this process's environment.
    pub fn from_env() -> Option<Multiplexer> {
        let var = |k: &str| std::env::var(k).ok();
        Multiplexer::detect(
            var("TMUX").as_deref(),
            var("STY").as_deref(),
            var("TERM").as_deref(),
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Multiplexer::Tmux => "tmux",
            Multiplexer::Screen => "GNU screen",
        }
    }

    /// What the user can do about a copy that did not arrive.
    pub fn advice(self) -> &'static str {
        match self {
            Multiplexer::Tmux => {
                " (tmux passes it on only with `set -g set-clipboard on` or `set -g allow-passthrough on`)"
            }
            Multiplexer::Screen => " (screen passes it on only to a terminal that allows OSC 52)",
        }
    }

    /// `seq` wrapped in the multiplexer's passthrough: tmux's `ESC P tmux; … ESC \` with every ESC
    /// inside doubled; screen's `ESC P … ESC \`, in chunks, since screen cuts long strings short.
    pub fn wrap(self, seq: &str) -> String {
        match self {
            Multiplexer::Tmux => format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b")),
            Multiplexer::Screen => {
                let mut out = String::with_capacity(seq.len() + seq.len() / SCREEN_CHUNK * 4 + 4);
                // The sequence is ASCII (an escape, digits and base64), so byte chunks are characters.
                for chunk in seq.as_bytes().chunks(SCREEN_CHUNK) {
                    out.push_str("\x1bP");
                    out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
                    out.push_str("\x1b\\");
                }
                out
            }
        }
    }
}

/// The longest piece of a sequence screen is given at once (its string buffer is a few hundred bytes).
const SCREEN_CHUNK: usize = 76;

/// What to write to the terminal to put `text` on the clipboard, inside `mux` if there is one
/// (tmux: bare for `set-clipboard on`, then wrapped for `allow-passthrough on`; see the top).
pub fn sequence(text: &str, mux: Option<Multiplexer>) -> String {
    let seq = osc52(text);
    match mux {
        Some(Multiplexer::Tmux) => format!("{seq}{}", Multiplexer::Tmux.wrap(&seq)),
        Some(m) => m.wrap(&seq),
        None => seq,
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn the_multiplexer_comes_from_the_environment() {
        let d = Multiplexer::detect;
        assert_eq!(d(None, None, Some("xterm-256color")), None);
        assert_eq!(d(Some(""), None, Some("xterm")), None);
        // tmux sets TERM=screen… too: $TMUX decides.
        assert_eq!(
            d(
                Some("/tmp/tmux-1000/default,42,0"),
                None,
                Some("screen-256color")
            ),
            Some(Multiplexer::Tmux)
        );
        assert_eq!(
            d(None, None, Some("screen.xterm-256color")),
            Some(Multiplexer::Screen)
        );
        assert_eq!(
            d(None, Some("1234.pts-0.host"), Some("xterm")),
            Some(Multiplexer::Screen)
        );
    }

    #[test]
    fn tmux_doubles_every_escape_inside_its_passthrough() {
        assert_eq!(
            Multiplexer::Tmux.wrap(&osc52("hi")),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    /// With TMUX set: the bare sequence (tmux's `set-clipboard on` takes it), then the wrapped one
    /// (`allow-passthrough on`); with TMUX unset (or empty): the bare sequence alone.
    #[test]
    fn the_bytes_with_tmux_set_and_unset() {
        let mux = |tmux| Multiplexer::detect(tmux, None, Some("screen-256color"));
        let inside = sequence("hi", mux(Some("/tmp/tmux-1000/default,42,0")));
        assert_eq!(
            inside.as_bytes(),
            b"\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        let outside = |tmux| {
            sequence(
                "hi",
                Multiplexer::detect(tmux, None, Some("xterm-256color")),
            )
        };
        assert_eq!(outside(None).as_bytes(), b"\x1b]52;c;aGk=\x07");
        assert_eq!(outside(Some("")).as_bytes(), b"\x1b]52;c;aGk=\x07");
        // Both settings are named where a copy may not have arrived.
        let advice = Multiplexer::Tmux.advice();
        assert!(advice.contains("set-clipboard on") && advice.contains("allow-passthrough on"));
    }

    #[test]
    fn screen_gets_the_sequence_in_short_chunks() {
        let text = "x".repeat(300);
        let seq = sequence(&text, Some(Multiplexer::Screen));
        let pieces: Vec<&str> = seq
            .split("\x1b\\")
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.strip_prefix("\x1bP")
                    .expect("each piece opens with ESC P")
            })
            .collect();
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= SCREEN_CHUNK));
        assert_eq!(
            pieces.concat(),
            osc52(&text),
            "the pieces add up to the sequence"
        );
    }
}
