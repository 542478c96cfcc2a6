//! The app's screens as URLs. Routes live in the query string (`?trang=thi&so=30&ma=42`), so
//! every screen has a link that opens it, the back button works, and the app runs from any
//! static host and any sub-path with a single `index.html` and no server rewrite rules.

use crate::draw::Filter;
use crate::ids::{BankId, QuestionId, is_valid_id};
use crate::library::QuestionRef;

/// Default exam length, as in the online contests members know.
pub const DEFAULT_EXAM_QUESTIONS: usize = 30;
/// Default exam time limit in minutes.
pub const DEFAULT_EXAM_MINUTES: u32 = 30;
/// Default pass mark, as a percentage of the maximum score (5 out of 10).
pub const DEFAULT_PASS_PERCENT: u32 = 50;

/// What a practice session draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeSource {
    /// One bank.
    Bank(BankId),
    /// Every question with a tag.
    Tag(String),
    /// The results of a search.
    Search(String),
    /// The questions due for spaced review (Ôn tập).
    Review,
    /// The questions missed most often.
    Missed,
    /// Chosen questions, e.g. those a group most needs to revisit (`cau=<bank>.<id>.<id>`, one
    /// `cau` per bank: ids never hold a dot, and a dot needs no escaping in a link).
    Questions(Vec<QuestionRef>),
}

/// The questions a `cau=<bank>.<id>.<id>` list names, skipping malformed parts.
fn question_list(lists: Vec<String>) -> Vec<QuestionRef> {
    let mut refs = Vec::new();
    for list in lists {
        let mut parts = list.split('.');
        let Some(bank) = parts.next().filter(|b| is_valid_id(b)) else { continue };
        refs.extend(
            parts
                .filter(|q| is_valid_id(q))
                .map(|q| QuestionRef { bank: BankId::from(bank), question: QuestionId::from(q) }),
        );
    }
    refs
}

/// An exam's settings; with the seed, they fix the exam question for question.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExamSpec {
    /// Which banks and tags to draw from.
    pub filter: Filter,
    /// How many questions.
    pub count: usize,
    /// The time limit in minutes.
    pub minutes: u32,
    /// The pass mark, percent of the maximum score.
    pub pass_percent: u32,
    /// The draw's seed.
    pub seed: u64,
}

impl ExamSpec {
    /// Default settings over every bank with `seed`.
    pub fn with_seed(seed: u64) -> Self {
        ExamSpec {
            filter: Filter::default(),
            count: DEFAULT_EXAM_QUESTIONS,
            minutes: DEFAULT_EXAM_MINUTES,
            pass_percent: DEFAULT_PASS_PERCENT,
            seed,
        }
    }
}

/// One screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The catalogue, with the search box's text.
    Home {
        /// What is typed in the search box.
        query: String,
    },
    /// A practice session.
    Practice(PracticeSource),
    /// Choosing an exam's banks, length and time.
    ExamSetup,
    /// An exam.
    Exam(ExamSpec),
    /// The same exam on paper, with its answer key (`trang=in`, the exam link's parameters).
    Print(ExamSpec),
    /// The member's data: backup and restore.
    Data,
    /// Statistics (Thống kê).
    Stats,
    /// Trying a bank file from this device (Thử ngân hàng câu hỏi).
    TryBank,
    /// A material's text at a quoted passage (`trang=tai-lieu&tl=<material>&trich=<quote>`).
    Material {
        /// The material's id.
        material: String,
        /// The passage to show.
        quote: String,
    },
}

impl Route {
    /// Reads a route from a query string, with or without its `?`. Anything unknown or malformed
    /// falls back to the home page (or to defaults for a bad number), never to an error.
    pub fn parse(query: &str) -> Route {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).into_owned().collect();
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        // Lists are repeated parameters (`the=a&the=b`): tags may hold commas.
        let all = |key: &'static str| {
            pairs.iter().filter(move |(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.clone()).collect::<Vec<_>>()
        };
        let number = |key: &str, default: u64, max: u64| {
            get(key).and_then(|v| v.parse::<u64>().ok()).filter(|n| (1..=max).contains(n)).unwrap_or(default)
        };
        let exam = || ExamSpec {
            filter: Filter { banks: all("nh").into_iter().map(BankId).collect(), tags: all("the") },
            count: number("so", DEFAULT_EXAM_QUESTIONS as u64, 500) as usize,
            minutes: number("phut", u64::from(DEFAULT_EXAM_MINUTES), 600) as u32,
            pass_percent: number("dat", u64::from(DEFAULT_PASS_PERCENT), 100) as u32,
            seed: get("ma").and_then(|v| v.parse().ok()).unwrap_or(0),
        };
        match get("trang") {
            Some("luyen-tap") => {
                let chosen = question_list(all("cau"));
                let source = if get("sai").is_some() {
                    PracticeSource::Missed
                } else if !chosen.is_empty() {
                    PracticeSource::Questions(chosen)
                } else if let Some(bank) = get("nh") {
                    PracticeSource::Bank(BankId::from(bank))
                } else if let Some(tag) = get("the") {
                    PracticeSource::Tag(tag.to_owned())
                } else if let Some(q) = get("tim") {
                    PracticeSource::Search(q.to_owned())
                } else {
                    return Route::Home { query: String::new() };
                };
                Route::Practice(source)
            }
            Some("thi-thu") => Route::ExamSetup,
            Some("on-tap") => Route::Practice(PracticeSource::Review),
            Some("du-lieu") => Route::Data,
            Some("thong-ke") => Route::Stats,
            Some("thu-ngan-hang") => Route::TryBank,
            Some("thi") => Route::Exam(exam()),
            Some("in") => Route::Print(exam()),
            Some("tai-lieu") => Route::Material {
                material: get("tl").unwrap_or_default().to_owned(),
                quote: get("trich").unwrap_or_default().to_owned(),
            },
            _ => Route::Home { query: get("tim").unwrap_or_default().to_owned() },
        }
    }

    /// The query string for this route, starting with `?` (just `?` for the plain home page).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        match self {
            Route::Home { query } => {
                if !query.is_empty() {
                    out.append_pair("tim", query);
                }
            }
            Route::Practice(PracticeSource::Review) => {
                out.append_pair("trang", "on-tap");
            }
            Route::Practice(PracticeSource::Bank(b)) => {
                out.append_pair("trang", "luyen-tap").append_pair("nh", b.as_str());
            }
            Route::Practice(PracticeSource::Tag(t)) => {
                out.append_pair("trang", "luyen-tap").append_pair("the", t);
            }
            Route::Practice(PracticeSource::Search(q)) => {
                out.append_pair("trang", "luyen-tap").append_pair("tim", q);
            }
            Route::ExamSetup => {
                out.append_pair("trang", "thi-thu");
            }
            Route::Data => {
                out.append_pair("trang", "du-lieu");
            }
            Route::Stats => {
                out.append_pair("trang", "thong-ke");
            }
            Route::TryBank => {
                out.append_pair("trang", "thu-ngan-hang");
            }
            Route::Material { material, quote } => {
                out.append_pair("trang", "tai-lieu").append_pair("tl", material).append_pair("trich", quote);
            }
            Route::Practice(PracticeSource::Missed) => {
                out.append_pair("trang", "luyen-tap").append_pair("sai", "1");
            }
            Route::Practice(PracticeSource::Questions(refs)) => {
                out.append_pair("trang", "luyen-tap");
                for run in refs.chunk_by(|a, b| a.bank == b.bank) {
                    let ids = run.iter().map(|r| r.question.as_str()).collect::<Vec<_>>().join(".");
                    out.append_pair("cau", &format!("{}.{ids}", run[0].bank));
                }
            }
            Route::Exam(spec) | Route::Print(spec) => {
                out.append_pair("trang", if matches!(self, Route::Print(_)) { "in" } else { "thi" });
                for bank in &spec.filter.banks {
                    out.append_pair("nh", bank.as_str());
                }
                for tag in &spec.filter.tags {
                    out.append_pair("the", tag);
                }
                out.append_pair("so", &spec.count.to_string());
                out.append_pair("phut", &spec.minutes.to_string());
                out.append_pair("dat", &spec.pass_percent.to_string());
                out.append_pair("ma", &spec.seed.to_string());
            }
        }
        format!("?{}", out.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn routes_round_trip() {
        let routes = [
            Route::Home { query: String::new() },
            Route::Home { query: "nghị quyết 35 & 36".into() },
            Route::Practice(PracticeSource::Bank("nq35".into())),
            Route::Practice(PracticeSource::Tag("05-CT/TW (Bộ Chính trị)".into())),
            Route::Practice(PracticeSource::Search("linh hoạt".into())),
            Route::Practice(PracticeSource::Review),
            Route::ExamSetup,
            Route::Data,
            Route::Stats,
            Route::TryBank,
            Route::Material { material: "nq35".into(), quote: "“Bảo vệ” nền tảng & tư tưởng".into() },
            Route::Practice(PracticeSource::Missed),
            Route::Print(ExamSpec::with_seed(7)),
            Route::Practice(PracticeSource::Questions(vec![
                QuestionRef { bank: "nq35".into(), question: "nq35-001".into() },
                QuestionRef { bank: "nq35".into(), question: "nq35-007".into() },
                QuestionRef { bank: "mau".into(), question: "mau-002".into() },
                QuestionRef { bank: "nq35".into(), question: "nq35-003".into() },
            ])),
            Route::Exam(ExamSpec {
                filter: Filter {
                    banks: vec!["a".into(), "b".into()],
                    tags: vec!["35-NQ/TW".into(), "phòng, chống tham nhũng".into()],
                },
                count: 10,
                minutes: 5,
                pass_percent: 80,
                seed: 18446744073709551615,
            }),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_query()), r, "{}", r.to_query());
        }
        assert_eq!(Route::Home { query: String::new() }.to_query(), "?");
        let short = Route::Practice(PracticeSource::Questions(vec![
            QuestionRef { bank: "nq35".into(), question: "nq35-001".into() },
            QuestionRef { bank: "nq35".into(), question: "nq35-007".into() },
        ]));
        assert_eq!(short.to_query(), "?trang=luyen-tap&cau=nq35.nq35-001.nq35-007");
        assert_eq!(
            Route::parse("?trang=luyen-tap&cau=nq35.Sai..x-1&cau=.a"),
            Route::Practice(PracticeSource::Questions(vec![QuestionRef {
                bank: "nq35".into(),
                question: "x-1".into()
            }]))
        );
    }

    #[test]
    fn bad_input_falls_back() {
        assert_eq!(Route::parse(""), Route::Home { query: String::new() });
        assert_eq!(Route::parse("?trang=khong-co"), Route::Home { query: String::new() });
        assert_eq!(Route::parse("?trang=luyen-tap"), Route::Home { query: String::new() });
        let Route::Exam(spec) = Route::parse("?trang=thi&so=-3&phut=abc&dat=900&ma=x") else { panic!() };
        assert_eq!((spec.count, spec.minutes, spec.pass_percent, spec.seed), (30, 30, 50, 0));
    }

    proptest! {
        #[test]
        fn any_query_parses(q in "\\PC{0,60}") {
            let r = Route::parse(&q);
            prop_assert_eq!(Route::parse(&r.to_query()), r);
        }
    }
}
