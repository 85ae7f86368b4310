extension Outcome {
    /// One sentence for HR on an award that is not credited (SPEC §6, `what_to_do` in
    /// Exceptions and Open): what a person can do so that it counts, or that nothing needs doing.
    public var whatToDo: String {
        switch self {
        case .credited: "Nothing to do."
        case .overCap: "Nothing to do unless the district raises its cap; the hours for this term are already reached."
        case .pendingApproval: "Record the district's decision on this badge (relicensure approvals import)."
        case .deniedByDistrict: "Nothing to do: the district denied this badge."
        case .issuerNotApproved: "Nothing to do, unless the district decides to accept this issuer in its configuration."
        case .duplicateCredential: "Nothing to do: the educator already holds this badge."
        case .outsideLicenseTerm: "Check the educator's license dates on the roster; badges outside the term do not count."
        case .futureDated: "Ask the issuer to correct the award date; it is read again each night."
        case .unmatchedRecipient: "Add this address to the educator's other_emails on the roster; the next night credits it."
        case .ambiguousRecipient: "Keep this address on one educator only in the roster; the next night credits it."
        case .inactiveEducator: "If the educator has returned, mark them active on the roster; the next night credits it."
        case .unresolvedReference: "Ask the issuing platform to export the badge's description and issuer with its awards."
        case .unverified: "Ask the educator for the badge as the issuing platform exports it (signed, or hosted by the issuer)."
        case .revoked: "Nothing to do: the issuer revoked this badge."
        case .invalid: "Ask the issuer or the educator for a new copy of the file; this one cannot be read."
        }
    }
}

extension Decision {
    /// The detail of a decision whose recipient matched several educators (`ambiguous_recipient`)
    /// or only inactive ones (`inactive_educator`): their ids, so that HR sees whose award it is
    /// and each of them sees it on their transcript. The store reads the same form
    /// (`Store.candidatesExpression`).
    public static func candidatesDetail(_ ids: [String]) -> String {
        candidatesPrefix + ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ";")
    }

    /// The ids of a `candidatesDetail`, or none.
    public static func candidates(inDetail detail: String) -> [String] {
        guard detail.hasPrefix(candidatesPrefix) else { return [] }
        return detail.dropFirst(candidatesPrefix.count).split(separator: ";").map(String.init)
    }

    public static let candidatesPrefix = "candidates:"

    /// The detail of a standing credit reversed by a revocation.
    public static let revokedAfterCredit = "revoked_after_credit"

    /// The detail of a standing credit reversed by the district's denial. The award goes back
    /// to the educator who held it without being matched again; the night after, which
    /// evaluates it as a waiting award, matches it (`Store.chooseChangedAwards`).
    public static let deniedAfterCredit = "denied_after_credit"
}
