use serde::{Deserialize, Serialize};

use super::zone::is_code;
use super::{FieldError, ZoneSet};

pub type CategoryId = i64;

/// An sRGB colour, written `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const BLACK: Colour = Colour::new(0, 0, 0);
    pub const WHITE: Colour = Colour::new(255, 255, 255);
    /// The dark tone used for text on light backgrounds.
    pub const NEAR_BLACK: Colour = Colour::new(0x11, 0x11, 0x11);

    pub const fn new(r: u8, g: u8, b: u8) -> Colour {
        Colour { r, g, b }
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f32 {
        fn linear(c: u8) -> f32 {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Colour) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// White or near-black, whichever contrasts more with this background.
    pub fn readable_text(self) -> Colour {
        if self.contrast(Colour::WHITE) >= self.contrast(Colour::NEAR_BLACK) {
            Colour::WHITE
        } else {
            Colour::NEAR_BLACK
        }
    }

    pub fn parse(text: &str) -> Result<Colour, String> {
        let t = text.trim();
        let hex = t.strip_prefix('#').unwrap_or(t);
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("\"{t}\" is not a colour like #1F6FB2"));
        }
        let v = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
        Ok(Colour {
            r: (v >> 16) as u8,
            g: (v >> 8) as u8,
            b: v as u8,
        })
    }

    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }

    /// Whether dark text reads better than white on this colour.
    pub fn prefers_dark_text(self) -> bool {
        self.readable_text() != Colour::WHITE
    }
}

impl std::str::FromStr for Colour {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Colour::parse(s)
    }
}

impl std::fmt::Display for Colour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

impl TryFrom<String> for Colour {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Colour::parse(&s)
    }
}

impl From<Colour> for String {
    fn from(c: Colour) -> String {
        c.hex()
    }
}

/// A badge category: who someone is at the event, and where they may go by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    /// `[A-Z0-9]{1,8}`, signed into the credential.
    pub code: String,
    pub name: String,
    pub colour: Colour,
    pub default_zones: ZoneSet,
    pub order: i32,
    pub default_quota: Option<u32>,
}

impl Category {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !is_code(&self.code, 8) {
            errors.push(FieldError::new(
                "code",
                "must be 1 to 8 capital letters or digits",
            ));
        }
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        if self.name.chars().count() > 60 {
            errors.push(FieldError::new("name", "is longer than 60 characters"));
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        let c = Colour::parse("#1f6fb2").unwrap();
        assert_eq!(c.hex(), "#1F6FB2");
        assert!(!c.prefers_dark_text());
        assert!(Colour::parse("#FFD500").unwrap().prefers_dark_text());
        let e = Colour::parse("blue").unwrap_err();
        assert!(e.contains("\"blue\" is not a colour"), "{e}");
    }
}
