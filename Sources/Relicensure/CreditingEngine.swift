public import OpenBadges

/// Everything one night's crediting depends on. The engine reads nothing else: no files, no
/// database, no clock.
public struct CreditingInput: Sendable {
    public var asOf: CalendarDate
    public var rules: CreditingRules
    /// Every educator on the roster, active or not.
    public var roster: [Educator]
    public var approvals: ApprovalBook
    /// Credits in the ledger that still stand, before tonight.
    public var standing: [StandingCredit]
    /// Awards revoked by a trusted source (the award itself, a list, a status check).
    public var revokedAwardIDs: Set<String>
    /// Awards to evaluate tonight: the new ones and every one still waiting.
    public var awards: [AwardFacts]

    public init(asOf: CalendarDate, rules: CreditingRules, roster: [Educator], approvals: ApprovalBook,
                standing: [StandingCredit], revokedAwardIDs: Set<String>, awards: [AwardFacts]) {
        self.asOf = asOf
        self.rules = rules
        self.roster = roster
        self.approvals = approvals
        self.standing = standing
        self.revokedAwardIDs = revokedAwardIDs
        self.awards = awards
    }
}

/// What the engine decided: one decision per award evaluated (and per credit reversed), and
/// the ledger entries to post, reversals first.
public struct CreditingResult: Sendable {
    public var decisions: [Decision] = []
    public var postings: [Posting] = []

    public init(decisions: [Decision] = [], postings: [Posting] = []) {
        self.decisions = decisions
        self.postings = postings
    }

    public mutating func append(_ other: CreditingResult) {
        decisions += other.decisions
        postings += other.postings
    }
}

/// The outcome of SPEC §5 steps 1–2 for one award: decided already, or matched to one
/// active educator whose rules decide the rest.
public enum RecipientMatch: Sendable {
    case decided(Decision)
    case matched(Educator)
}

/// One educator's night: the awards matched to them, their standing credits and the
/// decisions about their badges. Educators never affect each other's hours, so the nightly
/// job can evaluate a statewide backfill one educator at a time in flat memory.
public struct EducatorNight: Sendable {
    public var educator: Educator
    /// Awards matched to this educator (any order: the engine sorts them).
    public var awards: [AwardFacts]
    /// This educator's standing credits before tonight.
    public var standing: [StandingCredit]
    /// Which of this educator's awards and credits a trusted source revoked.
    public var revokedAwardIDs: Set<String>

    public init(educator: Educator, awards: [AwardFacts], standing: [StandingCredit], revokedAwardIDs: Set<String>) {
        self.educator = educator
        self.awards = awards
        self.standing = standing
        self.revokedAwardIDs = revokedAwardIDs
    }
}

/// The crediting rules of SPEC §5 as pure functions. Deterministic: the same input gives the
/// same result, whatever order the awards arrive in.
public enum CreditingEngine {
    /// Changes whenever a change to the engine can change an outcome or its detail: a night
    /// that finds a different version than the last night's evaluates every waiting award
    /// again, so an upgrade takes effect on awards already waiting.
    public static let rulesVersion = "2026-12-07.1"

    /// The whole night in memory: matching, then each educator's crediting.
    public static func evaluate(_ input: CreditingInput) -> CreditingResult {
        var directory = RecipientDirectory(input.roster)
        var result = CreditingResult()
        var matched: [String: [AwardFacts]] = [:]
        var educators: [String: Educator] = [:]
        var seen = Set<String>()
        for award in input.awards.sorted(by: awardOrder) where seen.insert(award.awardID).inserted {
            switch match(award, in: &directory) {
            case .decided(let decision): result.decisions.append(decision)
            case .matched(let educator):
                matched[educator.id, default: []].append(award)
                educators[educator.id] = educator
            }
        }
        let standingByEducator = Dictionary(grouping: input.standing, by: \.educatorID)
        for educator in input.roster where educators[educator.id] == nil && standingByEducator[educator.id] != nil {
            educators[educator.id] = educator
        }
        for id in educators.keys.sorted() {
            guard let educator = educators[id] else { continue }
            let standing = standingByEducator[id] ?? []
            let awards = matched[id] ?? []
            let ids = Set(awards.map(\.awardID)).union(standing.map(\.awardID))
            let night = EducatorNight(educator: educator, awards: awards, standing: standing,
                                      revokedAwardIDs: input.revokedAwardIDs.intersection(ids))
            result.append(credit(night, rules: input.rules, approvals: input.approvals, asOf: input.asOf))
        }
        return result
    }

    /// Award-date order, ties by award id (SPEC §5); undated (unreadable) awards first.
    public static func awardOrder(_ left: AwardFacts, _ right: AwardFacts) -> Bool {
        let undated = CalendarDate(dayNumber: -1_000_000)
        return (left.awardDate ?? undated, left.awardID) < (right.awardDate ?? undated, right.awardID)
    }

    /// SPEC §5 steps 1–2: readable, proven, and whose recipient is exactly one active educator.
    public static func match(_ award: AwardFacts, in directory: inout RecipientDirectory) -> RecipientMatch {
        let id = award.awardID
        switch award.readiness {
        case .invalid(let detail): return .decided(Decision(awardID: id, outcome: .invalid, reason: detail))
        case .unresolved(let reference): return .decided(Decision(awardID: id, outcome: .unresolvedReference, reason: reference))
        case .unverified(let reason): return .decided(Decision(awardID: id, outcome: .unverified, reason: reason))
        case .ready: break
        }
        guard award.badgeID != nil, award.issuerID != nil, award.awardDate != nil else {
            return .decided(Decision(awardID: id, outcome: .invalid, reason: "missing_field:badge"))
        }
        guard let recipient = award.recipient else {
            return .decided(Decision(awardID: id, outcome: .unmatchedRecipient, reason: "no_recipient"))
        }
        let matches = directory.educators(matching: recipient)
        let active = matches.filter(\.isActive)
        guard let educator = active.first else {
            guard !matches.isEmpty else { return .decided(Decision(awardID: id, outcome: .unmatchedRecipient)) }
            // Whose award it is, even though it cannot count now (SPEC §6 "Whose award it is").
            return .decided(Decision(awardID: id, outcome: .inactiveEducator,
                                     reason: matches.count == 1 ? "" : Decision.candidatesDetail(matches.map(\.id)),
                                     educatorID: matches.count == 1 ? matches[0].id : nil))
        }
        guard active.count == 1 else {
            return .decided(Decision(awardID: id, outcome: .ambiguousRecipient,
                                     reason: Decision.candidatesDetail(active.map(\.id))))
        }
        return .matched(educator)
    }

    /// SPEC §5 steps 3–9 and the reversals, for one educator: reversals first, so the room
    /// they free under a cap is available to tonight's awards.
    public static func credit(_ night: EducatorNight, rules: CreditingRules, approvals: ApprovalBook,
                              asOf: CalendarDate) -> CreditingResult {
        var ledger = EducatorLedger(night: night, rules: rules, approvals: approvals, asOf: asOf)
        ledger.postReversals()
        let firstAwardDecision = ledger.result.decisions.count
        var seen = Set<String>()
        for award in night.awards.sorted(by: awardOrder) where seen.insert(award.awardID).inserted {
            if let decision = ledger.decide(award) { ledger.result.decisions.append(decision) }
        }
        ledger.settleDuplicates(from: firstAwardDecision)
        ledger.settleCaps(from: firstAwardDecision)
        return ledger.result
    }
}
