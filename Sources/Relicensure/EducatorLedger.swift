import OpenBadges

/// One educator's credits as the night goes on: standing credits grow as awards are credited,
/// so an award later in date order sees the caps and duplicates the earlier ones produced.
struct EducatorLedger {
    let night: EducatorNight
    let rules: CreditingRules
    let approvals: ApprovalBook
    let asOf: CalendarDate
    var standing: [StandingCredit]
    var result = CreditingResult()
    /// What each award refused at step 8 asked of the caps, for `settleCaps`.
    var overCapRequests: [String: CapRequest] = [:]

    init(night: EducatorNight, rules: CreditingRules, approvals: ApprovalBook, asOf: CalendarDate) {
        self.night = night
        self.rules = rules
        self.approvals = approvals
        self.asOf = asOf
        self.standing = night.standing
    }

    var educator: Educator { night.educator }

    // MARK: Reversals

    mutating func postReversals() {
        for credit in night.standing.sorted(by: { ($0.awardDate, $0.awardID) < ($1.awardDate, $1.awardID) }) {
            if night.revokedAwardIDs.contains(credit.awardID) {
                reverse(credit, outcome: .revoked, reason: Decision.revokedAfterCredit, audit: Audit(rule: "revocation"))
            } else if let decision = approvals.denialReversing(credit, asOf: asOf) {
                reverse(credit, outcome: .deniedByDistrict, reason: Decision.deniedAfterCredit,
                        audit: Audit(rule: "district decision", approvalID: decision.id))
            }
        }
    }

    mutating func reverse(_ credit: StandingCredit, outcome: Outcome, reason: String, audit: Audit) {
        result.postings.append(Posting(awardID: credit.awardID, educatorID: credit.educatorID, action: .reverse,
                                       hours: credit.hours, creditType: credit.creditType, badgeID: credit.badgeID,
                                       issuerID: credit.issuerID, awardDate: credit.awardDate, reason: outcome.rawValue,
                                       audit: audit))
        result.decisions.append(Decision(awardID: credit.awardID, outcome: outcome, reason: reason,
                                         educatorID: credit.educatorID, audit: audit))
        standing.removeAll { $0.awardID == credit.awardID }
    }

    // MARK: Steps 3–9

    /// Returns `nil` for an award that already stands credited (the same award again).
    mutating func decide(_ award: AwardFacts) -> Decision? {
        let id = award.awardID
        guard let badgeID = award.badgeID, let issuerID = award.issuerID, let awardDate = award.awardDate else {
            return Decision(awardID: id, outcome: .invalid, reason: "missing_field:badge")
        }
        if standing.contains(where: { $0.awardID == id }) { return nil }
        // 3. Revocation.
        if award.isRevoked || night.revokedAwardIDs.contains(id) {
            return Decision(awardID: id, outcome: .revoked, educatorID: educator.id)
        }
        // 4. Date.
        if awardDate > asOf {
            // The day is the detail: HR sees when it will count. The next nights find the
            // award again by its own award date (Store.chooseChangedAwards), not this text.
            return Decision(awardID: id, outcome: .futureDated, reason: awardDate.description, educatorID: educator.id)
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
        switch hoursFor(badgeID: badgeID, issuerID: issuerID, awardDate: awardDate) {
        case .granted(let granted): grant = granted
        case .refused(let outcome, let reason, let audit):
            return Decision(awardID: id, outcome: outcome, reason: reason, educatorID: educator.id, audit: audit)
        }
        // 8. Caps.
        let fit = room(for: grant, issuerID: issuerID, term: term)
        var audit = grant.audit
        audit.cap = fit.limitingCap
        guard fit.hours.isPositive else {
            overCapRequests[id] = CapRequest(grant: grant, issuerID: issuerID)
            return Decision(awardID: id, outcome: .overCap, reason: fit.limitingCap ?? "", educatorID: educator.id,
                            audit: audit)
        }
        // 9. Credited.
        let capped = fit.hours < grant.hours
        standing.append(StandingCredit(awardID: id, educatorID: educator.id, badgeID: badgeID, issuerID: issuerID,
                                       awardDate: awardDate, creditType: grant.creditType, hours: fit.hours))
        result.postings.append(Posting(awardID: id, educatorID: educator.id, action: .add, hours: fit.hours,
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
        let badgeByAward = Dictionary(night.awards.compactMap { award in award.badgeID.map { (award.awardID, $0) } },
                                      uniquingKeysWith: { kept, _ in kept })
        for index in result.decisions.indices.dropFirst(first)
        where result.decisions[index].outcome.readsStandingCredits && result.decisions[index].outcome != .duplicateCredential {
            let decision = result.decisions[index]
            guard let badgeID = badgeByAward[decision.awardID],
                  let held = standing.first(where: { $0.badgeID == badgeID }) else { continue }
            result.decisions[index] = Decision(awardID: decision.awardID, outcome: .duplicateCredential,
                                               reason: "credited as \(held.awardID)", educatorID: educator.id)
        }
    }

    // MARK: Caps reached later the same night (step 8 again)

    /// Step 8 names the cap that was full when an award's turn came; a later-dated award
    /// credited the same night can fill another one first in `room`'s order. The next night
    /// that evaluates the award again names that one, with nothing changed, and an incremental
    /// night does not evaluate it again. Naming the caps as the night leaves them gives the
    /// detail every later night gives too. Rooms only shrink once the reversals are posted,
    /// so the award is still over a cap.
    mutating func settleCaps(from first: Int) {
        for index in result.decisions.indices.dropFirst(first) where result.decisions[index].outcome == .overCap {
            let decision = result.decisions[index]
            guard let request = overCapRequests[decision.awardID], let term = night.educator.term else { continue }
            let fit = room(for: request.grant, issuerID: request.issuerID, term: term)
            var audit = decision.audit
            audit.cap = fit.limitingCap
            result.decisions[index] = Decision(awardID: decision.awardID, outcome: .overCap, reason: fit.limitingCap ?? "",
                                               educatorID: decision.educatorID, audit: audit)
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

    func hoursFor(badgeID: String, issuerID: String, awardDate: CalendarDate) -> HoursAnswer {
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
        let decision = approvals.decisionInForce(educatorID: educator.id, badgeID: badgeID, asOf: asOf)
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

    /// An award's claim on the caps (in its educator's term): its hours and kind, its issuer.
    struct CapRequest {
        var grant: Grant
        var issuerID: String
    }

    struct Fit {
        var hours: ClockHours
        var limitingCap: String?
    }

    /// What fits under every cap that applies, counting standing credits earned in this term.
    func room(for grant: Grant, issuerID: String, term: LicenseTerm) -> Fit {
        let inTerm = standing.filter { term.contains($0.awardDate) }
        var limits: [(name: String, cap: ClockHours, used: ClockHours)] = []
        if let cap = rules.microCredentialCap {
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
