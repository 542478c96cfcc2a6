//! "Xem trong tài liệu": under an answer's source, a link to the material's text at the quoted
//! passage, shown only when the deployment serves that text (asked once per material, with a
//! request that downloads nothing). Only in the member's app: the trainers' preview has no
//! [`AppState`] and shows no link.

use crate::app::AppState;
use crate::components::link::Link;
use crate::load::material_text;
use crate::platform::fetch;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::model::Material;
use ontap_core::route::Route;

/// The link to `quote` in `material`'s text, once its text is known to be served.
#[component]
pub fn SourceLink(material: Option<Material>, quote: String) -> impl IntoView {
    let (Some(state), Some(material)) = (use_context::<AppState>(), material) else { return ().into_any() };
    let served = state.material_texts;
    let file = material.text_file.clone();
    if served.with_untracked(|s| !s.contains_key(&file)) {
        served.update(|s| {
            s.insert(file.clone(), false);
        });
        let asked = file.clone();
        spawn_local(async move {
            if fetch::exists(&material_text(&asked)).await {
                let _ = served.try_update(|s| s.insert(asked, true));
            }
        });
    }
    let to = Route::Material { material: material.id.to_string(), quote };
    view! {
        {move || served.with(|s| s.get(&file) == Some(&true)).then(|| view! {
            <p class="see-source"><Link to=to.clone() class="button">"Xem trong tài liệu"</Link></p>
        })}
    }
    .into_any()
}
