//! What walking one flow needs: the flow, the countries, today's date and the page's language.
//! The server's `Walker` holds the whole flow and country list, for its pages; the checker's
//! question island gets a `Route`: the same walk from only the questions and the countries'
//! rules, so the wasm carries no reader (and the page no copy) of what the browser never uses.
use super::countries::{CountryList, CountryRules};
use super::engine::{walk, Answers, Countries, Walk};
use super::flow::{Flow, Question, Questions};
use super::steps::{after_answer, answers_from, href, kept, Step};
use crate::dates::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Walker<F = Flow, C = CountryList> {
    pub locale: String,
    pub flow: F,
    pub countries: C,
    /// Today in Azerbaijan: date answers are checked against it.
    pub today: Date,
}

/// The walk as the browser does it.
pub type Route = Walker<FlowRoute, CountryRules>;

/// A flow's questions, without its outcomes, sources or texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowRoute {
    pub id: String,
    pub start: String,
    pub questions: Vec<Question>,
}

impl Questions for FlowRoute {
    fn id(&self) -> &str {
        &self.id
    }
    fn start(&self) -> &str {
        &self.start
    }
    fn questions(&self) -> &[Question] {
        &self.questions
    }
}

impl Walker {
    /// The browser's copy of this walker.
    pub fn route(&self) -> Route {
        Walker {
            locale: self.locale.clone(),
            flow: FlowRoute {
                id: self.flow.id.clone(),
                start: self.flow.start.clone(),
                questions: self.flow.questions.clone(),
            },
            countries: self.countries.rules(),
            today: self.today,
        }
    }
}

impl<F: Questions, C: Countries> Walker<F, C> {
    /// The answers in a query string or form (`values(name)`: every value sent under `name`).
    pub fn answers(&self, values: impl Fn(&str) -> Vec<String>) -> Answers {
        answers_from(&self.flow, values)
    }

    pub fn walk(&self, answers: &Answers) -> Walk {
        walk(&self.flow, answers, self.today, &self.countries)
    }

    /// The address of a step, with the answers worth keeping.
    pub fn step_href(&self, step: &Step, answers: &Answers, walk: &Walk) -> String {
        href(&self.locale, self.flow.id(), step, &kept(answers, walk))
    }

    /// Where a form with these answers leads once `answered` is answered: the next question, the
    /// same one again with its error, or the check of answers.
    pub fn after(&self, answers: &Answers, answered: Option<&str>) -> String {
        let walk = self.walk(answers);
        self.step_href(&after_answer(&walk, answered), answers, &walk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::countries::Country;

    /// The browser's route leads every answer to the same place as the server's walker.
    #[test]
    fn route_walks_like_the_full_flow() {
        let flow: Flow =
            toml::from_str(&std::fs::read_to_string("content/flows/stay.toml").expect("flow file"))
                .expect("flow parses");
        let countries = CountryList {
            countries: vec![Country {
                code: "TR".into(),
                names: [("en", "Türkiye"), ("az", "Türkiyə"), ("ru", "Турция")]
                    .into_iter()
                    .map(|(l, n)| (l.to_string(), n.to_string()))
                    .collect(),
                visa_free_days: Some(90),
                registration_days: None,
            }],
        };
        let walker = Walker {
            locale: "en".into(),
            flow,
            countries,
            today: Date::parse_iso("2026-12-02").expect("date"),
        };
        let route: Route =
            serde_json::from_str(&serde_json::to_string(&walker.route()).expect("serialises"))
                .expect("the browser reads what the server writes");
        for answers in [
            vec![],
            vec![("citizenship", "TR")],
            vec![("citizenship", "XX")],
            vec![("citizenship", "TR"), ("purpose", "asylum")],
            vec![
                ("citizenship", "TR"),
                ("purpose", "tourism"),
                ("length", "20"),
            ],
            vec![
                ("citizenship", "TR"),
                ("purpose", "tourism"),
                ("length", "20"),
                ("arrival", "2026-11-30"),
            ],
            vec![
                ("citizenship", "XX"),
                ("purpose", "study"),
                ("length", "200"),
                ("arrival", "2026-11-30"),
            ],
            vec![
                ("citizenship", "TR"),
                ("purpose", "tourism"),
                ("length", "0"),
            ],
        ] {
            let answers: Answers = answers
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(walker.walk(&answers), route.walk(&answers));
            assert_eq!(walker.after(&answers, None), route.after(&answers, None));
        }
    }
}
