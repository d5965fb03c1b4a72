//! The one text field of the window, single- and multi-line, for every place a person
//! types (a note, a name, search, labels, patterns, the file chooser's path).
//!
//! It shows its text as a browser shows `<input dir="auto">` and `<textarea dir="auto">`:
//! laid out by the same engine as the document (bidi, shaping, line breaking), right-aligned
//! when a paragraph reads right to left, with the caret and the selection drawn where the
//! characters are. The editing rules are the egui-free [`EditState`]; this file turns
//! egui's events into its calls and paints what it says.

use super::EngineText;
use crate::text::{DocLayout, EditState, Motion};
use egui::{Event, EventFilter, Id, Key, Modifiers, Pos2, Rect, Response, Sense, Ui, Vec2};

/// Laying a one-line field out this wide keeps it on one line.
const ONE_LINE: f32 = 100_000.0;

/// Space between the frame and the text.
const MARGIN: Vec2 = Vec2::new(4.0, 2.0);

/// What a field keeps between frames (in egui's memory, under the field's id).
#[derive(Clone, Debug)]
struct Memory {
    edit: EditState,
    /// The text as the field last saw it: a different one was changed from outside.
    text: String,
    /// How far a one-line field's text is moved sideways to keep the caret in view.
    scroll: f32,
}

/// A text field: build it, then [`TextField::show`] it.
#[must_use = "call .show(ui, engine) to draw the field"]
pub struct TextField<'t> {
    text: &'t mut String,
    multiline: bool,
    id: Option<Id>,
    hint: String,
    width: Option<f32>,
    rows: usize,
    char_limit: Option<usize>,
}

/// What a field did this frame.
pub struct FieldOutput {
    /// `changed()` when the text changed; `has_focus()`, `lost_focus()` as for any widget.
    pub response: Response,
    /// Enter in a one-line field, Ctrl+Enter in a multi-line one.
    pub submitted: bool,
}

impl<'t> TextField<'t> {
    /// A one-line field: Enter submits, a pasted newline becomes a space.
    pub fn singleline(text: &'t mut String) -> Self {
        Self { text, multiline: false, id: None, hint: String::new(), width: None, rows: 1, char_limit: None }
    }

    /// A multi-line field: Enter starts a new line, Ctrl+Enter submits.
    pub fn multiline(text: &'t mut String) -> Self {
        Self { rows: 3, multiline: true, ..Self::singleline(text) }
    }

    /// A stable id (to give the field focus from outside).
    pub fn id(mut self, id: Id) -> Self {
        self.id = Some(id);
        self
    }

    /// Grey text shown while the field is empty.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// Width in points (`f32::INFINITY`: all there is).
    pub fn desired_width(mut self, width: f32) -> Self {
        self.width = Some(width);
        self
    }

    /// Lines shown at least (multi-line fields grow with their text).
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    /// At most this many characters (a typed one replaces the rest).
    pub fn char_limit(mut self, limit: usize) -> Self {
        self.char_limit = Some(limit);
        self
    }

    /// Draws the field and applies this frame's input to it.
    pub fn show(self, ui: &mut Ui, engine: &mut EngineText) -> FieldOutput {
        let size = egui::TextStyle::Body.resolve(ui.style()).size.max(super::theme::FIELD_FONT_SIZE);
        let line_height = engine.fonts.metrics(size).line_height();
        let width = match self.width {
            Some(w) if w.is_finite() => w.min(ui.available_width()),
            Some(_) => ui.available_width(),
            None => ui.spacing().text_edit_width.min(ui.available_width()),
        }
        .max(2.0 * MARGIN.x + size);
        let wrap = if self.multiline { width - 2.0 * MARGIN.x } else { ONE_LINE };
        let lines = if self.multiline {
            let shown = engine.layout(self.text, wrap, size);
            (shown.height / line_height).round().max(self.rows as f32)
        } else {
            1.0
        };
        let desired = Vec2::new(width, lines * line_height + 2.0 * MARGIN.y);
        let (auto_id, rect) = ui.allocate_space(desired);
        let id = self.id.unwrap_or(auto_id);
        let mut response = ui.interact(rect, id, Sense::click_and_drag());
        let ctx = ui.ctx().clone();
        let mut memory: Memory = ctx.data_mut(|d| d.get_temp(id)).unwrap_or_else(|| Memory {
            edit: EditState::new(self.text, self.multiline),
            text: self.text.clone(),
            scroll: 0.0,
        });
        if memory.text != *self.text {
            memory.edit = EditState::new(self.text, self.multiline);
        }
        memory.edit.clamp(self.text);
        let inner = rect.shrink2(MARGIN);
        let mut field = Field { text: self.text, memory, engine, wrap, size, multiline: self.multiline };

        if response.clicked() || response.drag_started() {
            response.request_focus();
        }
        let origin = field.origin(inner);
        field.pointer(ui, &response, origin);
        let focused = response.has_focus();
        let mut submitted = false;
        let before = field.text.clone();
        if focused {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    EventFilter { horizontal_arrows: true, vertical_arrows: true, tab: false, escape: false },
                );
            });
            submitted = field.keyboard(ui);
            if let Some(limit) = self.char_limit {
                field.limit(limit);
            }
        }
        if *field.text != before {
            response.mark_changed();
        }
        let shown = field.layout();
        field.keep_caret_in_view(&shown, inner);
        let origin = field.origin(inner);
        if ui.is_rect_visible(rect) {
            field.paint(ui, &response, rect, inner, origin, &shown, &self.hint);
        }
        if focused {
            field.ime_output(ui, inner, origin, &shown);
        }
        if response.hovered() {
            ctx.set_cursor_icon(egui::CursorIcon::Text);
        }
        let Field { text, mut memory, .. } = field;
        memory.text.clone_from(text);
        let value = text.clone();
        let hint = self.hint;
        response.widget_info(|| egui::WidgetInfo::text_edit(true, &before, &value, &hint));
        ctx.data_mut(|d| d.insert_temp(id, memory));
        FieldOutput { response, submitted }
    }
}

/// Whether a [`TextField`] has the keyboard (the window's keys then type).
pub fn focused(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused()).is_some_and(|id| ctx.data(|d| d.get_temp::<Memory>(id).is_some()))
}

/// One field while it is shown.
struct Field<'a, 't> {
    text: &'t mut String,
    memory: Memory,
    engine: &'a mut EngineText,
    wrap: f32,
    size: f32,
    multiline: bool,
}

impl Field<'_, '_> {
    fn layout(&mut self) -> DocLayout {
        self.engine.layout(self.text, self.wrap, self.size)
    }

    /// Where the layout's (0, 0) is on screen.
    fn origin(&mut self, inner: Rect) -> Pos2 {
        if self.multiline {
            return inner.min;
        }
        let shown = self.layout();
        let (min_x, max_x, rtl) = extent(&shown);
        let dx = if rtl { inner.right() - max_x } else { inner.left() - min_x };
        Pos2::new(dx + self.memory.scroll, inner.top())
    }

    /// Moves a one-line field's text so the caret stays inside it.
    fn keep_caret_in_view(&mut self, shown: &DocLayout, inner: Rect) {
        if self.multiline {
            return;
        }
        let (min_x, max_x, rtl) = extent(shown);
        let dx = if rtl { inner.right() - max_x } else { inner.left() - min_x };
        let caret = shown.caret(self.memory.edit.selection().cursor, self.memory.edit.affinity());
        let x = caret.x + dx + self.memory.scroll;
        if x < inner.left() + 1.0 {
            self.memory.scroll += inner.left() + 1.0 - x;
        } else if x > inner.right() - 1.0 {
            self.memory.scroll -= x - inner.right() + 1.0;
        }
        let overflow = (max_x - min_x - inner.width() + 2.0).max(0.0);
        self.memory.scroll = if rtl {
            self.memory.scroll.clamp(0.0, overflow)
        } else {
            self.memory.scroll.clamp(-overflow, 0.0)
        };
    }

    /// Clicks, drags, double and triple clicks.
    fn pointer(&mut self, ui: &Ui, response: &Response, origin: Pos2) {
        let Some(pos) = response.interact_pointer_pos() else { return };
        let shown = self.layout();
        let hit = shown.hit_test(pos.x - origin.x, pos.y - origin.y);
        let at = hit.char_under.unwrap_or(hit.offset);
        let (pressed, shift) = ui.input(|i| (i.pointer.any_pressed(), i.modifiers.shift));
        let edit = &mut self.memory.edit;
        if response.triple_clicked() {
            edit.select_paragraph_at(self.text, at);
        } else if response.double_clicked() {
            edit.select_word_at(self.text, at);
        } else if response.clicked() || (pressed && response.is_pointer_button_down_on()) {
            // A press and its release can come in one frame (a fast click): then only
            // `clicked` tells of it.
            edit.place(hit.offset, hit.affinity, shift);
        } else if response.dragged() {
            edit.place(hit.offset, hit.affinity, true);
        }
    }

    /// This frame's typing, keys, clipboard and input-method events. Returns whether the
    /// field was submitted.
    fn keyboard(&mut self, ui: &Ui) -> bool {
        let events = ui.input(|i| i.events.clone());
        let mut submitted = false;
        for event in events {
            match event {
                Event::Text(typed) => self.memory.edit.insert(self.text, &typed),
                Event::Paste(pasted) => self.memory.edit.insert(self.text, &pasted),
                Event::Copy => {
                    let selected = self.memory.edit.selected_text(self.text);
                    if !selected.is_empty() {
                        ui.ctx().copy_text(selected.to_string());
                    }
                }
                Event::Cut => {
                    if let Some(cut) = self.memory.edit.cut(self.text) {
                        ui.ctx().copy_text(cut);
                    }
                }
                Event::Key { key, pressed: true, modifiers, .. } => {
                    submitted |= self.key(key, modifiers);
                }
                Event::Ime(ime) => self.ime(ime),
                _ => {}
            }
        }
        submitted
    }

    /// One key press; returns whether it submits the field.
    fn key(&mut self, key: Key, modifiers: Modifiers) -> bool {
        let word = modifiers.command || modifiers.ctrl;
        let shift = modifiers.shift;
        let motion = match key {
            Key::ArrowLeft if word => Some(Motion::WordLeft),
            Key::ArrowRight if word => Some(Motion::WordRight),
            Key::ArrowLeft => Some(Motion::Left),
            Key::ArrowRight => Some(Motion::Right),
            Key::ArrowUp => Some(if self.multiline { Motion::Up } else { Motion::LineStart }),
            Key::ArrowDown => Some(if self.multiline { Motion::Down } else { Motion::LineEnd }),
            Key::Home => Some(if word { Motion::TextStart } else { Motion::LineStart }),
            Key::End => Some(if word { Motion::TextEnd } else { Motion::LineEnd }),
            _ => None,
        };
        if let Some(motion) = motion {
            let shown = self.layout();
            self.memory.edit.move_caret(self.text, &shown, motion, shift);
            return false;
        }
        let edit = &mut self.memory.edit;
        match key {
            Key::Backspace => edit.backspace(self.text, word),
            Key::Delete => edit.delete(self.text, word),
            Key::Enter if self.multiline && !word => edit.insert(self.text, "\n"),
            Key::Enter => return true,
            Key::A if word => edit.select_all(self.text),
            Key::Z if word && shift => {
                edit.redo(self.text);
            }
            Key::Z if word => {
                edit.undo(self.text);
            }
            Key::Y if word => {
                edit.redo(self.text);
            }
            _ => {}
        }
        false
    }

    fn ime(&mut self, ime: egui::ImeEvent) {
        let edit = &mut self.memory.edit;
        match ime {
            egui::ImeEvent::Preedit { text, .. } => edit.preedit_text(self.text, &text),
            egui::ImeEvent::Commit(text) => edit.commit(self.text, &text),
            egui::ImeEvent::DeleteSurrounding { before_chars, after_chars } => {
                edit.delete_surrounding(self.text, before_chars, after_chars);
            }
            _ => {}
        }
    }

    /// Keeps at most `limit` characters: the one typed last wins.
    fn limit(&mut self, limit: usize) {
        let len = self.text.chars().count();
        if len <= limit {
            return;
        }
        let cursor = self.memory.edit.selection().cursor;
        let from = cursor.saturating_sub(limit).min(len - limit);
        *self.text = self.text.chars().skip(from).take(limit).collect();
        self.memory.edit = EditState::new(self.text, self.multiline);
    }

    #[allow(clippy::too_many_arguments)]
    fn paint(
        &mut self,
        ui: &Ui,
        response: &Response,
        rect: Rect,
        inner: Rect,
        origin: Pos2,
        shown: &DocLayout,
        hint: &str,
    ) {
        let visuals = ui.visuals();
        let focused = response.has_focus();
        let stroke = if focused {
            visuals.selection.stroke
        } else if response.hovered() {
            visuals.widgets.hovered.bg_stroke
        } else {
            visuals.widgets.inactive.bg_stroke
        };
        let radius = visuals.widgets.inactive.corner_radius;
        ui.painter().rect(rect, radius, visuals.extreme_bg_color, stroke, egui::StrokeKind::Inside);
        let painter = ui.painter_at(inner.expand(1.0));
        let ctx = ui.ctx().clone();
        let selection = self.memory.edit.selection();
        if !selection.is_empty() {
            for r in shown.highlight(selection.range()) {
                let r = Rect::from_min_max(origin + Vec2::new(r.x0, r.y0), origin + Vec2::new(r.x1, r.y1));
                painter.rect_filled(r, 0.0, visuals.selection.bg_fill);
            }
        }
        if self.text.is_empty() && !hint.is_empty() {
            let hint_layout = self.engine.layout(hint, self.wrap, self.size);
            let (min_x, max_x, rtl) = extent(&hint_layout);
            let at = if self.multiline {
                inner.min
            } else {
                Pos2::new(if rtl { inner.right() - max_x } else { inner.left() - min_x }, inner.top())
            };
            self.paint_text(&ctx, &painter, &hint_layout, at, visuals.weak_text_color());
        } else {
            self.paint_text(&ctx, &painter, shown, origin, visuals.text_color());
        }
        if let Some(preedit) = self.memory.edit.preedit() {
            for r in shown.highlight(preedit) {
                let y = origin.y + r.y1 - 1.0;
                let line = [Pos2::new(origin.x + r.x0, y), Pos2::new(origin.x + r.x1, y)];
                painter.line_segment(line, visuals.widgets.active.fg_stroke);
            }
        }
        if focused {
            let caret = shown.caret(selection.cursor, self.memory.edit.affinity());
            let x = origin.x + caret.x;
            let line =
                [Pos2::new(x, origin.y + caret.top), Pos2::new(x, origin.y + caret.top + caret.height)];
            // One pixel wide, as browsers draw it: a thick bar beside an alef reads as a letter.
            let stroke = egui::Stroke::new(1.0, visuals.text_cursor.stroke.color);
            painter.line_segment(line, stroke);
        }
    }

    fn paint_text(
        &mut self,
        ctx: &egui::Context,
        painter: &egui::Painter,
        shown: &DocLayout,
        origin: Pos2,
        color: egui::Color32,
    ) {
        let mut mesh = self.engine.mesh(ctx);
        for p in &shown.paragraphs {
            for line in &p.layout.lines {
                self.engine.push_line(ctx, &mut mesh, line, origin + Vec2::new(0.0, p.y), self.size, color);
            }
        }
        painter.add(mesh);
    }

    /// Tells the platform where the caret is, for an input method's window.
    fn ime_output(&self, ui: &Ui, inner: Rect, origin: Pos2, shown: &DocLayout) {
        let caret = shown.caret(self.memory.edit.selection().cursor, self.memory.edit.affinity());
        let top = origin + Vec2::new(caret.x, caret.top);
        let cursor = Rect::from_min_size(top, Vec2::new(1.0, caret.height));
        let to_global = ui.ctx().layer_transform_to_global(ui.layer_id()).unwrap_or_default();
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * inner,
                cursor_rect: to_global * cursor,
                should_interrupt_composition: false,
            });
        });
    }
}

/// The left and right ends of a one-line layout's text and whether it reads right to left.
fn extent(shown: &DocLayout) -> (f32, f32, bool) {
    let Some(p) = shown.paragraphs.first() else { return (0.0, 0.0, false) };
    let clusters = p.layout.lines.iter().flat_map(|l| l.clusters.iter());
    let (min, max) =
        clusters.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), c| (a.min(c.x0), b.max(c.x1)));
    if min > max {
        let x = if p.layout.rtl { shown.width } else { 0.0 };
        return (x, x, p.layout.rtl);
    }
    (min, max, p.layout.rtl)
}
