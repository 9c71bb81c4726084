//! What a status lookup answers: the API's JSON body and what the page shows.
use super::number::Procedure;
use serde::{Deserialize, Serialize};

/// Where an application is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    /// Documents are requested: the event's note says which.
    ActionNeeded,
    UnderReview,
    Approved,
    Refused,
    ReadyForCollection,
    Closed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Received,
        Status::ActionNeeded,
        Status::UnderReview,
        Status::Approved,
        Status::Refused,
        Status::ReadyForCollection,
        Status::Closed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::ActionNeeded => "action_needed",
            Status::UnderReview => "under_review",
            Status::Approved => "approved",
            Status::Refused => "refused",
            Status::ReadyForCollection => "ready_for_collection",
            Status::Closed => "closed",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Still waiting for a decision: an estimated decision date makes sense.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Received | Status::ActionNeeded | Status::UnderReview
        )
    }
}

/// Notes an event can carry, e.g. which documents are requested. Each has a text in every locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    PassportCopy,
    Photo,
    ProofOfAddress,
    EmploymentContract,
    ProofOfGround,
    MedicalCertificate,
    FeeReceipt,
    CollectInPerson,
}

impl Note {
    pub const ALL: [Note; 8] = [
        Note::PassportCopy,
        Note::Photo,
        Note::ProofOfAddress,
        Note::EmploymentContract,
        Note::ProofOfGround,
        Note::MedicalCertificate,
        Note::FeeReceipt,
        Note::CollectInPerson,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Note::PassportCopy => "passport_copy",
            Note::Photo => "photo",
            Note::ProofOfAddress => "proof_of_address",
            Note::EmploymentContract => "employment_contract",
            Note::ProofOfGround => "proof_of_ground",
            Note::MedicalCertificate => "medical_certificate",
            Note::FeeReceipt => "fee_receipt",
            Note::CollectInPerson => "collect_in_person",
        }
    }

    pub fn from_name(name: &str) -> Option<Note> {
        Note::ALL.into_iter().find(|n| n.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub status: Status,
    pub note: Option<Note>,
}

/// `200` body of `POST /api/v1/applications/status`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusReply {
    /// As printed: `TR-2026-004217-K`.
    pub number: String,
    pub procedure: Procedure,
    pub submitted: String,
    pub status: Status,
    /// Translation key of the plain-language explanation (`status.explain.<status>`).
    pub explanation_key: String,
    /// The note of the latest event (for "action needed": the documents requested).
    pub note: Option<Note>,
    /// Oldest first.
    pub timeline: Vec<Event>,
    /// While open: submission + the procedure's processing time in working days.
    pub estimated_decision: Option<String>,
}

/// What the status form shows above itself when a lookup found nothing to show: the status
/// island's state, so it carries no reader for a whole reply (`StatusReply`). A lookup's answer
/// as a page shows it is `Result<StatusReply, FormMessage>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormMessage {
    NotFound,
    /// `field`: `number` or `date_of_birth`; `code` as the API names it.
    Invalid {
        field: String,
        code: String,
    },
    TooManyRequests,
    Unavailable,
}

/// What was typed into the form, to show it again.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Typed {
    pub number: String,
    pub day: String,
    pub month: String,
    pub year: String,
}

impl Typed {
    /// One of the date boxes by name (`day`, `month`, `year`).
    pub fn date_part_mut(&mut self, name: &str) -> &mut String {
        match name {
            "day" => &mut self.day,
            "month" => &mut self.month,
            _ => &mut self.year,
        }
    }

    /// `YYYY-MM-DD` from the three boxes (or what cannot be a date, for the server to refuse).
    pub fn date_of_birth(&self) -> String {
        crate::eligibility::steps::date_from_parts(
            self.day.trim(),
            self.month.trim(),
            self.year.trim(),
        )
    }
}
