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

    /// Whether black text reads better than white on this colour (WCAG
    /// relative luminance).
    pub fn prefers_dark_text(self) -> bool {
        fn lin(c: u8) -> f64 {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        let l = 0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b);
        // Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05).
        (l + 0.05) / 0.05 > 1.05 / (l + 0.05)
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
        assert!(Colour::parse("blue").is_err());
    }
}
