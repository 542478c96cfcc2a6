//! The text-size setting for older members; kept between visits.

use crate::platform::settings::{TEXT_SCALES, set_text_scale, text_scale};
use leptos::prelude::*;

use ontap_core::home::{TEXT_SCALE_GLYPHS as GLYPH_SIZES, TEXT_SIZE_LABEL};

/// Buttons choosing the text size.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let current = RwSignal::new(text_scale());
    view! {
        <div class="text-size" role="group" aria-label=TEXT_SIZE_LABEL>
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
