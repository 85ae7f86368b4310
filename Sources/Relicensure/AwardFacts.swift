public import OpenBadges

/// What the crediting engine knows about one award: the facts read from its best copy, with
/// its BadgeClass and issuer already looked up in the catalog.
public struct AwardFacts: Sendable {
    /// How far reading and proving the award got before crediting rules apply (SPEC §5 step 1).
    public enum Readiness: Sendable, Hashable {
        case ready
        /// Unreadable; the detail is a code such as `malformed_json` or `missing_field:recipient`.
        case invalid(detail: String)
        /// A BadgeClass or issuer named by id is not in the catalog yet.
        case unresolved(reference: String)
        /// From `uploads` and not proven (SPEC §4.4).
        case unverified(reason: String)
    }

    public var awardID: String
    public var readiness: Readiness
    public var badgeID: String?
    public var badgeName: String?
    public var issuerID: String?
    public var issuerName: String?
    public var awardDate: CalendarDate?
    public var recipient: RecipientIdentity?
    /// Revoked by the assertion itself, a revocation list or a status list from a trusted source.
    public var isRevoked: Bool

    public init(awardID: String, readiness: Readiness = .ready, badgeID: String? = nil, badgeName: String? = nil,
                issuerID: String? = nil, issuerName: String? = nil, awardDate: CalendarDate? = nil,
                recipient: RecipientIdentity? = nil, isRevoked: Bool = false) {
        self.awardID = awardID
        self.readiness = readiness
        self.badgeID = badgeID
        self.badgeName = badgeName
        self.issuerID = issuerID
        self.issuerName = issuerName
        self.awardDate = awardDate
        self.recipient = recipient
        self.isRevoked = isRevoked
    }
}

/// A credit already in the ledger that still stands: its ADDs exceed its REVERSEs.
public struct StandingCredit: Sendable, Hashable {
    public var awardID: String
    public var educatorID: String
    public var badgeID: String
    public var issuerID: String
    public var awardDate: CalendarDate
    public var creditType: CreditType
    /// Net hours (ADD minus REVERSE), always positive for a standing credit.
    public var hours: ClockHours

    public init(awardID: String, educatorID: String, badgeID: String, issuerID: String, awardDate: CalendarDate,
                creditType: CreditType, hours: ClockHours) {
        self.awardID = awardID
        self.educatorID = educatorID
        self.badgeID = badgeID
        self.issuerID = issuerID
        self.awardDate = awardDate
        self.creditType = creditType
        self.hours = hours
    }
}
