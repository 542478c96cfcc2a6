//! The exam (Thi thử): a visible timer, free movement between questions, flags, answers
//! changeable until submission, automatic submission when time runs out, no feedback before
//! the end; then the score out of 10 and a review of every question.

use crate::app::AppState;
use crate::components::feedback::Feedback;
use crate::components::link::Link;
use crate::components::question_view::QuestionView;
use crate::components::question_view::pick_by_number;
use crate::platform::clock::now_ms;
use crate::platform::dom::{focus_later, typing_in_field};
use crate::platform::nav;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::exam::{EXAM_KEY, Exam};
use ontap_core::present::decimal;
use ontap_core::progress::Mode;
use ontap_core::progress::store::Store;
use ontap_core::route::{ExamSpec, Route};
use ontap_core::score::Response;
use std::time::Duration;

/// `mm:ss` (or `h:mm:ss`) for a duration in ms, rounded up to whole seconds.
fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).ceil() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// An exam drawn from `spec`.
#[component]
pub fn ExamPage(
    /// Its settings and seed.
    spec: ExamSpec,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    // The same link reopened (a reload, a closed tab) resumes the unfinished exam.
    let resumed = LocalStore.read(EXAM_KEY).ok().flatten().and_then(|text| Exam::resume(&text, &spec));
    let exam = RwSignal::new(resumed.unwrap_or_else(|| Exam::start(&library, spec.clone(), now_ms())));
    let responses: Vec<RwSignal<Option<Response>>> =
        exam.with_untracked(|e| e.items.iter().map(|i| RwSignal::new(i.response.clone())).collect());
    // Every change is kept as it is made; a submitted exam leaves nothing to resume.
    {
        let responses = responses.clone();
        Effect::new(move |_| {
            let answers: Vec<Option<Response>> = responses.iter().map(|r| r.get()).collect();
            let text = exam.with(|e| {
                if e.is_submitted() {
                    return String::new();
                }
                let mut e = e.clone();
                for (i, r) in answers.into_iter().enumerate() {
                    e.respond(i, r);
                }
                e.snapshot()
            });
            let _ = LocalStore.write(EXAM_KEY, &text);
        });
    }
    // No update is offered while the exam runs (see `UpdateBanner`).
    let exam_running = state.exam_running;
    let in_progress = move || exam.with(|e| !e.is_submitted() && !e.items.is_empty());
    exam_running.set(in_progress());
    Effect::new(move |_| exam_running.set(in_progress()));
    on_cleanup(move || {
        let _ = exam_running.try_set(false);
    });
    let index = RwSignal::new(0usize);
    let now = RwSignal::new(now_ms());
    let confirming = RwSignal::new(false);
    let share = nav::absolute_url(&Route::Exam(spec.clone()).to_query());
    // Read in small closures only: reading it in the page's closure would re-render the
    // question (and drop the focus of a text field) on every keystroke.
    let answered = {
        let responses = responses.clone();
        Memo::new(move |_| responses.iter().filter(|r| r.get().is_some()).count())
    };

    let submit = {
        let responses = responses.clone();
        let state = state.clone();
        let lib = library.clone();
        move || {
            exam.update(|e| {
                for (i, r) in responses.iter().enumerate() {
                    e.respond(i, r.get_untracked());
                }
                e.submit(now_ms());
            });
            // Every answered question goes to the log (unanswered ones were not attempted).
            let (items, credits) = exam.with_untracked(|e| (e.items.clone(), e.result(&lib).credits));
            for (item, credit) in items.iter().zip(credits) {
                if item.response.is_some() {
                    state.record(&item.question, credit, Mode::Exam);
                }
            }
            focus_later("result-top".into());
        }
    };
    let tick = {
        let submit = submit.clone();
        move || {
            let t = now_ms();
            now.set(t);
            if !exam.with_untracked(Exam::is_submitted) && exam.with_untracked(|e| t >= e.deadline_ms()) {
                submit();
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }

    // Number keys pick options of the question shown, as in practice.
    let lib = library.clone();
    let key_responses = responses.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || typing_in_field()
            || exam.with_untracked(Exam::is_submitted)
        {
            return;
        }
        let Some(n) = ev.key().parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else { return };
        let i = index.get_untracked();
        let picked = exam.with_untracked(|e| {
            let item = e.items.get(i)?;
            let q = lib.question(&item.question)?;
            pick_by_number(&q.kind, &item.order, n, key_responses.get(i)?.get_untracked().as_ref())
        });
        if let (Some(r), Some(slot)) = (picked, key_responses.get(i)) {
            slot.set(Some(r));
        }
    });
    on_cleanup(move || keys.remove());

    let lib = library.clone();
    let running = {
        let responses = responses.clone();
        let submit = submit.clone();
        move || {
            let e = exam.get();
            let n = e.items.len();
            if n == 0 {
                return view! {
                    <p>"Không có câu hỏi nào phù hợp để thi."</p>
                    <p><Link to=Route::ExamSetup class="button">"Chọn lại"</Link></p>
                }
                .into_any();
            }
            let i = index.get().min(n - 1);
            let item = e.items[i].clone();
            let Some(question) = lib.question(&item.question).cloned() else { return ().into_any() };
            let question_id = question.id.to_string();
            let nav = (0..n)
                .map(|k| {
                    let r = responses[k];
                    let flagged = e.items[k].flagged;
                    let label = move || {
                        let mut l = format!("Câu {}", k + 1);
                        l.push_str(if r.get().is_some() { ", đã trả lời" } else { ", chưa trả lời" });
                        if flagged {
                            l.push_str(", đã đánh dấu");
                        }
                        l
                    };
                    view! {
                        <li>
                            <button type="button" class="nav-q" class:answered=move || r.get().is_some() class:flagged=flagged
                                class:current=k == i aria-current=(k == i).then_some("step") aria-label=label
                                on:click=move |_| index.set(k)>
                                {(k + 1).to_string()}{flagged.then_some("⚑")}{move || r.get().is_some().then_some("•")}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let submit = submit.clone();
            view! {
                <div class="exam-bar">
                    <p class="timer" role="timer" aria-label="Thời gian còn lại">
                        "Còn lại: "<strong id="time-left">{move || clock(exam.with(|e| e.remaining_ms(now.get())))}</strong>
                    </p>
                    <p class="answered">{move || format!("Đã trả lời {}/{n}", answered.get())}</p>
                </div>
                <nav aria-label="Các câu hỏi"><ol class="exam-nav">{nav}</ol></nav>
                <p class="progress" id="question-top" tabindex="-1">{format!("Câu {}/{}", i + 1, n)}</p>
                <div class="question-card" data-question=question_id>
                    <QuestionView question=question order=item.order response=responses[i]
                        locked=false reveal=false name=format!("e{i}")/>
                </div>
                <p class="actions">
                    <button type="button" class="button" id="prev" disabled=i == 0 on:click=move |_| index.set(i - 1)>"← Câu trước"</button>
                    <button type="button" class="button" id="flag" aria-pressed=item.flagged.to_string()
                        on:click=move |_| exam.update(|e| e.toggle_flag(i))>
                        {if item.flagged { "Bỏ đánh dấu" } else { "⚑ Đánh dấu" }}
                    </button>
                    <button type="button" class="button" id="next-q" disabled=i + 1 == n on:click=move |_| index.set(i + 1)>"Câu sau →"</button>
                </p>
                <p class="actions submit-row">
                    {move || if confirming.get() {
                        let submit = submit.clone();
                        view! {
                            <span class="confirm">{format!("Nộp bài? Còn {} câu chưa trả lời.", n - answered.get())}</span>
                            <button type="button" class="button primary" id="confirm-submit" on:click=move |_| submit()>"Nộp bài"</button>
                            <button type="button" class="button" on:click=move |_| confirming.set(false)>"Làm tiếp"</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="button primary" id="submit-exam" on:click=move |_| confirming.set(true)>"Nộp bài"</button> }.into_any()
                    }}
                </p>
            }
            .into_any()
        }
    };

    let lib = library.clone();
    let result = move || {
        let e = exam.get();
        let r = e.result(&lib);
        let reviews = e
            .items
            .iter()
            .zip(&r.credits)
            .enumerate()
            .filter_map(|(k, (item, credit))| {
                let q = lib.question(&item.question)?.clone();
                let question_id = q.id.to_string();
                let material = lib.material(&q.source.material).cloned();
                let status = if credit.is_full() {
                    "✓ Đúng"
                } else if item.response.is_none() {
                    "— Chưa trả lời"
                } else if credit.earned > 0 {
                    "◐ Đúng một phần"
                } else {
                    "✗ Sai"
                };
                Some(view! {
                    <li class="review-item" data-question=question_id>
                        <h3>{format!("Câu {}: {status}", k + 1)}</h3>
                        <p class="prompt">{q.prompt.clone()}</p>
                        <Feedback question=q order=item.order.clone() response=item.response.clone() credit=*credit material=material hide_verdict=true/>
                    </li>
                })
            })
            .collect_view();
        view! {
            <div class="summary-card" role="status">
                <h2 id="result-top" tabindex="-1">"Kết quả thi thử"</h2>
                <p class="big" id="score">{format!("{}/10 điểm", decimal(r.out_of_10, 2))}</p>
                <p id="percent">{format!("{}% — {}", decimal(r.percent, 1), if r.passed { "Đạt" } else { "Chưa đạt" })}</p>
                <p>{format!("Điểm đạt: {}%. Thời gian làm bài: {}. Chưa trả lời: {} câu.", e.spec.pass_percent, clock(r.duration_ms), r.unanswered)}</p>
            </div>
            <crate::components::send_result::SendResult exam=e.clone()/>
            <p class="actions">
                <Link to=Route::ExamSetup class="button primary">"Thi lại đề khác"</Link>
                <Link to=Route::Home { query: String::new() } class="button">"Về trang chủ"</Link>
            </p>
            <h2>"Xem lại bài làm"</h2>
            <ol class="review">{reviews}</ol>
        }
    };

    view! {
        <h2 class="page-title">"Thi thử"</h2>
        <p class="hint share">"Đường dẫn đề này (gửi cho người khác để thi cùng đề): "<code>{share}</code></p>
        <p class="hint"><a id="print-link" href=Route::Print(spec).to_query()>"In đề này ra giấy (kèm đáp án)"</a></p>
        {move || if exam.with(Exam::is_submitted) { result.clone()().into_any() } else { running.clone()().into_any() }}
    }
}
