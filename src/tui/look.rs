//! How the TUI looks: the theme and the projector view (big text, more space, less detail), which
//! brings its own high-contrast theme and gives the previous one back when it is turned off.

use super::theme::Theme;

#[derive(Debug, Clone)]
pub struct Look {
    pub theme: Theme,
    /// The projector view (`--projector`, `p`).
    pub projector: bool,
    /// Source URLs are OSC 8 hyperlinks: set by the loop on a terminal that takes them (never in
    /// tests, never under NO_COLOR), see `term::hyperlinks_wanted`.
    pub hyperlinks: bool,
    /// The theme to go back to when the projector view is turned off.
    theme_before_projector: Option<Theme>,
}

impl Look {
    pub fn new(theme: Theme) -> Look {
        Look {
            theme,
            projector: false,
            hyperlinks: false,
            theme_before_projector: None,
        }
    }

    /// The look the program starts with: with `projector`, the projector view in its own theme, or
    /// in `theme`'s colours when that theme was chosen (`keep_theme`).
    pub fn starting(theme: Theme, projector: bool, keep_theme: bool) -> Look {
        let mut look = Look::new(theme);
        if projector && keep_theme {
            look.projector = true;
        } else if projector {
            look.set_projector(true);
        }
        look
    }

    /// Turns the projector view on (with the projector theme, unless the theme has no colour) or
    /// off (back to the theme before). True when it changed.
    pub fn set_projector(&mut self, on: bool) -> bool {
        if on == self.projector {
            return false;
        }
        self.projector = on;
        // A theme without colour (mono, or NO_COLOR) stays: it already has the terminal's own
        // contrast, and colour was not wanted.
        if on && !self.theme.is_monochrome() {
            if let Some(t) = Theme::builtin("projector") {
                self.theme_before_projector = Some(std::mem::replace(&mut self.theme, t));
            }
        } else if let Some(t) = self.theme_before_projector.take() {
            self.theme = t;
        }
        true
    }

    /// The ordinary themes `t` goes through, in order.
    pub const CYCLE: [&'static str; 3] = ["dark", "light", "mono"];

    /// Switches to the theme after this one in [`Look::CYCLE`] (from any other theme, such as the
    /// projector's or a theme file: the first) and returns its name.
    pub fn next_theme(&mut self) -> &'static str {
        let at = Self::CYCLE.iter().position(|&n| n == self.theme.name);
        let next = Self::CYCLE[at.map_or(0, |i| (i + 1) % Self::CYCLE.len())];
        self.set_theme(next);
        next
    }

    /// Switches to a built-in theme; the projector view keeps its layout with it.
    pub fn set_theme(&mut self, name: &str) {
        if let Some(t) = Theme::builtin(name) {
            self.theme = t;
            self.theme_before_projector = None;
        }
    }
}
