public import OpenBadges

/// A district's decision about one educator's external badge (SPEC §4.2). Every decision is
/// kept; the latest in force wins.
public struct ApprovalDecision: Sendable, Hashable {
    public enum Verdict: String, Sendable { case approved, denied }

    /// The store's id, for the audit trail.
    public var id: Int64
    public var educatorID: String
    /// BadgeClass / Achievement id.
    public var badgeID: String
    public var verdict: Verdict
    /// Overrides the rule's hours when present.
    public var hours: ClockHours?
    public var decidedBy: String
    public var decidedOn: CalendarDate
    public var note: String?

    public init(id: Int64, educatorID: String, badgeID: String, verdict: Verdict, hours: ClockHours? = nil,
                decidedBy: String, decidedOn: CalendarDate, note: String? = nil) {
        self.id = id
        self.educatorID = educatorID
        self.badgeID = badgeID
        self.verdict = verdict
        self.hours = hours
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.note = note
    }
}

/// All decisions, answering "which one is in force for this educator and badge today?".
public struct ApprovalBook: Sendable {
    private var byKey: [Key: [ApprovalDecision]] = [:]

    private struct Key: Hashable { let educatorID: String; let badgeID: String }

    /// `decisions` in import order: on the same day the one imported last wins, and the store's
    /// ids grow with import order.
    public init(_ decisions: [ApprovalDecision]) {
        for decision in decisions {
            byKey[Key(educatorID: decision.educatorID, badgeID: decision.badgeID), default: []].append(decision)
        }
    }

    /// The decision with the latest `decidedOn` not after `asOf` (ties: imported last). The SQL
    /// twin is `approvals_in_force` (sql/012_rules.sql); RuleTwinTests holds the two together.
    public func decisionInForce(educatorID: String, badgeID: String, asOf: CalendarDate) -> ApprovalDecision? {
        guard let decisions = byKey[Key(educatorID: educatorID, badgeID: badgeID)] else { return nil }
        return decisions
            .filter { $0.decidedOn <= asOf }
            .max { ($0.decidedOn, $0.id) < ($1.decidedOn, $1.id) }
    }

    /// The denial that reverses `credit` on `asOf`, if any: the decision in force for its
    /// educator and badge, when that is a denial and the credit is an external one (a DDOE
    /// micro-credential needs no district approval, so no denial takes it back). The SQL twin is
    /// `credits_denied_in_force` (sql/013_reversals.sql), which finds tonight's educators with
    /// a credit to reverse; RuleTwinTests holds the two together.
    public func denialReversing(_ credit: StandingCredit, asOf: CalendarDate) -> ApprovalDecision? {
        guard credit.creditType == .external,
              let decision = decisionInForce(educatorID: credit.educatorID, badgeID: credit.badgeID, asOf: asOf),
              decision.verdict == .denied else { return nil }
        return decision
    }
}
