//! The text-size setting for older members; kept between visits.

use crate::platform::settings::{TEXT_SCALES, set_text_scale, text_scale};
use leptos::prelude::*;

/// The size of each button's "A", growing like the text it sets.
const GLYPH_SIZES: [&str; 3] = ["font-size: 0.8em", "font-size: 0.95em", "font-size: 1.1em"];

/// Buttons choosing the text size.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let current = RwSignal::new(text_scale());
    view! {
        <div class="text-size" role="group" aria-label="Cỡ chữ">
            {TEXT_SCALES.iter().enumerate().map(|(i, (scale, label))| {
                let scale = *scale;
                view! {
                    <button type="button" class="size" aria-label=*label title=*label
                        aria-pressed=move || (current.get() == scale).to_string()
                        on:click=move |_| { set_text_scale(scale); current.set(scale); }>
                        <span aria-hidden="true" style=GLYPH_SIZES[i]>"A"</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}
