//! egui code: the panels and widgets of the window.
