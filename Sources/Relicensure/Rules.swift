public import OpenBadges

/// Everything the state and the districts decided about crediting, as read from the config
/// file (SPEC §3): the input to the crediting engine besides the facts of each award.
public struct CreditingRules: Sendable {
    public var requiredHours: ClockHours
    /// Max micro-credential hours (DDOE and external) per educator per term; `nil` = no cap.
    public var microCredentialCap: ClockHours?
    public var ddoe: DDOERule
    /// By district code.
    public var districts: [String: DistrictRules]

    public init(requiredHours: ClockHours = ClockHours(90), microCredentialCap: ClockHours? = nil,
                ddoe: DDOERule, districts: [String: DistrictRules] = [:]) {
        self.requiredHours = requiredHours
        self.microCredentialCap = microCredentialCap
        self.ddoe = ddoe
        self.districts = districts
    }
}

/// The Delaware Department of Education's own micro-credentials: a fixed number of hours each.
public struct DDOERule: Sendable {
    public var hoursPerCredential: ClockHours
    public var issuerIDs: Set<String>

    public init(hoursPerCredential: ClockHours = ClockHours(10), issuerIDs: Set<String>) {
        self.hoursPerCredential = hoursPerCredential
        self.issuerIDs = issuerIDs
    }
}

/// One district's (or charter school's) decisions about external issuers.
public struct DistrictRules: Sendable {
    public var code: String
    public var name: String
    /// Max external-issuer hours per educator per term.
    public var externalCap: ClockHours?
    public var issuers: [IssuerRule]

    public init(code: String, name: String, externalCap: ClockHours? = nil, issuers: [IssuerRule] = []) {
        self.code = code
        self.name = name
        self.externalCap = externalCap
        self.issuers = issuers
    }

    /// The rule for an issuer in force on a day, if any (windows never overlap: the config
    /// loader rejects overlapping ones).
    public func rule(forIssuer issuerID: String, on date: CalendarDate) -> IssuerRule? {
        issuers.first { $0.issuerID == issuerID && $0.isEffective(on: date) }
    }
}

/// Whether a district wants to decide educator by educator.
public enum ApprovalMode: String, Sendable {
    /// Each award waits for a district decision (SPEC §4.2).
    case perEducator = "per-educator"
    /// The district approves the issuer outright.
    case none
}

/// A district's rule for one external issuer.
public struct IssuerRule: Sendable, Hashable {
    public var issuerID: String
    public var name: String
    /// Default hours per credential.
    public var hours: ClockHours
    /// Per-badge overrides, by BadgeClass / Achievement id.
    public var badgeHours: [String: ClockHours]
    public var approval: ApprovalMode
    public var from: CalendarDate?
    public var until: CalendarDate?
    /// Max hours from this issuer per educator per term.
    public var cap: ClockHours?

    public init(issuerID: String, name: String, hours: ClockHours, badgeHours: [String: ClockHours] = [:],
                approval: ApprovalMode = .none, from: CalendarDate? = nil, until: CalendarDate? = nil,
                cap: ClockHours? = nil) {
        self.issuerID = issuerID
        self.name = name
        self.hours = hours
        self.badgeHours = badgeHours
        self.approval = approval
        self.from = from
        self.until = until
        self.cap = cap
    }

    /// `from` and `until` both included.
    public func isEffective(on date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }

    /// Two windows share at least one day.
    public func overlaps(_ other: IssuerRule) -> Bool {
        func startsNoLaterThanEnd(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, let end else { return true }  // an open end reaches every day
            return start <= end
        }
        return startsNoLaterThanEnd(from, other.until) && startsNoLaterThanEnd(other.from, until)
    }
}
