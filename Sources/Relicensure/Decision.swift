public import OpenBadges

/// Why the engine decided what it did, kept beside every decision and ledger entry so that a
/// transcript can explain each number (issue 4, "Audit").
public struct Audit: Sendable, Hashable, Codable {
    /// The rule applied, e.g. `ddoe` or `district 31 issuer https://… (badge override)`.
    public var rule: String?
    /// The approval decision applied, by its store id.
    public var approvalID: Int64?
    /// The cap that limited the hours, e.g. `issuer cap 30: 25 used`.
    public var cap: String?

    public init(rule: String? = nil, approvalID: Int64? = nil, cap: String? = nil) {
        self.rule = rule
        self.approvalID = approvalID
        self.cap = cap
    }
}

/// The engine's verdict on one award this night.
public struct Decision: Sendable, Hashable {
    public var awardID: String
    public var outcome: Outcome
    /// A short machine-stable detail (`missing_field:recipient`, `capped`, …) or empty.
    public var reason: String
    public var educatorID: String?
    /// Hours credited by this decision (zero unless credited now).
    public var hours: ClockHours
    public var audit: Audit

    public init(awardID: String, outcome: Outcome, reason: String = "", educatorID: String? = nil,
                hours: ClockHours = .zero, audit: Audit = Audit()) {
        self.awardID = awardID
        self.outcome = outcome
        self.reason = reason
        self.educatorID = educatorID
        self.hours = hours
        self.audit = audit
    }
}

/// A new ledger entry the engine wants posted. The ledger is append-only: hours only ever
/// move by a new ADD or REVERSE.
public struct Posting: Sendable, Hashable {
    public enum Action: String, Sendable, Codable { case add = "ADD", reverse = "REVERSE" }

    /// Why the entry exists, as the ledger's `kind` column records it: the engine posts credits
    /// and reversals; HR posts corrections (`relicensure correct`), which may go either way.
    public enum Kind: String, Sendable, Codable { case credit, reversal, correction }

    public var awardID: String
    public var educatorID: String
    public var action: Action
    /// Always positive; the action says which way.
    public var hours: ClockHours
    public var creditType: CreditType
    public var badgeID: String
    public var issuerID: String
    public var awardDate: CalendarDate
    /// Why: `credited`, `capped`, `revoked`, `denied_by_district`, or HR's own words for a correction.
    public var reason: String
    public var audit: Audit
    public var kind: Kind

    /// `kind` defaults to what the action means when the engine posts it: an ADD credits, a
    /// REVERSE reverses.
    public init(awardID: String, educatorID: String, action: Action, hours: ClockHours, creditType: CreditType,
                badgeID: String, issuerID: String, awardDate: CalendarDate, reason: String, audit: Audit,
                kind: Kind? = nil) {
        self.kind = kind ?? (action == .add ? .credit : .reversal)
        self.awardID = awardID
        self.educatorID = educatorID
        self.action = action
        self.hours = hours
        self.creditType = creditType
        self.badgeID = badgeID
        self.issuerID = issuerID
        self.awardDate = awardDate
        self.reason = reason
        self.audit = audit
    }
}
