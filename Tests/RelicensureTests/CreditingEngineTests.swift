import OpenBadges
import Relicensure
import Testing

@Suite("Crediting engine: SPEC §5 one step at a time")
struct CreditingEngineTests {
    typealias F = Fixture

    @Test("A DDOE award to a matched educator in term is credited 10 hours")
    func ddoeCredited() {
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001")], awards: [F.award("a1", to: "e001@k12.de.us")]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.postings.count == 1)
        #expect(result.postings.first?.hours == ClockHours(10))
        #expect(result.postings.first?.action == .add)
        #expect(result.postings.first?.creditType == .ddoe)
    }

    @Test("Steps 1: invalid, unresolved and unverified stop before matching",
          arguments: [(AwardFacts.Readiness.invalid(detail: "malformed_json"), Outcome.invalid),
                      (.unresolved(reference: "badge_class:x"), .unresolvedReference),
                      (.unverified(reason: "bad signature"), .unverified)])
    func parseStep(readiness: AwardFacts.Readiness, expected: Outcome) {
        let award = F.award("a1", to: "e001@k12.de.us", readiness: readiness)
        let result = CreditingEngine.evaluate(F.input(roster: [F.educator("001")], awards: [award]))
        #expect(result.outcome(of: "a1") == expected)
        #expect(result.postings.isEmpty)
    }

    @Test("Step 2: plain identities match case-insensitively after trimming, on any roster address")
    func plainMatching() {
        let roster = [F.educator("001", email: "Ann.Lee@k12.de.us", others: ["ann@gmail.com"])]
        let result = CreditingEngine.evaluate(F.input(roster: roster, awards: [
            F.award("a1", to: "  ann.lee@K12.DE.US ", badge: "b1"),
            F.award("a2", to: "ANN@gmail.com", badge: "b2"),
        ]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.outcome(of: "a2") == .credited)
    }

    @Test("Step 2: hashed identities with and without salt, hex in either case, sha256 and md5")
    func hashedMatching() {
        let roster = [F.educator("001", email: "Ann.Lee@k12.de.us")]
        func award(_ id: String, _ identity: String, salt: String?, badge: String) -> AwardFacts {
            var facts = F.award(id, to: "", badge: badge)
            facts.recipient = RecipientIdentity(type: "email", identity: identity, hashed: true, salt: salt)
            return facts
        }
        let salted = "sha256$" + RecipientIdentity.hash("ann.lee@k12.de.us", salt: "pepper", algorithm: .sha256).uppercased()
        let unsalted = "sha256$" + RecipientIdentity.hash("Ann.Lee@k12.de.us", salt: nil, algorithm: .sha256)
        let md5 = "md5$" + RecipientIdentity.hash("ann.lee@k12.de.us", salt: "x", algorithm: .md5)
        let wrong = "sha256$" + RecipientIdentity.hash("someone@k12.de.us", salt: "pepper", algorithm: .sha256)
        let result = CreditingEngine.evaluate(F.input(roster: roster, awards: [
            award("a1", salted, salt: "pepper", badge: "b1"),
            award("a2", unsalted, salt: nil, badge: "b2"),
            award("a3", md5, salt: "x", badge: "b3"),
            award("a4", wrong, salt: "pepper", badge: "b4"),
        ]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.outcome(of: "a2") == .credited)
        #expect(result.outcome(of: "a3") == .credited)
        #expect(result.outcome(of: "a4") == .unmatchedRecipient)
    }

    @Test("Step 2: no match, an inactive match, and two active matches")
    func recipientOutcomes() {
        let roster = [F.educator("001", email: "shared@k12.de.us"), F.educator("002", email: "shared@K12.de.us"),
                      F.educator("003", email: "gone@k12.de.us", active: false)]
        let result = CreditingEngine.evaluate(F.input(roster: roster, awards: [
            F.award("a1", to: "nobody@k12.de.us"),
            F.award("a2", to: "gone@k12.de.us"),
            F.award("a3", to: "shared@k12.de.us"),
        ]))
        #expect(result.outcome(of: "a1") == .unmatchedRecipient)
        #expect(result.outcome(of: "a2") == .inactiveEducator)
        #expect(result.outcome(of: "a3") == .ambiguousRecipient)
    }

    @Test("Step 3: a revoked award is not credited; a credited one that is revoked later is reversed")
    func revocation() {
        let roster = [F.educator("001")]
        let fresh = CreditingEngine.evaluate(F.input(roster: roster, awards: [F.award("a1", to: "e001@k12.de.us", revoked: true)]))
        #expect(fresh.outcome(of: "a1") == .revoked)
        #expect(fresh.postings.isEmpty)

        let standing = StandingCredit(awardID: "a2", educatorID: "001", badgeID: "b2", issuerID: F.ddoeIssuer,
                                      awardDate: F.date("2026-09-01"), creditType: .ddoe, hours: ClockHours(10))
        let later = CreditingEngine.evaluate(F.input(roster: roster, standing: [standing], revoked: ["a2"], awards: []))
        #expect(later.outcome(of: "a2") == .revoked)
        #expect(later.postings == [Posting(awardID: "a2", educatorID: "001", action: .reverse, hours: ClockHours(10),
                                           creditType: .ddoe, badgeID: "b2", issuerID: F.ddoeIssuer,
                                           awardDate: F.date("2026-09-01"), reason: "revoked",
                                           audit: Audit(rule: "revocation"))])
    }

    @Test("Step 4: future-dated, outside the term (both ends included), no term on record")
    func dates() {
        let roster = [F.educator("001", term: ("2024-01-01", "2026-10-31")), F.educator("002", term: nil)]
        let result = CreditingEngine.evaluate(F.input(asOf: "2026-11-20", roster: roster, awards: [
            F.award("a1", to: "e001@k12.de.us", badge: "b1", on: "2026-11-21"),
            F.award("a2", to: "e001@k12.de.us", badge: "b2", on: "2023-12-31"),
            F.award("a3", to: "e001@k12.de.us", badge: "b3", on: "2024-01-01"),
            F.award("a4", to: "e001@k12.de.us", badge: "b4", on: "2026-10-31"),
            F.award("a5", to: "e001@k12.de.us", badge: "b5", on: "2026-11-01"),
            F.award("a6", to: "e002@k12.de.us", badge: "b6"),
        ]))
        #expect(result.outcome(of: "a1") == .futureDated)
        #expect(result.outcome(of: "a2") == .outsideLicenseTerm)
        #expect(result.outcome(of: "a3") == .credited)
        #expect(result.outcome(of: "a4") == .credited)
        #expect(result.outcome(of: "a5") == .outsideLicenseTerm)
        #expect(result.outcome(of: "a6") == .outsideLicenseTerm)
        #expect(result.decision(of: "a6")?.reason == "no_term_on_record")
    }

    @Test("Step 5: the same BadgeClass twice credits once; the same award id again posts nothing")
    func duplicates() {
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(roster: roster, awards: [
            F.award("a2", to: "e001@k12.de.us", badge: "b1", on: "2026-10-02"),
            F.award("a1", to: "e001@k12.de.us", badge: "b1", on: "2026-10-01"),
        ]))
        #expect(result.outcome(of: "a1") == .credited)
        #expect(result.outcome(of: "a2") == .duplicateCredential)
        #expect(result.postings.count == 1)

        let standing = StandingCredit(awardID: "a1", educatorID: "001", badgeID: "b1", issuerID: F.ddoeIssuer,
                                      awardDate: F.date("2026-10-01"), creditType: .ddoe, hours: ClockHours(10))
        let again = CreditingEngine.evaluate(F.input(roster: roster, standing: [standing],
                                                     awards: [F.award("a1", to: "e001@k12.de.us", badge: "b1")]))
        #expect(again.postings.isEmpty)
    }

    @Test("Step 5: a standing credit from an earlier term still blocks the same BadgeClass")
    func duplicateAcrossTerms() {
        let roster = [F.educator("001", term: ("2026-07-01", "2031-06-30"))]
        let old = StandingCredit(awardID: "a0", educatorID: "001", badgeID: "b1", issuerID: F.ddoeIssuer,
                                 awardDate: F.date("2024-03-01"), creditType: .ddoe, hours: ClockHours(10))
        let result = CreditingEngine.evaluate(F.input(roster: roster, standing: [old],
                                                      awards: [F.award("a1", to: "e001@k12.de.us", badge: "b1")]))
        #expect(result.outcome(of: "a1") == .duplicateCredential)
    }

    @Test("Step 6: DDOE credentials ignore district decisions")
    func ddoeIgnoresDenial() {
        let roster = [F.educator("001")]
        let result = CreditingEngine.evaluate(F.input(roster: roster,
                                                      approvals: [F.approval(1, educator: "001", badge: "b1", .denied)],
                                                      awards: [F.award("a1", to: "e001@k12.de.us", badge: "b1")]))
        #expect(result.outcome(of: "a1") == .credited)
    }
}
