//! Short messages in the corner: errors once, where the user looks, and confirmations.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    /// Done, but not all of it: something was left out.
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct Toast {
    pub kind: ToastKind,
    pub text: String,
    /// Seconds of app time left before it fades; errors stay longer.
    pub remaining: f32,
}

#[derive(Debug, Default)]
pub struct Toasts {
    items: Vec<Toast>,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Info, text.into(), Duration::from_secs(4));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Warning, text.into(), Duration::from_secs(12));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(ToastKind::Error, text.into(), Duration::from_secs(12));
    }

    fn push(&mut self, kind: ToastKind, text: String, life: Duration) {
        self.items.push(Toast {
            kind,
            text,
            remaining: life.as_secs_f32(),
        });
        if self.items.len() > 5 {
            self.items.remove(0);
        }
    }

    /// Ages the toasts by `dt` seconds and drops the expired ones.
    pub fn tick(&mut self, dt: f32) {
        for toast in &mut self.items {
            toast.remaining -= dt;
        }
        self.items.retain(|t| t.remaining > 0.0);
    }

    pub fn items(&self) -> &[Toast] {
        &self.items
    }

    pub fn dismiss(&mut self, index: usize) {
        if index < self.items.len() {
            self.items.remove(index);
        }
    }
}
