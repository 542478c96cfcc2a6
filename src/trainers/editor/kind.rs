//! The fields each question type adds: options with the right one(s) marked, a true/false
//! verdict, accepted answers, ordered items, matching pairs. Every list entry can be edited,
//! moved up or down and removed with buttons (no drag and drop needed).

use super::field::{FieldMessages, input_id, invalid};
use super::session::Session;
use leptos::prelude::*;
use ontap_core::edit::live::{Field, Place, message_id};
use ontap_core::edit::ops::{entries, is_correct};
use ontap_core::edit::{Edit, List, QuestionType};
use ontap_core::model::{QuestionKind, index_letter};

/// The fields of question `index`'s type `ty`.
#[component]
pub fn KindFields(index: usize, ty: QuestionType) -> impl IntoView {
    match ty {
        QuestionType::Single | QuestionType::Multiple => view! {
            <Entries index=index list=List::Options legend="Các phương án (đánh dấu đáp án đúng)"/>
            <FieldMessages place=Place::Question(index) field=Field::Correct/>
            <Shuffle index=index/>
        }
        .into_any(),
        QuestionType::TrueFalse => view! { <Verdict index=index/> }.into_any(),
        QuestionType::FillBlank => view! {
            <Entries index=index list=List::Accepted legend="Các đáp án được chấp nhận"/>
            <Strict index=index/>
        }
        .into_any(),
        QuestionType::Ordering => {
            view! { <Entries index=index list=List::Items legend="Các mục, theo đúng thứ tự"/> }.into_any()
        }
        QuestionType::Matching => view! {
            <Entries index=index list=List::Left legend="Các cặp ghép đúng"/>
            <Shuffle index=index/>
        }
        .into_any(),
    }
}

/// What one entry of `list` is called: `Phương án B`, `Vế trái 2`.
fn entry_name(list: List, k: usize) -> String {
    match list {
        List::Options => format!("Phương án {}", index_letter(k)),
        List::Accepted => format!("Đáp án chấp nhận {}", k + 1),
        List::Items => format!("Mục {}", k + 1),
        List::Left => format!("Vế trái {}", k + 1),
        List::Right => format!("Vế phải {}", k + 1),
    }
}

fn add_label(list: List) -> &'static str {
    match list {
        List::Options => "Thêm phương án",
        List::Accepted => "Thêm đáp án chấp nhận",
        List::Items => "Thêm mục",
        List::Left | List::Right => "Thêm cặp",
    }
}

/// A list of entries with its messages and an "add" button.
#[component]
fn Entries(index: usize, list: List, legend: &'static str) -> impl IntoView {
    let session = expect_context::<Session>();
    let place = Place::Question(index);
    let count = Memo::new(move |_| {
        session.editing.with(|e| e.bank().questions.get(index).map_or(0, |q| entries(q, list).len()))
    });
    let add = move |_| {
        session.edit(Edit::AddEntry(index, list));
        let k = count.get_untracked().saturating_sub(1);
        crate::platform::dom::focus_later(input_id(place, Field::Entry(list, k)));
    };
    view! {
        <fieldset class="field entries" aria-describedby=message_id(place, Field::List(list))>
            <legend>{legend}</legend>
            <ol>{move || (0..count.get()).map(|k| view! { <EntryRow index=index list=list k=k count=count/> }).collect_view()}</ol>
            <FieldMessages place=place field=Field::List(list)/>
            <button type="button" on:click=add>{add_label(list)}</button>
        </fieldset>
    }
}

/// One text input of an entry (a pair's side for `Left`/`Right`).
#[component]
fn EntryInput(index: usize, list: List, k: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let place = Place::Question(index);
    let field = Field::Entry(list, k);
    let value = move || {
        session.editing.with(|e| {
            e.bank()
                .questions
                .get(index)
                .and_then(|q| entries(q, list).get(k).map(|s| s.to_string()))
                .unwrap_or_default()
        })
    };
    let id = input_id(place, field);
    view! {
        <label for=id.clone()>{entry_name(list, k)}</label>
        <input id=id type="text" aria-describedby=message_id(place, field) aria-invalid=invalid(session, place, field)
            prop:value=value on:input=move |ev| session.edit(Edit::Entry(index, list, k, event_target_value(&ev)))
            on:blur=move |_| session.seal()/>
        <FieldMessages place=place field=field/>
    }
}

#[component]
fn EntryRow(index: usize, list: List, k: usize, count: Memo<usize>) -> impl IntoView {
    let session = expect_context::<Session>();
    let name = entry_name(if list == List::Right { List::Left } else { list }, k);
    let moved = move |to: usize| {
        session.edit(Edit::MoveEntry(index, list, k, to));
        let shown = if list == List::Left { format!("Cặp {}", k + 1) } else { entry_name(list, k) };
        session.status.set(format!("Đã chuyển {shown} tới vị trí {}.", to + 1));
    };
    let texts = if list == List::Left {
        view! { <EntryInput index=index list=List::Left k=k/><EntryInput index=index list=List::Right k=k/> }.into_any()
    } else {
        view! { <EntryInput index=index list=list k=k/> }.into_any()
    };
    let mark = (list == List::Options).then(|| view! { <Correct index=index k=k/> });
    let subject = if list == List::Left { format!("cặp {}", k + 1) } else { name.to_lowercase() };
    view! {
        <li class="entry">
            {texts}
            {mark}
            <span class="entry-actions">
                <button type="button" class="small" disabled=move || k == 0 on:click=move |_| moved(k - 1)>
                    "↑"<span class="sr-only">{format!(" Đưa {subject} lên")}</span></button>
                <button type="button" class="small" disabled=move || { k + 1 >= count.get() } on:click=move |_| moved(k + 1)>
                    "↓"<span class="sr-only">{format!(" Đưa {subject} xuống")}</span></button>
                <button type="button" class="small" on:click=move |_| {
                    session.edit(Edit::RemoveEntry(index, list, k));
                    session.status.set("Đã xoá (Hoàn tác: Ctrl+Z).".into());
                }>"✕"<span class="sr-only">{format!(" Xoá {subject}")}</span></button>
            </span>
        </li>
    }
}

/// The "right answer" mark of option `k`: a radio for `single`, a checkbox for `multiple`.
#[component]
fn Correct(index: usize, k: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let multiple = move || {
        session
            .editing
            .with(|e| e.bank().questions.get(index).is_some_and(|q| matches!(q.kind, QuestionKind::Multiple { .. })))
    };
    let checked = move || session.editing.with(|e| e.bank().questions.get(index).is_some_and(|q| is_correct(q, k)));
    let id = format!("correct-q{index}-{k}");
    view! {
        <span class="correct">
            <input id=id.clone() type=move || if multiple() { "checkbox" } else { "radio" } name=format!("correct-q{index}")
                prop:checked=checked on:change=move |_| session.edit(Edit::Correct(index, k))/>
            <label for=id>{format!("Đáp án đúng ({})", index_letter(k))}</label>
        </span>
    }
}

#[component]
fn Verdict(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let answer = move || {
        session.editing.with(|e| {
            e.bank().questions.get(index).is_some_and(|q| matches!(q.kind, QuestionKind::TrueFalse { answer: true }))
        })
    };
    let name = format!("answer-q{index}");
    view! {
        <fieldset class="field" aria-describedby=message_id(Place::Question(index), Field::Answer)>
            <legend>"Nhận định này"</legend>
            <label><input type="radio" id=format!("answer-q{index}-true") name=name.clone() prop:checked=answer
                on:change=move |_| session.edit(Edit::Answer(index, true))/>" Đúng"</label>
            <label><input type="radio" id=format!("answer-q{index}-false") name=name prop:checked=move || !answer()
                on:change=move |_| session.edit(Edit::Answer(index, false))/>" Sai"</label>
            <FieldMessages place=Place::Question(index) field=Field::Answer/>
        </fieldset>
    }
}

#[component]
fn Strict(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let strict = move || {
        session.editing.with(|e| {
            e.bank()
                .questions
                .get(index)
                .is_some_and(|q| matches!(q.kind, QuestionKind::FillBlank { strict_diacritics: true, .. }))
        })
    };
    view! {
        <label class="check"><input type="checkbox" prop:checked=strict
            on:change=move |ev| session.edit(Edit::StrictDiacritics(index, event_target_checked(&ev)))/>
            " Bắt buộc gõ đúng dấu tiếng Việt"</label>
    }
}

#[component]
fn Shuffle(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let shuffle = move || session.editing.with(|e| e.bank().questions.get(index).is_some_and(|q| q.shuffle));
    view! {
        <label class="check"><input type="checkbox" prop:checked=shuffle
            on:change=move |ev| session.edit(Edit::Shuffle(index, event_target_checked(&ev)))/>
            " Trộn thứ tự khi hiển thị cho học viên"</label>
    }
}
