import OpenBadges
import Relicensure
import Testing

@Suite("Crediting engine: district rules, approvals and caps (SPEC §5 steps 7–8)")
struct ExternalRulesTests {
    typealias F = Fixture

    func nea(_ id: String, badge: String = "n1", on day: String = "2026-10-01", to email: String = "e001@k12.de.us") -> AwardFacts {
        F.award(id, to: email, badge: badge, issuer: F.nea, on: day)
    }

    @Test("No rule for the issuer in the educator's district")
    func issuerNotApproved() {
        let roster = [F.educator("001", district: "33")]
        let result = CreditingEngine.evaluate(F.input(rules: F.rules(districts: [F.neaDistrict()]), roster: roster,
                                                      awards: [nea("a1")]))
        #expect(result.outcome(of: "a1") == .issuerNotApproved)
    }

    @Test("Per-educator approval: pending without a decision, credited when approved, denied when denied")
    func perEducator() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator)])
        let roster = [F.educator("001")]
        let pending = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: [nea("a1")]))
        #expect(pending.outcome(of: "a1") == .pendingApproval)

        let approved = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                        approvals: [F.approval(7, educator: "001", badge: "n1", .approved)],
                                                        awards: [nea("a1")]))
        #expect(approved.outcome(of: "a1") == .credited)
        #expect(approved.decision(of: "a1")?.audit.approvalID == 7)

        let denied = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(8, educator: "001", badge: "n1", .denied)],
                                                      awards: [nea("a1")]))
        #expect(denied.outcome(of: "a1") == .deniedByDistrict)
    }

    @Test("Approval mode none credits without a decision, but a denial still applies")
    func approvalNone() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none)])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "n2", .denied)],
                                                      awards: [nea("a1"), nea("a2", badge: "n2")]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.outcome(of: "a2") == .deniedByDistrict)
    }

    @Test("The latest decision wins; on the same day the one imported last; a future decision is not in force")
    func latestDecision() {
        let rules = F.rules(districts: [F.neaDistrict()])
        let roster = [F.educator("001")]
        let decisions = [
            F.approval(1, educator: "001", badge: "n1", .denied, on: "2026-10-01"),
            F.approval(2, educator: "001", badge: "n1", .approved, on: "2026-10-02"),
            F.approval(3, educator: "001", badge: "n2", .approved, on: "2026-10-02"),
            F.approval(4, educator: "001", badge: "n2", .denied, on: "2026-10-02"),
            F.approval(5, educator: "001", badge: "n3", .approved, on: "2026-12-01"),
        ]
        let result = CreditingEngine.evaluate(F.input(asOf: "2026-11-20", rules: rules, roster: roster, approvals: decisions,
                                                      awards: [nea("a1"), nea("a2", badge: "n2"), nea("a3", badge: "n3")]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.outcome(of: "a2") == .deniedByDistrict)
        #expect(result.outcome(of: "a3") == .pendingApproval)
    }

    @Test("Hours: the approval's hours, else the badge override, else the issuer default")
    func hoursPrecedence() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, badgeHours: ["n2": ClockHours(15), "n3": ClockHours(15)])])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "n3", .approved, hours: 12)],
                                                      awards: [nea("a1"), nea("a2", badge: "n2"), nea("a3", badge: "n3")]))
        #expect(result.decision(of: "a1")?.hours == ClockHours(10))
        #expect(result.decision(of: "a2")?.hours == ClockHours(15))
        #expect(result.decision(of: "a3")?.hours == ClockHours(12))
    }

    @Test("An issuer rule counts only inside its window, both ends included (a rule that expires)")
    func ruleWindow() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, from: "2025-07-01", until: "2026-06-30")])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: [
            nea("a1", badge: "n1", on: "2025-06-30"), nea("a2", badge: "n2", on: "2025-07-01"),
            nea("a3", badge: "n3", on: "2026-06-30"), nea("a4", badge: "n4", on: "2026-07-01"),
        ]))
        #expect(result.outcome(of: "a1") == .issuerNotApproved)
        #expect(result.outcome(of: "a2") == .credited)
        #expect(result.outcome(of: "a3") == .credited)
        #expect(result.outcome(of: "a4") == .issuerNotApproved)
    }

    @Test("Issuer cap: what fits is credited with a capped note; nothing fits is over_cap")
    func issuerCap() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, issuerCap: 25)])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: [
            nea("a1", badge: "n1", on: "2026-09-01"), nea("a2", badge: "n2", on: "2026-09-02"),
            nea("a3", badge: "n3", on: "2026-09-03"), nea("a4", badge: "n4", on: "2026-09-04"),
        ]))
        #expect(result.decision(of: "a1")?.hours == ClockHours(10))
        #expect(result.decision(of: "a2")?.hours == ClockHours(10))
        #expect(result.decision(of: "a3")?.hours == ClockHours(5))
        #expect(result.decision(of: "a3")?.reason == "capped")
        #expect(result.outcome(of: "a4") == .overCap)
        #expect(result.addedHours == ClockHours(25))
    }

    @Test("District external cap and state micro-credential cap; DDOE counts only toward the state cap")
    func externalAndStateCaps() {
        let rules = F.rules(stateCap: 30, districts: [F.neaDistrict(approval: .none, externalCap: 15)])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: [
            F.award("d1", to: "e001@k12.de.us", badge: "d1", on: "2026-09-01"),
            nea("a1", badge: "n1", on: "2026-09-02"), nea("a2", badge: "n2", on: "2026-09-03"),
            F.award("d2", to: "e001@k12.de.us", badge: "d2", on: "2026-09-04"),
            F.award("d3", to: "e001@k12.de.us", badge: "d3", on: "2026-09-05"),
        ]))
        #expect(result.decision(of: "d1")?.hours == ClockHours(10))
        #expect(result.decision(of: "a1")?.hours == ClockHours(10))
        #expect(result.decision(of: "a2")?.hours == ClockHours(5))
        #expect(result.decision(of: "d2")?.hours == ClockHours(5))
        #expect(result.outcome(of: "d3") == .overCap)
        #expect(result.addedHours == ClockHours(30))
    }

    @Test("Two awards on the same day compete for the last hours of a cap: the lower award id wins")
    func sameDayTieBreak() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, issuerCap: 10)])
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: [
            nea("b-award", badge: "n2", on: "2026-09-01"), nea("a-award", badge: "n1", on: "2026-09-01"),
        ]))
        #expect(result.outcome(of: "a-award") == .credited)
        #expect(result.outcome(of: "b-award") == .overCap)
    }

    @Test("An approval arriving after the cap filled: the late award is over_cap, posted credits are untouched")
    func approvalAfterCapFilled() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .perEducator, issuerCap: 20)])
        let roster = [F.educator("001")]
        let standing = [StandingCredit(awardID: "a2", educatorID: "001", badgeID: "n2", issuerID: F.nea,
                                       awardDate: F.date("2026-10-01"), creditType: .external, hours: ClockHours(10)),
                        StandingCredit(awardID: "a3", educatorID: "001", badgeID: "n3", issuerID: F.nea,
                                       awardDate: F.date("2026-10-02"), creditType: .external, hours: ClockHours(10))]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .approved, on: "2026-11-01")],
                                                      standing: standing, awards: [nea("a1", badge: "n1", on: "2026-09-01")]))
        #expect(result.outcome(of: "a1") == .overCap)
        #expect(result.postings.isEmpty)
    }

    @Test("A denial after crediting reverses first, and the room it frees is used the same night")
    func denialReversesAndFreesRoom() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, issuerCap: 10)])
        let roster = [F.educator("001")]
        let standing = [StandingCredit(awardID: "a1", educatorID: "001", badgeID: "n1", issuerID: F.nea,
                                       awardDate: F.date("2026-09-01"), creditType: .external, hours: ClockHours(10))]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "n1", .denied, on: "2026-11-10")],
                                                      standing: standing, awards: [nea("a2", badge: "n2", on: "2026-10-01")]))
        #expect(result.postings.map(\.action) == [.reverse, .add])
        #expect(result.outcome(of: "a1") == .deniedByDistrict)
        #expect(result.outcome(of: "a2") == .credited)
    }

    @Test("A license term renewed mid-year: caps count only credits earned in the current term")
    func renewedTerm() {
        let rules = F.rules(districts: [F.neaDistrict(approval: .none, issuerCap: 10)])
        let roster = [F.educator("001", term: ("2026-07-01", "2031-06-30"))]
        let oldTerm = [StandingCredit(awardID: "a0", educatorID: "001", badgeID: "n0", issuerID: F.nea,
                                      awardDate: F.date("2026-03-01"), creditType: .external, hours: ClockHours(10))]
        let result = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, standing: oldTerm,
                                                      awards: [nea("a1", badge: "n1", on: "2026-08-01")]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.addedHours == ClockHours(10))
    }

    @Test("The engine gives the same result whatever order the awards arrive in")
    func orderIndependent() {
        let rules = F.rules(stateCap: 25, districts: [F.neaDistrict(approval: .none, issuerCap: 15)])
        let roster = [F.educator("001"), F.educator("002")]
        let awards = [nea("a1", badge: "n1", on: "2026-09-01"), nea("a2", badge: "n2", on: "2026-09-01"),
                      F.award("d1", to: "e001@k12.de.us", badge: "d1", on: "2026-08-01"),
                      nea("a3", badge: "n1", on: "2026-09-02", to: "e002@k12.de.us"),
                      F.award("d2", to: "e001@k12.de.us", badge: "d2", on: "2026-09-01")]
        let forward = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: awards))
        let backward = CreditingEngine.evaluate(F.input(rules: rules, roster: roster, awards: awards.reversed()))
        #expect(forward.postings == backward.postings)
        #expect(forward.decisions == backward.decisions)
    }
}
