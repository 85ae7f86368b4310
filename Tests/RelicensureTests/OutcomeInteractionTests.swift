import OpenBadges
import Relicensure
import Testing

@Suite("Crediting engine: how the steps of SPEC §5 meet")
struct OutcomeInteractionTests {
    typealias F = Fixture

    func nea(_ id: String, badge: String = "n1", on day: String = "2026-10-01", to email: String = "e001@k12.de.us") -> AwardFacts {
        F.award(id, to: email, badge: badge, issuer: F.nea, on: day)
    }

    func standing(_ awardID: String, badge: String, issuer: String = F.nea, on day: String = "2026-09-01",
                  hours: Int = 10, educator: String = "001") -> StandingCredit {
        StandingCredit(awardID: awardID, educatorID: educator, badgeID: badge, issuerID: issuer, awardDate: F.date(day),
                       creditType: issuer == F.ddoeIssuer ? .ddoe : .external, hours: ClockHours(hours))
    }

    @Test("A revocation reverses first, and the room it frees under a cap is used the same night")
    func revocationFreesRoom() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, issuerCap: 10)])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")],
                                                      standing: [standing("a0", badge: "n0")], revoked: ["a0"],
                                                      awards: [nea("a1")]))
        #expect(result.postings.map(\.action) == [.reverse, .add])
        #expect(result.outcome(of: "a0") == .revoked)
        #expect(result.outcome(of: "a1") == .credited)
    }

    @Test("A reversed credit no longer blocks its BadgeClass: another award of it is credited the same night")
    func reversedCreditFreesBadge() {
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001")],
                                                      standing: [standing("a0", badge: "b1", issuer: F.ddoeIssuer)],
                                                      revoked: ["a0"],
                                                      awards: [F.award("a1", to: "e001@k12.de.us", badge: "b1")]))
        #expect(result.outcome(of: "a1") == .credited)
    }

    @Test("Step 5 before step 7: a BadgeClass already credited is a duplicate even while another award of it waits for approval")
    func duplicateBeforeApproval() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator)])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")],
                                                      standing: [standing("a0", badge: "n1")], awards: [nea("a1")]))
        #expect(result.outcome(of: "a1") == .duplicateCredential)
    }

    @Test("Step 3 before step 4: a revoked award is revoked even when future-dated or outside the term")
    func revokedBeforeDates() {
        let roster = [F.educator("001", term: ("2024-01-01", "2026-10-31"))]
        let result = CreditingEngine.evaluate(F.input(asOf: "2026-11-20", roster: roster, revoked: ["a1", "a2"], awards: [
            F.award("a1", to: "e001@k12.de.us", badge: "b1", on: "2026-12-01"),
            F.award("a2", to: "e001@k12.de.us", badge: "b2", on: "2023-01-01"),
        ]))
        #expect(result.outcome(of: "a1") == .revoked)
        #expect(result.outcome(of: "a2") == .revoked)
    }

    @Test("Step 4 before step 7: an award outside the term is not pending, whatever the district decides")
    func termBeforeApproval() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator)])
        let roster = [F.educator("001", term: ("2022-07-01", "2026-06-30"))]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .approved)],
                                                      awards: [nea("a1", on: "2026-07-01")]))
        #expect(result.outcome(of: "a1") == .outsideLicenseTerm)
    }

    @Test("An award refused at step 7 whose BadgeClass a later award credits the same night is a duplicate at once")
    func duplicateSettledTheSameNight() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, from: "2026-09-01")])
        let input = F.input(rules: rules, roster: [F.educator("001")],
                            awards: [nea("a0", on: "2026-08-15"), nea("a1", on: "2026-09-15")])
        let result = CreditingEngine.evaluate(input)
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.decision(of: "a0")?.outcome == .duplicateCredential)
        #expect(result.decision(of: "a0")?.reason == "credited as a1")

        var nextNight = input
        nextNight.standing = [standing("a1", badge: "n1", on: "2026-09-15")]
        nextNight.awards = [nea("a0", on: "2026-08-15")]
        #expect(CreditingEngine.evaluate(nextNight).decision(of: "a0") == result.decision(of: "a0"))
    }

    @Test("A denial never reverses a DDOE credit")
    func denialKeepsDDOECredit() {
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001")],
                                                      approvals: [F.approval(1, educator: "001", badge: "b1", .denied)],
                                                      standing: [standing("a0", badge: "b1", issuer: F.ddoeIssuer)],
                                                      awards: []))
        #expect(result.postings.isEmpty)
        #expect(result.decisions.isEmpty)
    }

    @Test("A denial dated after the as-of date does not reverse a posted credit yet")
    func futureDenialKeepsCredit() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none)])
        let input = { (asOf: String) in
            F.input(asOf: asOf, rules: rules, roster: [F.educator("001")],
                    approvals: [F.approval(1, educator: "001", badge: "n0", .denied, on: "2026-12-01")],
                    standing: [standing("a0", badge: "n0")], awards: [])
        }
        #expect(CreditingEngine.evaluate(input("2026-11-30")).postings.isEmpty)
        #expect(CreditingEngine.evaluate(input("2026-12-01")).postings.map(\.action) == [.reverse])
    }

    @Test("A denial for one educator does not touch another educator's credit of the same badge")
    func denialIsPerEducator() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none)])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001"), F.educator("002")],
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .denied)],
                                                      standing: [standing("a0", badge: "n1", educator: "002")],
                                                      awards: [nea("a1")]))
        #expect(result.postings.isEmpty)
        #expect(result.outcome(of: "a1") == .deniedByDistrict)
    }

    @Test("Posted credits are stable: a later approval with other hours or a changed rule posts nothing")
    func postedCreditsStable() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator, badgeHours: ["n1": ClockHours(5)])])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")],
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .approved, hours: 20)],
                                                      standing: [standing("a1", badge: "n1", on: "2026-10-01")],
                                                      awards: [nea("a1")]))
        #expect(result.postings.isEmpty)
        #expect(result.decisions.isEmpty)
    }

    @Test("An inactive educator keeps posted credits: going inactive reverses nothing")
    func inactiveKeepsCredits() {
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001", active: false)],
                                                      standing: [standing("a0", badge: "b1", issuer: F.ddoeIssuer)],
                                                      awards: [F.award("a1", to: "e001@k12.de.us", badge: "b2")]))
        #expect(result.postings.isEmpty)
        #expect(result.outcome(of: "a1") == .inactiveEducator)
    }

    @Test("Credited, denied and reversed, approved again: the award is credited again")
    func approvedAgainAfterReversal() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator)])
        let decisions = [F.approval(1, educator: "001", badge: "n1", .approved, on: "2026-10-05"),
                         F.approval(2, educator: "001", badge: "n1", .denied, on: "2026-11-01"),
                         F.approval(3, educator: "001", badge: "n1", .approved, on: "2026-11-10", hours: 12)]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")], approvals: decisions,
                                                      awards: [nea("a1")]))
        #expect(result.decision(of: "a1")?.hours == ClockHours(12))
        #expect(result.decision(of: "a1")?.audit.approvalID == 3)
    }

    @Test("An approval's hours above a cap are capped like any others")
    func approvalHoursCapped() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator, issuerCap: 20)])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")],
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .approved, hours: 25)],
                                                      awards: [nea("a1")]))
        #expect(result.decision(of: "a1")?.hours == ClockHours(20))
        #expect(result.decision(of: "a1")?.reason == "capped")
        #expect(result.decision(of: "a1")?.audit.cap == "issuer cap 20: 0 used")
    }

    @Test("Zero hours grant no credit and leave the award open: approved for 0 h, or a badge worth 0 h")
    func zeroHours() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, badgeHours: ["n2": .zero])])
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: [F.educator("001")],
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .approved, hours: 0)],
                                                      awards: [nea("a1"), nea("a2", badge: "n2")]))
        #expect(result.postings.isEmpty)
        #expect(result.outcome(of: "a1") == .deniedByDistrict)
        #expect(result.decision(of: "a1")?.reason == "approved_for_0_hours")
        #expect(result.outcome(of: "a2") == .issuerNotApproved)
        #expect(!(result.outcome(of: "a1")?.isFinal ?? true))
    }

    @Test("No rule for the issuer says so in the audit")
    func issuerNotApprovedAudit() {
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001", district: "33")], awards: [nea("a1")]))
        #expect(result.decision(of: "a1")?.audit.rule == "district 33: no rule for the issuer on 2026-10-01")
    }
}
