//! A link to a screen: a real `<a href>` (so it can be opened in a new tab or copied) that
//! navigates inside the app on a plain click.

use crate::app::AppState;
use leptos::prelude::*;
use ontap_core::route::Route;

/// A link to `to`.
#[component]
pub fn Link(
    /// Where it goes.
    to: Route,
    /// Extra CSS class.
    #[prop(optional, into)]
    class: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = to.to_query();
    view! {
        <a href=href class=class on:click=move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            state.navigate(to.clone());
        }>{children()}</a>
    }
}
