//! The question list: each question's number, type, first words and check status; filters by
//! problem, type and tag; open, move, duplicate and delete (undo brings it back).

use super::session::Session;
use crate::platform::dom::focus_later;
use leptos::prelude::*;
use ontap_core::edit::list::{Filter, first_words, status, tags};
use ontap_core::edit::{Edit, Place, QuestionType};

/// The list with its filters.
#[component]
pub fn QuestionList() -> impl IntoView {
    let session = expect_context::<Session>();
    let filter = RwSignal::new(Filter::default());
    let shown = Memo::new(move |_| {
        let f = filter.get();
        session.check.with(|c| session.editing.with(|e| f.keep(e.bank(), c)))
    });
    let total = move || session.editing.with(|e| e.bank().questions.len());
    let known_tags = move || session.editing.with(|e| tags(e.bank()));
    view! {
        <section class="question-list" aria-labelledby="list-heading">
            <h3 id="list-heading">{move || format!("Danh sách câu hỏi ({})", total())}</h3>
            <div class="filters row">
                <label class="check"><input type="checkbox" id="filter-problem"
                    prop:checked=move || filter.with(|f| f.with_problem)
                    on:change=move |ev| filter.update(|f| f.with_problem = event_target_checked(&ev))/>" Chỉ câu có lỗi, cảnh báo"</label>
                <label for="filter-type">"Loại"</label>
                <select id="filter-type" on:change=move |ev| filter.update(|f| f.ty = QuestionType::from_name(&event_target_value(&ev)))>
                    <option value="">"Tất cả"</option>
                    {QuestionType::ALL.iter().map(|t| view! { <option value=t.name()>{t.label()}</option> }).collect_view()}
                </select>
                <label for="filter-tag">"Nhãn"</label>
                <select id="filter-tag" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.tag = (!v.is_empty()).then_some(v));
                }>
                    <option value="">"Tất cả"</option>
                    {move || known_tags().into_iter().map(|t| { let v = t.clone(); view! { <option value=v>{t}</option> } }).collect_view()}
                </select>
            </div>
            <ol class="questions">
                {move || shown.get().into_iter().map(|i| view! { <Row index=i/> }).collect_view()}
            </ol>
            {move || (shown.with(Vec::is_empty) && total() > 0).then(|| view! { <p>"Không có câu nào khớp bộ lọc."</p> })}
        </section>
    }
}

#[component]
fn Row(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let count = move || session.editing.with(|e| e.bank().questions.len());
    let state = move || session.check.with(|c| status(c, index));
    let clean = move || session.check.with(|c| c.of(Place::Question(index)).next().is_none());
    let words = move || session.question(index).map(|q| first_words(&q)).unwrap_or_default();
    let label = move || session.question(index).map(|q| QuestionType::of(&q.kind).label()).unwrap_or_default();
    let number = index + 1;
    let open = move |_| {
        session.selected.set(Some(index));
        focus_later("form-heading".into());
    };
    let moved = move |to: usize| {
        session.edit(Edit::Move(index, to));
        if session.selected.get_untracked() == Some(index) {
            session.selected.set(Some(to));
        }
        session.status.set(format!("Đã chuyển câu {number} tới vị trí {}.", to + 1));
    };
    let current = move || (session.selected.get() == Some(index)).then_some("true");
    view! {
        <li class="question-row" class:current=move || current().is_some()>
            <button type="button" class="link open" aria-current=current on:click=open>
                <span class="type">{label}</span>" · "
                <span class="words">{words}</span>
            </button>
            <span class="state" class:clean=clean>{state}</span>
            <span class="row-actions">
                <button type="button" class="small" disabled=index == 0 on:click=move |_| moved(index - 1)>
                    "↑"<span class="sr-only">{format!(" Đưa câu {number} lên")}</span></button>
                <button type="button" class="small" disabled=move || { index + 1 >= count() } on:click=move |_| moved(index + 1)>
                    "↓"<span class="sr-only">{format!(" Đưa câu {number} xuống")}</span></button>
                <button type="button" class="small" on:click=move |_| {
                    session.edit(Edit::Duplicate(index));
                    session.selected.set(Some(index + 1));
                    session.status.set(format!("Đã nhân đôi câu {number}: bản sao là câu {}.", number + 1));
                }>"Nhân đôi"<span class="sr-only">{format!(" câu {number}")}</span></button>
                <button type="button" class="small" on:click=move |_| {
                    session.edit(Edit::Delete(index));
                    session.selected.set(None);
                    session.status.set(format!("Đã xoá câu {number}. Bấm “Hoàn tác” (Ctrl+Z) để lấy lại."));
                }>"Xoá"<span class="sr-only">{format!(" câu {number}")}</span></button>
            </span>
        </li>
    }
}
