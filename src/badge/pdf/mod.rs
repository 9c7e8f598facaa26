//! Writing the badge PDF: content streams, images, fonts, file structure.

pub mod content;
pub mod embed;
pub mod image;
pub mod writer;
