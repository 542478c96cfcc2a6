//! Answering the question on screen quickly, when what is answered does not matter (progress,
//! offline use): the first option, a fixed text, the second choice of a matching row; an
//! ordering question is answered as shown.

use crate::browser::Browser;
use thirtyfour::By;

/// Gives the question shown some answer, without submitting it.
pub async fn pick_something(b: &Browser) {
    b.wait_for(".question-card").await;
    if let Ok(input) = b.driver.find(By::Css(".question.fill input")).await {
        input.send_keys("không biết").await.unwrap();
    } else if !b.all(".question.choices").await.is_empty() {
        b.driver.find(By::Css("label.option")).await.unwrap().click().await.unwrap();
    } else if !b.all(".match-row select").await.is_empty() {
        let pick = "const s = document.querySelector('.match-row select'); s.selectedIndex = 1; \
                    s.dispatchEvent(new Event('change', { bubbles: true })); return null";
        b.driver.execute(pick, vec![]).await.expect("script runs");
    }
}

/// Answers the practice question shown with [`pick_something`] and waits for the feedback.
pub async fn answer_current(b: &Browser) {
    pick_something(b).await;
    // An ordering question is answered as shown.
    b.wait_for("#submit:not([disabled])").await.click().await.unwrap();
    b.wait_for(".feedback").await;
}
