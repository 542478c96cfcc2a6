//! One question, answerable by mouse, touch and keyboard: radio and checkbox groups, a text
//! field, up/down buttons for ordering (no drag and drop needed) and a select per matching row.
//! All text is rendered as text, never as markup.

use crate::platform::dom::focus_later;
use leptos::prelude::*;
use ontap_core::Question;
use ontap_core::model::{QuestionKind, index_letter};
use ontap_core::score::Response;

/// Where a question view reads and writes the member's answer: a signal of its own (practice)
/// or a slice of a larger state (an exam's item), so the answer has one copy.
#[derive(Clone, Copy)]
pub struct ResponseSlot {
    value: Signal<Option<Response>>,
    write: SignalSetter<Option<Response>>,
}

impl ResponseSlot {
    /// A slot reading `value` and writing through `write`.
    pub fn new(value: Signal<Option<Response>>, write: SignalSetter<Option<Response>>) -> Self {
        ResponseSlot { value, write }
    }

    /// The answer, tracked.
    pub fn get(&self) -> Option<Response> {
        self.value.get()
    }

    /// The answer, untracked.
    pub fn get_untracked(&self) -> Option<Response> {
        self.value.get_untracked()
    }

    /// Replaces the answer.
    pub fn set(&self, response: Option<Response>) {
        self.write.set(response);
    }

    /// Changes the answer in place.
    pub fn update(&self, change: impl FnOnce(&mut Option<Response>)) {
        let mut response = self.get_untracked();
        change(&mut response);
        self.set(response);
    }
}

impl From<RwSignal<Option<Response>>> for ResponseSlot {
    fn from(signal: RwSignal<Option<Response>>) -> Self {
        ResponseSlot::new(signal.into(), signal.into())
    }
}

/// The response after pressing number key `n` (1-based) on a choice question, if it means one.
pub fn pick_by_number(kind: &QuestionKind, order: &[usize], n: usize, current: Option<&Response>) -> Option<Response> {
    match kind {
        QuestionKind::Single { .. } => order.get(n.checked_sub(1)?).map(|&i| Response::Choice(vec![i])),
        QuestionKind::Multiple { .. } => {
            let i = *order.get(n.checked_sub(1)?)?;
            let mut picked = match current {
                Some(Response::Choice(v)) => v.clone(),
                _ => Vec::new(),
            };
            match picked.iter().position(|&p| p == i) {
                Some(at) => {
                    picked.remove(at);
                }
                None => picked.push(i),
            }
            Some(Response::Choice(picked))
        }
        QuestionKind::TrueFalse { .. } => match n {
            1 => Some(Response::TrueFalse(true)),
            2 => Some(Response::TrueFalse(false)),
            _ => None,
        },
        _ => None,
    }
}

/// The prompt with its blank shown as a visible gap.
fn blanked(prompt: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    for c in prompt.chars().chain(std::iter::once('\0')) {
        if c == '_' {
            run += 1;
            continue;
        }
        if run >= 3 {
            out.push_str("……");
        } else {
            out.extend(std::iter::repeat_n('_', run));
        }
        run = 0;
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// A question to answer. `response` holds the answer in file order; `locked` freezes it;
/// `reveal` marks the right options once the answer is in.
#[component]
pub fn QuestionView(
    /// The question.
    question: Question,
    /// Display order of its options, items or right-hand sides (file indices).
    order: Vec<usize>,
    /// The member's answer.
    #[prop(into)]
    response: ResponseSlot,
    /// No more changes.
    #[prop(into)]
    locked: Signal<bool>,
    /// Show which options are right.
    #[prop(into)]
    reveal: Signal<bool>,
    /// Unique per question on the page, for input names and ids.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let prompt_id = format!("{name}-prompt");
    match question.kind.clone() {
        QuestionKind::Single { options, correct } | QuestionKind::Multiple { options, correct } => {
            let multiple = matches!(question.kind, QuestionKind::Multiple { .. });
            let right = correct.indices();
            let rows = order
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let is_right = right.contains(&i);
                    let picked = move || matches!(response.get(), Some(Response::Choice(v)) if v.contains(&i));
                    let change = move |_| {
                        if multiple {
                            response.update(|r| {
                                let mut v = match r.take() {
                                    Some(Response::Choice(v)) => v,
                                    _ => Vec::new(),
                                };
                                match v.iter().position(|&p| p == i) {
                                    Some(at) => {
                                        v.remove(at);
                                    }
                                    None => v.push(i),
                                }
                                *r = Some(Response::Choice(v));
                            });
                        } else {
                            response.set(Some(Response::Choice(vec![i])));
                        }
                    };
                    view! {
                        <label class="option" class:picked=picked
                            class:right=move || reveal.get() && is_right
                            class:wrong=move || reveal.get() && !is_right && picked()>
                            <input type=if multiple { "checkbox" } else { "radio" } name=name.clone()
                                prop:checked=picked on:change=change/>
                            <span class="letter" aria-hidden="true">{format!("{}", index_letter(k))}</span>
                            <span class="text">{options[i].clone()}</span>
                            {move || reveal.get().then(|| {
                                if is_right { view! { <span class="mark">"✓ Đáp án đúng"</span> }.into_any() }
                                else if picked() { view! { <span class="mark">"✗ Bạn chọn"</span> }.into_any() }
                                else { ().into_any() }
                            })}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="question choices" disabled=move || locked.get()>
                    <legend class="prompt" id=prompt_id>{question.prompt.clone()}</legend>
                    {multiple.then(|| view! { <p class="hint">"Chọn tất cả đáp án đúng."</p> })}
                    {rows}
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::TrueFalse { answer } => {
            let rows = [(true, "Đúng"), (false, "Sai")]
                .into_iter()
                .enumerate()
                .map(|(k, (value, label))| {
                    let picked = move || response.get() == Some(Response::TrueFalse(value));
                    view! {
                        <label class="option" class:picked=picked
                            class:right=move || reveal.get() && answer == value
                            class:wrong=move || reveal.get() && answer != value && picked()>
                            <input type="radio" name=name.clone() prop:checked=picked
                                on:change=move |_| response.set(Some(Response::TrueFalse(value)))/>
                            <span class="letter" aria-hidden="true">{(k + 1).to_string()}</span>
                            <span class="text">{label}</span>
                            {move || (reveal.get() && answer == value).then(|| view! { <span class="mark">"✓ Đáp án đúng"</span> })}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="question choices" disabled=move || locked.get()>
                    <legend class="prompt" id=prompt_id>{question.prompt.clone()}</legend>
                    <p class="hint">"Nhận định trên đúng hay sai?"</p>
                    {rows}
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::FillBlank { .. } => {
            let input_id = format!("{name}-input");
            view! {
                <div class="question fill">
                    <p class="prompt" id=prompt_id>{blanked(&question.prompt)}</p>
                    <label for=input_id.clone()>"Điền vào chỗ trống:"</label>
                    <input id=input_id type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                        prop:value=move || match response.get() { Some(Response::Text(t)) => t, _ => String::new() }
                        prop:disabled=move || locked.get()
                        on:input=move |ev| response.set(Some(Response::Text(event_target_value(&ev))))/>
                </div>
            }
            .into_any()
        }
        QuestionKind::Ordering { items } => {
            // The order shown is the answer: record it at once, so "leave as is" is an answer too.
            if response.get_untracked().is_none() {
                response.set(Some(Response::Order(order.clone())));
            }
            let initial = order.clone();
            let current = move || match response.get() {
                Some(Response::Order(v)) => v,
                _ => initial.clone(),
            };
            let name2 = name.clone();
            let list = move || {
                let placed = current();
                let n = placed.len();
                placed
                    .iter()
                    .enumerate()
                    .map(|(pos, &i)| {
                        let text = items[i].clone();
                        let up_id = format!("{name2}-up-{i}");
                        let down_id = format!("{name2}-down-{i}");
                        let shift = move |delta: isize, focus: String| {
                            response.update(|r| {
                                if let Some(Response::Order(v)) = r {
                                    let to = pos as isize + delta;
                                    if to >= 0 && (to as usize) < v.len() {
                                        v.swap(pos, to as usize);
                                    }
                                }
                            });
                            focus_later(focus);
                        };
                        let (up_focus, down_focus) = (up_id.clone(), down_id.clone());
                        view! {
                            <li class="order-item">
                                <span class="pos" aria-hidden="true">{(pos + 1).to_string()}</span>
                                <span class="text">{text.clone()}</span>
                                <span class="moves">
                                    <button type="button" id=up_id aria-label=format!("Đưa “{text}” lên")
                                        disabled=move || locked.get() || pos == 0
                                        on:click=move |_| shift(-1, up_focus.clone())>"↑"</button>
                                    <button type="button" id=down_id aria-label=format!("Đưa “{text}” xuống")
                                        disabled=move || locked.get() || pos + 1 == n
                                        on:click=move |_| shift(1, down_focus.clone())>"↓"</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            };
            view! {
                <div class="question ordering">
                    <p class="prompt" id=prompt_id.clone()>{question.prompt.clone()}</p>
                    <p class="hint">"Dùng nút ↑ ↓ để sắp xếp; thứ tự đang hiển thị là câu trả lời."</p>
                    <ol class="order-list" aria-labelledby=prompt_id>{list}</ol>
                </div>
            }
            .into_any()
        }
        QuestionKind::Matching { pairs } => {
            let n = pairs.len();
            let rows = pairs
                .iter()
                .enumerate()
                .map(|(li, pair)| {
                    let select_id = format!("{name}-m{li}");
                    let chosen = move || match response.get() {
                        Some(Response::Match(v)) => v.get(li).copied().flatten(),
                        _ => None,
                    };
                    let options = order
                        .iter()
                        .map(|&j| {
                            let text = pairs[j].right.clone();
                            view! { <option value=j.to_string() prop:selected=move || chosen() == Some(j)>{text}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="match-row">
                            <label for=select_id.clone()>{pair.left.clone()}</label>
                            <select id=select_id prop:disabled=move || locked.get() on:change=move |ev| {
                                let value = event_target_value(&ev).parse::<usize>().ok();
                                response.update(|r| {
                                    let mut v = match r.take() { Some(Response::Match(v)) => v, _ => vec![None; n] };
                                    v[li] = value;
                                    *r = Some(Response::Match(v));
                                });
                            }>
                                <option value="" prop:selected=move || chosen().is_none()>"— Chọn —"</option>
                                {options}
                            </select>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="question matching">
                    <p class="prompt" id=prompt_id>{question.prompt.clone()}</p>
                    <p class="hint">"Chọn vế phải tương ứng với từng vế trái."</p>
                    {rows}
                </div>
            }
            .into_any()
        }
    }
}
