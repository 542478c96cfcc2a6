//! The place where a trainer chooses or drops files from their device: a labelled file field
//! in a zone that also takes dropped files. Used by every section that reads a trainer's file.

use crate::platform::files::{PickedFile, chosen_files, clear_chosen, dropped_files};
use crate::platform::later;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// What a [`DropZone`] does with the files it gets (or a section with files it holds): `each`
/// of them in turn, `busy` meanwhile (painted before the work starts), then `results` replaced
/// by theirs (emptied when none came).
pub fn each_file<F, T, Fut>(
    results: RwSignal<Vec<T>>,
    busy: RwSignal<bool>,
    each: impl Fn(F) -> Fut + Clone + 'static,
) -> impl Fn(Vec<F>) + Clone + 'static
where
    F: 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    move |files: Vec<F>| {
        if files.is_empty() {
            results.set(Vec::new());
            return;
        }
        busy.set(true);
        let each = each.clone();
        spawn_local(async move {
            later::next_task().await;
            let mut out = Vec::new();
            for file in files {
                out.push(each(file).await);
            }
            results.set(out);
            busy.set(false);
        });
    }
}

/// A file field (`field` is its id) with its label, in a drop zone (`zone` is its id);
/// `on_files` gets the files chosen or dropped (none when text or a link was dropped).
#[component]
pub fn DropZone(
    zone: &'static str,
    field: &'static str,
    label: &'static str,
    /// The `accept` attribute: the extensions offered in the file chooser.
    accept: &'static str,
    on_files: impl Fn(Vec<PickedFile>) + Clone + 'static,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_chosen = {
        let on_files = on_files.clone();
        move |_| {
            on_files(chosen_files(field));
            // Choosing the same file again (after editing it) reads it again.
            clear_chosen(field);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        on_files(dropped_files(&ev));
    };
    // A file dropped beside the zone must not make the browser leave the page to open it.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    view! {
        <div id=zone class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for=field>{label}</label>
            <input id=field type="file" accept=accept multiple on:change=on_chosen/>
            <p class="drop-hint" aria-hidden="true">"…hoặc kéo tệp thả vào khung này."</p>
        </div>
    }
}
