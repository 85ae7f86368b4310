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
    public var decisions: [Decision]
    public var postings: [Posting]
}

/// The crediting rules of SPEC §5 as one pure function. Deterministic: the same input gives
/// the same result, whatever order the awards arrive in.
public enum CreditingEngine {
    public static func evaluate(_ input: CreditingInput) -> CreditingResult {
        var night = Night(input)
        night.postReversals()
        let ordered = input.awards.sorted {
            let left = $0.awardDate ?? CalendarDate(dayNumber: -1_000_000)
            let right = $1.awardDate ?? CalendarDate(dayNumber: -1_000_000)
            return (left, $0.awardID) < (right, $1.awardID)
        }
        var evaluated = Set<String>()
        let firstAwardDecision = night.decisions.count
        for award in ordered where evaluated.insert(award.awardID).inserted {
            night.evaluate(award)
        }
        night.settleDuplicates(from: firstAwardDecision)
        return CreditingResult(decisions: night.decisions, postings: night.postings)
    }
}

/// The working state of one evaluation: standing credits grow as awards are credited, so an
/// award later in date order sees the caps and duplicates the earlier ones produced.
private struct Night {
    let input: CreditingInput
    var directory: RecipientDirectory
    var standingByEducator: [String: [StandingCredit]] = [:]
    var decisions: [Decision] = []
    var postings: [Posting] = []

    init(_ input: CreditingInput) {
        self.input = input
        self.directory = RecipientDirectory(input.roster)
        for credit in input.standing {
            standingByEducator[credit.educatorID, default: []].append(credit)
        }
    }

    // MARK: Reversals (first, so the room they free is available tonight)

    mutating func postReversals() {
        for credit in input.standing.sorted(by: { ($0.awardDate, $0.awardID) < ($1.awardDate, $1.awardID) }) {
            if input.revokedAwardIDs.contains(credit.awardID) {
                reverse(credit, outcome: .revoked, reason: "revoked_after_credit", audit: Audit(rule: "revocation"))
            } else if credit.creditType == .external,
                      let decision = input.approvals.decisionInForce(educatorID: credit.educatorID,
                                                                     badgeID: credit.badgeID, asOf: input.asOf),
                      decision.verdict == .denied {
                reverse(credit, outcome: .deniedByDistrict, reason: "denied_after_credit",
                        audit: Audit(rule: "district decision", approvalID: decision.id))
            }
        }
    }

    mutating func reverse(_ credit: StandingCredit, outcome: Outcome, reason: String, audit: Audit) {
        postings.append(Posting(awardID: credit.awardID, educatorID: credit.educatorID, action: .reverse,
                                hours: credit.hours, creditType: credit.creditType, badgeID: credit.badgeID,
                                issuerID: credit.issuerID, awardDate: credit.awardDate, reason: outcome.rawValue,
                                audit: audit))
        decisions.append(Decision(awardID: credit.awardID, outcome: outcome, reason: reason,
                                  educatorID: credit.educatorID, audit: audit))
        standingByEducator[credit.educatorID]?.removeAll { $0.awardID == credit.awardID }
    }

    // MARK: One award, step by step

    mutating func evaluate(_ award: AwardFacts) {
        if let decision = decide(award) { decisions.append(decision) }
    }

    /// SPEC §5 steps 1–9. Returns `nil` for an award that already stands credited.
    mutating func decide(_ award: AwardFacts) -> Decision? {
        let id = award.awardID
        // 1. Parse.
        switch award.readiness {
        case .invalid(let detail): return Decision(awardID: id, outcome: .invalid, reason: detail)
        case .unresolved(let reference): return Decision(awardID: id, outcome: .unresolvedReference, reason: reference)
        case .unverified(let reason): return Decision(awardID: id, outcome: .unverified, reason: reason)
        case .ready: break
        }
        guard let recipient = award.recipient else {
            return Decision(awardID: id, outcome: .unmatchedRecipient, reason: "no_recipient")
        }
        guard let badgeID = award.badgeID, let issuerID = award.issuerID, let awardDate = award.awardDate else {
            return Decision(awardID: id, outcome: .invalid, reason: "missing_field:badge")
        }
        // 2. Recipient.
        let matches = directory.educators(matching: recipient)
        let active = matches.filter(\.isActive)
        guard let educator = active.first else {
            return Decision(awardID: id, outcome: matches.isEmpty ? .unmatchedRecipient : .inactiveEducator)
        }
        guard active.count == 1 else {
            return Decision(awardID: id, outcome: .ambiguousRecipient, reason: "\(active.count) educators")
        }
        let standing = standingByEducator[educator.id] ?? []
        if standing.contains(where: { $0.awardID == id }) { return nil }
        // 3. Revocation.
        if award.isRevoked || input.revokedAwardIDs.contains(id) {
            return Decision(awardID: id, outcome: .revoked, educatorID: educator.id)
        }
        // 4. Date.
        if awardDate > input.asOf {
            return Decision(awardID: id, outcome: .futureDated, educatorID: educator.id)
        }
        guard let term = educator.term else {
            return Decision(awardID: id, outcome: .outsideLicenseTerm, reason: "no_term_on_record", educatorID: educator.id)
        }
        guard term.contains(awardDate) else {
            return Decision(awardID: id, outcome: .outsideLicenseTerm, reason: "term \(term.start)..\(term.end)",
                            educatorID: educator.id)
        }
        // 5. Duplicate.
        if let held = standing.first(where: { $0.badgeID == badgeID }) {
            return Decision(awardID: id, outcome: .duplicateCredential, reason: "credited as \(held.awardID)",
                            educatorID: educator.id)
        }
        // 6–7. Hours from the state's rule or the district's.
        let grant: Grant
        switch hoursFor(badgeID: badgeID, issuerID: issuerID, awardDate: awardDate, educator: educator) {
        case .granted(let granted): grant = granted
        case .refused(let outcome, let reason, let audit):
            return Decision(awardID: id, outcome: outcome, reason: reason, educatorID: educator.id, audit: audit)
        }
        // 8. Caps.
        let fit = room(for: grant, issuerID: issuerID, educator: educator, term: term, standing: standing)
        var audit = grant.audit
        audit.cap = fit.limitingCap
        guard fit.hours.isPositive else {
            return Decision(awardID: id, outcome: .overCap, reason: fit.limitingCap ?? "", educatorID: educator.id,
                            audit: audit)
        }
        // 9. Credited.
        let capped = fit.hours < grant.hours
        let credit = StandingCredit(awardID: id, educatorID: educator.id, badgeID: badgeID, issuerID: issuerID,
                                    awardDate: awardDate, creditType: grant.creditType, hours: fit.hours)
        standingByEducator[educator.id, default: []].append(credit)
        postings.append(Posting(awardID: id, educatorID: educator.id, action: .add, hours: fit.hours,
                                creditType: grant.creditType, badgeID: badgeID, issuerID: issuerID,
                                awardDate: awardDate, reason: capped ? "capped" : "credited", audit: audit))
        return Decision(awardID: id, outcome: .credited, reason: capped ? "capped" : "", educatorID: educator.id,
                        hours: fit.hours, audit: audit)
    }

    // MARK: Duplicates credited later the same night (step 5 again)

    /// Step 5 sees the credits standing when an award's turn comes. An award refused at steps
    /// 6–8 (no rule on its date, pending, denied, over a cap) whose BadgeClass a later-dated
    /// award went on to credit the same night would read `duplicate_credential` only on the
    /// next night, with nothing changed. Settling it now gives the outcome every later night
    /// gives too: re-running the engine over its own output decides the same.
    mutating func settleDuplicates(from first: Int) {
        let refusedAfterStep5: Set<Outcome> = [.issuerNotApproved, .pendingApproval, .deniedByDistrict, .overCap]
        let badgeByAward = Dictionary(input.awards.compactMap { award in award.badgeID.map { (award.awardID, $0) } },
                                      uniquingKeysWith: { kept, _ in kept })
        for index in decisions.indices.dropFirst(first) where refusedAfterStep5.contains(decisions[index].outcome) {
            let decision = decisions[index]
            guard let educatorID = decision.educatorID, let badgeID = badgeByAward[decision.awardID],
                  let held = standingByEducator[educatorID]?.first(where: { $0.badgeID == badgeID }) else { continue }
            decisions[index] = Decision(awardID: decision.awardID, outcome: .duplicateCredential,
                                        reason: "credited as \(held.awardID)", educatorID: educatorID)
        }
    }

    // MARK: Hours (steps 6 and 7)

    struct Grant {
        var hours: ClockHours
        var creditType: CreditType
        var issuerRule: IssuerRule?
        var districtRules: DistrictRules?
        var audit: Audit
    }

    enum HoursAnswer {
        case granted(Grant)
        case refused(Outcome, reason: String, audit: Audit)
    }

    func hoursFor(badgeID: String, issuerID: String, awardDate: CalendarDate, educator: Educator) -> HoursAnswer {
        let rules = input.rules
        if rules.ddoe.issuerIDs.contains(issuerID) {
            return .granted(Grant(hours: rules.ddoe.hoursPerCredential, creditType: .ddoe,
                                  audit: Audit(rule: "ddoe \(rules.ddoe.hoursPerCredential) h per credential")))
        }
        guard let district = rules.districts[educator.districtCode],
              let rule = district.rule(forIssuer: issuerID, on: awardDate) else {
            return .refused(.issuerNotApproved, reason: "district \(educator.districtCode)",
                            audit: Audit(rule: "district \(educator.districtCode): no rule for the issuer on \(awardDate)"))
        }
        let ruleName = "district \(district.code) issuer \(rule.issuerID)"
        let decision = input.approvals.decisionInForce(educatorID: educator.id, badgeID: badgeID, asOf: input.asOf)
        if let decision, decision.verdict == .denied {
            return .refused(.deniedByDistrict, reason: "decided \(decision.decidedOn)",
                            audit: Audit(rule: ruleName, approvalID: decision.id))
        }
        if rule.approval == .perEducator && decision == nil {
            return .refused(.pendingApproval, reason: "", audit: Audit(rule: ruleName))
        }
        let hours: ClockHours
        let source: String
        if let approved = decision?.hours {
            hours = approved
            source = "approval hours"
        } else if let override = rule.badgeHours[badgeID] {
            hours = override
            source = "badge override"
        } else {
            hours = rule.hours
            source = "issuer default"
        }
        // A district that grants 0 hours grants no credit. The outcome stays open (not final),
        // so a later decision or rule with hours still credits the award.
        guard hours.isPositive else {
            if let decision, decision.hours != nil {
                return .refused(.deniedByDistrict, reason: "approved_for_0_hours",
                                audit: Audit(rule: "\(ruleName) 0 h (approval hours)", approvalID: decision.id))
            }
            return .refused(.issuerNotApproved, reason: "0 h in district \(district.code)",
                            audit: Audit(rule: "\(ruleName) 0 h (\(source))", approvalID: decision?.id))
        }
        return .granted(Grant(hours: hours, creditType: .external, issuerRule: rule, districtRules: district,
                              audit: Audit(rule: "\(ruleName) \(hours) h (\(source))", approvalID: decision?.id)))
    }

    // MARK: Caps (step 8)

    struct Fit {
        var hours: ClockHours
        var limitingCap: String?
    }

    /// What fits under every cap that applies, counting standing credits earned in this term.
    func room(for grant: Grant, issuerID: String, educator: Educator, term: LicenseTerm,
              standing: [StandingCredit]) -> Fit {
        let inTerm = standing.filter { term.contains($0.awardDate) }
        var limits: [(name: String, cap: ClockHours, used: ClockHours)] = []
        if let cap = input.rules.microCredentialCap {
            limits.append(("state micro-credential cap \(cap)", cap, inTerm.reduce(.zero) { $0 + $1.hours }))
        }
        if grant.creditType == .external {
            if let cap = grant.districtRules?.externalCap {
                let used = inTerm.filter { $0.creditType == .external }.reduce(.zero) { $0 + $1.hours }
                limits.append(("district external cap \(cap)", cap, used))
            }
            if let cap = grant.issuerRule?.cap {
                let used = inTerm.filter { $0.issuerID == issuerID }.reduce(.zero) { $0 + $1.hours }
                limits.append(("issuer cap \(cap)", cap, used))
            }
        }
        var fit = Fit(hours: grant.hours, limitingCap: nil)
        for limit in limits {
            let left = max(.zero, limit.cap - limit.used)
            if left < fit.hours {
                fit = Fit(hours: left, limitingCap: "\(limit.name): \(limit.used) used")
            }
        }
        return fit
    }
}
