//! What the browser needs to walk one flow without the server: the flow, the countries, today's
//! date and the page's language. The checker's question island carries it as its props.
use super::countries::CountryList;
use super::engine::{walk, Answers, Walk};
use super::flow::Flow;
use super::steps::{after_answer, answers_from, href, kept, Step};
use crate::dates::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Walker {
    pub locale: String,
    pub flow: Flow,
    pub countries: CountryList,
    /// Today in Azerbaijan: date answers are checked against it.
    pub today: Date,
}

impl Walker {
    /// The answers in a query string or form (`values(name)`: every value sent under `name`).
    pub fn answers(&self, values: impl Fn(&str) -> Vec<String>) -> Answers {
        answers_from(&self.flow, values)
    }

    pub fn walk(&self, answers: &Answers) -> Walk {
        walk(&self.flow, answers, self.today, &self.countries)
    }

    /// The address of a step, with the answers worth keeping.
    pub fn step_href(&self, step: &Step, answers: &Answers, walk: &Walk) -> String {
        href(&self.locale, &self.flow.id, step, &kept(answers, walk))
    }

    /// Where a form with these answers leads once `answered` is answered: the next question, the
    /// same one again with its error, or the check of answers.
    pub fn after(&self, answers: &Answers, answered: Option<&str>) -> String {
        let walk = self.walk(answers);
        self.step_href(&after_answer(&walk, answered), answers, &walk)
    }
}
