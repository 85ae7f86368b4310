extension Outcome {
    /// The outcome in plain words with the engine's detail, for a transcript or the Exceptions
    /// sheet: "Credited in part: a cap on hours for this term was reached", "The badge file
    /// could not be read (malformed_json)".
    public func explanation(detail: String) -> String {
        switch (self, detail) {
        case (_, ""): plainWords
        case (.credited, "capped"): "Credited in part (capped): a cap on hours for this term was reached"
        case (.ambiguousRecipient, _) where detail.hasPrefix(Decision.candidatesPrefix),
             (.inactiveEducator, _) where detail.hasPrefix(Decision.candidatesPrefix):
            plainWords + ": educators " + Decision.candidates(inDetail: detail).joined(separator: ", ")
        case (.outsideLicenseTerm, "no_term_on_record"): "No license term is on record for the educator"
        case (_, Decision.revokedAfterCredit), (_, Decision.deniedAfterCredit):
            plainWords + " after it had been credited; its hours were taken back"
        default: plainWords + " (\(detail))"
        }
    }
}
