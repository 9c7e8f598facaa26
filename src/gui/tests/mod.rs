//! Tests of the desk screens: a harness that runs a screen's tasks as the
//! runtime would (worker jobs included, widget operations dropped), and
//! `iced_test` simulations of the main flows on a demo store in a temporary
//! directory.

mod app;
mod clearance;
pub mod fixtures;
mod flows;
pub mod harness;
mod languages;
mod rail;
