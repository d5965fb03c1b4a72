//! The pointer in the document view: hovering a span (with its tooltip), selecting text
//! by click, drag, double-click and shift-click, dragging a span's ends, snapping a
//! selection to whole words, and moving a span end one grapheme by the keyboard.

use super::{DocView, Drag, HANDLE_REACH, Input, describe, ordered};
use crate::model::{CharRange, Span, SpanId};
use crate::text::{Affinity, next_grapheme, prev_grapheme, snap_to_words, word_at};
use crate::ui::Action;
use egui::{Pos2, Ui};

impl DocView {
    /// The innermost span of the editable layer under the pointer, with a tooltip.
    pub(super) fn hovered_span<'s>(
        &self,
        input: &Input<'s>,
        origin: Pos2,
        response: &egui::Response,
    ) -> Option<&'s Span> {
        let cached = self.cached.as_ref()?;
        let pos = response.hover_pos()?;
        let at = cached.layout.hit_test(pos.x - origin.x, pos.y - origin.y).char_under?;
        let contains = |s: &&Span| s.start.0 <= at && at < s.end.0;
        let own = input.frame.spans.iter().filter(contains).min_by_key(|s| s.range().len());
        let mut lines: Vec<String> = own.iter().map(|s| describe(&input.frame.project.labels, s)).collect();
        for other in &input.others {
            lines.extend(
                other.spans.iter().filter(contains).map(|s| describe(&input.frame.project.labels, s)),
            );
        }
        if !lines.is_empty() {
            response.clone().on_hover_ui_at_pointer(|ui| {
                for line in &lines {
                    crate::ui::wrapped_label(ui, line);
                }
            });
        }
        own
    }

    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        input: &Input<'_>,
        origin: Pos2,
        response: &egui::Response,
        hovered: Option<&Span>,
        actions: &mut Vec<Action>,
    ) {
        let Some(cached) = &self.cached else { return };
        let layout = &cached.layout;
        let (shift, alt) = ui.input(|i| (i.modifiers.shift, i.modifiers.alt));
        let hit_at = |pos: Pos2| layout.hit_test(pos.x - origin.x, pos.y - origin.y);
        if response.drag_started()
            && let Some(press) = ui.input(|i| i.pointer.press_origin())
        {
            response.request_focus();
            self.drags += 1;
            self.drag = match self.boundary_under(input, origin, press) {
                Some((span, start_end)) => Some(Drag::Boundary { span, start_end, key: self.drags }),
                None => {
                    let anchor = match (shift, input.frame.view.selection, self.anchor) {
                        (true, Some(_), Some(anchor)) => anchor,
                        _ => hit_at(press).offset,
                    };
                    self.anchor = Some(anchor);
                    Some(Drag::Select { anchor })
                }
            };
        }
        if response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let head = hit_at(pos).offset;
            match self.drag {
                Some(Drag::Select { anchor }) => {
                    let range = ordered(anchor, head);
                    let range = if alt { range } else { self.snap(&input.doc.text, range) };
                    let selection = Some(range).filter(|r| !r.is_empty());
                    // Only a change is an action: holding the button still asks for nothing.
                    if selection != input.frame.view.selection {
                        actions.push(Action::SetSelection(selection));
                    }
                }
                Some(Drag::Boundary { span, start_end, key }) if resizes(input, span, start_end, head) => {
                    actions.push(Action::Resize { span, start_end, to: head, drag: Some(key) });
                }
                Some(Drag::Boundary { .. }) | None => {}
            }
        }
        if response.drag_stopped() {
            if matches!(self.drag, Some(Drag::Boundary { .. })) {
                actions.push(Action::EndDrag);
            }
            self.drag = None;
        }
        if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if let Some(word) = hit_at(pos).char_under.and_then(|at| self.word_at(&input.doc.text, at)) {
                self.anchor = Some(word.start.0);
                actions.push(Action::SetSelection(Some(word)));
            }
        } else if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            response.request_focus();
            let hit = hit_at(pos);
            match (shift, input.frame.view.selection, self.anchor) {
                (true, Some(_), Some(anchor)) => {
                    let range = ordered(anchor, hit.offset);
                    let range = if alt { range } else { self.snap(&input.doc.text, range) };
                    actions.push(Action::SetSelection(Some(range)));
                }
                _ => match hovered {
                    Some(span) => actions.push(Action::SelectSpan(Some(span.id))),
                    None => {
                        self.anchor = Some(hit.offset);
                        actions.push(Action::SetSelection(None));
                        actions.push(Action::SelectSpan(None));
                    }
                },
            }
        }
    }

    /// The selected span's end near `pos`, if any: (span, true for its start).
    fn boundary_under(&self, input: &Input<'_>, origin: Pos2, pos: Pos2) -> Option<(SpanId, bool)> {
        let layout = &self.cached.as_ref()?.layout;
        let span = input.frame.spans.iter().find(|s| Some(s.id) == input.frame.view.selected_span)?;
        for (at, affinity, is_start) in
            [(span.start.0, Affinity::Downstream, true), (span.end.0, Affinity::Upstream, false)]
        {
            let caret = layout.caret(at, affinity);
            let x = origin.x + caret.x;
            let top = origin.y + caret.top;
            if (pos.x - x).abs() <= HANDLE_REACH && pos.y >= top && pos.y <= top + caret.height {
                return Some((span.id, is_start));
            }
        }
        None
    }

    /// `range` grown to whole words, looking only at the paragraphs it touches.
    fn snap(&self, text: &str, range: CharRange) -> CharRange {
        let Some(cached) = &self.cached else { return range };
        let layout = &cached.layout;
        let para = |at: usize| layout.paragraphs.get(layout.paragraph_of(at)).map(|p| p.range());
        let (Some(first), Some(last)) =
            (para(range.start.0), para(range.end.0.saturating_sub(1).max(range.start.0)))
        else {
            return range;
        };
        let slice = |r: CharRange| self.index().slice(text, r).unwrap_or("");
        let start_para = slice(first);
        let local_end = if first == last { range.end.0 - first.start.0 } else { first.len() };
        let snapped_start =
            snap_to_words(start_para, CharRange::new(range.start.0 - first.start.0, local_end));
        let start = first.start.0 + snapped_start.start.0;
        let end = if first == last {
            first.start.0 + snapped_start.end.0
        } else {
            let end_para = slice(last);
            let snapped =
                snap_to_words(end_para, CharRange::new(0, range.end.0.saturating_sub(last.start.0)));
            last.start.0 + snapped.end.0
        };
        CharRange::new(start, end.max(start))
    }

    fn word_at(&self, text: &str, at: usize) -> Option<CharRange> {
        let cached = self.cached.as_ref()?;
        let p = cached.layout.paragraphs.get(cached.layout.paragraph_of(at))?;
        let para = self.index().slice(text, p.range()).ok()?;
        let word = word_at(para, at - p.start)?;
        Some(CharRange::new(word.start.0 + p.start, word.end.0 + p.start))
    }

    /// Where the end (or, with `is_start`, the start) of `span` goes when moved one
    /// grapheme to the left or right on screen, in the visual direction of its paragraph.
    pub fn nudged(&self, text: &str, span: CharRange, is_start: bool, left: bool) -> Option<usize> {
        let layout = &self.cached.as_ref()?.layout;
        let at = if is_start { span.start.0 } else { span.end.0 };
        let p = layout.paragraphs.get(layout.paragraph_of(at.saturating_sub(usize::from(!is_start))))?;
        let para = self.index().slice(text, p.range()).ok()?;
        let forward = left == p.layout.rtl;
        let local = at.saturating_sub(p.start);
        Some(p.start + if forward { next_grapheme(para, local) } else { prev_grapheme(para, local) })
    }
}

/// Whether moving one end of span `id` to `to` changes it.
fn resizes(input: &Input<'_>, id: SpanId, start_end: bool, to: usize) -> bool {
    input
        .frame
        .spans
        .iter()
        .find(|s| s.id == id)
        .is_some_and(|s| crate::session::edits::resized_range(s.range(), start_end, to).is_some())
}
