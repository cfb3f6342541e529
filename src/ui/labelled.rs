//! A widget with its label before it, the label naming it for screen readers (and for tests, which find
//! fields by their label).

/// Adds `label` then `widget` on the current line; the widget's response is labelled by the label.
pub fn labelled(
    ui: &mut egui::Ui,
    label: impl Into<egui::WidgetText>,
    widget: impl egui::Widget,
) -> egui::Response {
    let label = ui.label(label);
    ui.add(widget).labelled_by(label.id)
}
