/// What became of an award, with the stable reason codes of SPEC §5.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    case credited
    case overCap = "over_cap"
    case pendingApproval = "pending_approval"
    case deniedByDistrict = "denied_by_district"
    case issuerNotApproved = "issuer_not_approved"
    case duplicateCredential = "duplicate_credential"
    case outsideLicenseTerm = "outside_license_term"
    case futureDated = "future_dated"
    case unmatchedRecipient = "unmatched_recipient"
    case ambiguousRecipient = "ambiguous_recipient"
    case inactiveEducator = "inactive_educator"
    case unresolvedReference = "unresolved_reference"
    case unverified
    case revoked
    case invalid

    /// Outcomes that are final: never evaluated again (SPEC §5, "Every night again").
    /// The ledger's queries ask `outcome_is_final(outcome)` (sql/012_rules.sql), its SQL twin;
    /// RuleTwinTests holds the two together, so a change here needs a migration there.
    public var isFinal: Bool { self == .credited || self == .invalid || self == .revoked }

    /// Outcomes decided at SPEC §5 step 5 or later, against the educator's standing credits:
    /// a duplicate of one, no room under a cap, or refused at steps 6–7 and so open to becoming
    /// a duplicate. Tonight's other awards and reversals can change them, so a night whose
    /// awards change an educator's credits evaluates the educator's waiting awards of these
    /// outcomes with them (`Tonight.creditEducators`). The outcomes
    /// of steps 1–4 (matching, revocation, date, term) read nothing of other awards: a night
    /// evaluates them again only when their own inputs change. `EducatorLedger.decide` is the
    /// step order this follows; `outcome_reads_standing_credits` (sql/019) is its SQL twin.
    public var readsStandingCredits: Bool {
        switch self {
        case .duplicateCredential, .issuerNotApproved, .pendingApproval, .deniedByDistrict, .overCap: true
        case .credited, .outsideLicenseTerm, .futureDated, .unmatchedRecipient, .ambiguousRecipient, .inactiveEducator,
             .unresolvedReference, .unverified, .revoked, .invalid: false
        }
    }

    /// The outcome in words an administrator can read on a transcript.
    public var plainWords: String {
        switch self {
        case .credited: "Credited"
        case .overCap: "Not credited: the hours cap for this term is already reached"
        case .pendingApproval: "Waiting for the district to approve this badge"
        case .deniedByDistrict: "The district denied credit for this badge"
        case .issuerNotApproved: "The district does not accept badges from this issuer"
        case .duplicateCredential: "Already credited: the educator holds this badge from an earlier award"
        case .outsideLicenseTerm: "Earned outside the educator's current license term"
        case .futureDated: "Award date is in the future"
        case .unmatchedRecipient: "The badge's recipient matches no educator on the roster"
        case .ambiguousRecipient: "The badge's recipient matches more than one educator"
        case .inactiveEducator: "The educator is inactive on the roster"
        case .unresolvedReference: "The badge or issuer description has not arrived yet"
        case .unverified: "The badge could not be verified"
        case .revoked: "The issuer revoked this badge"
        case .invalid: "The badge file could not be read"
        }
    }
}

/// Whose micro-credential: the state's fixed hours, or a district-approved external issuer.
public enum CreditType: String, Sendable, Codable {
    case ddoe = "DDOE micro-credential"
    case external = "External micro-credential"
}
