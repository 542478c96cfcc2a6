//! A QR code drawn as one SVG path (black modules on a white square with the quiet zone), from
//! the `qrcode` crate's module matrix. The text is encoded, never inserted as markup.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode as Matrix};

/// Modules of white margin around the code, as the standard asks.
const QUIET: usize = 4;

/// The path drawing the dark modules of `text`'s QR code, and the side of the whole square;
/// `None` when the text is too long for a QR code.
fn path(text: &str) -> Option<(String, usize)> {
    let code = Matrix::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width + QUIET, i / width + QUIET));
        }
    }
    Some((d, width + 2 * QUIET))
}

/// `text` as a QR code, labelled `label` for screen readers.
#[component]
pub fn QrCode(text: String, label: &'static str) -> impl IntoView {
    path(&text).map(|(d, side)| {
        view! {
            <svg class="qr" style="display:block;width:12rem;max-width:100%;height:auto;margin:0.5rem 0" viewBox=format!("0 0 {side} {side}") role="img" aria-label=label
                shape-rendering="crispEdges">
                <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                <path d=d fill="#000"/>
            </svg>
        }
    })
}
