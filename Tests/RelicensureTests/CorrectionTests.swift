import OpenBadges
import Relicensure
import Testing

@Suite("HR corrections: one entry moves a standing credit to the hours HR gives")
struct CorrectionTests {
    typealias F = Fixture

    let credit = StandingCredit(awardID: "a1", educatorID: "001", badgeID: "n1", issuerID: F.nea,
                                awardDate: F.date("2026-10-01"), creditType: .external, hours: ClockHours(15))

    func correction(_ change: Correction.Change) -> Correction {
        Correction(awardID: "a1", change: change, recordedBy: "HR Director", reason: "typo in the rubric")
    }

    @Test("Fewer hours post a REVERSE of the difference; more hours an ADD", arguments: [
        (ClockHours(12), Posting.Action.reverse, ClockHours(3)),
        (ClockHours(0), .reverse, ClockHours(15)),
        (ClockHours(hundredths: 1750), .add, ClockHours(hundredths: 250)),
    ])
    func difference(target: ClockHours, action: Posting.Action, hours: ClockHours) throws {
        let posting = try correction(.setHours(target)).posting(against: credit).get()
        #expect(posting.action == action)
        #expect(posting.hours == hours)
        #expect(posting.kind == .correction)
        #expect(posting.reason == "typo in the rubric")
        #expect(posting.audit.rule == "correction by HR Director: 15 h to \(target) h")
        #expect(posting.educatorID == "001" && posting.badgeID == "n1" && posting.creditType == .external)
        #expect(posting.awardDate == F.date("2026-10-01"))
    }

    @Test("--reverse takes back every standing hour")
    func reverse() throws {
        let posting = try correction(.reverse).posting(against: credit).get()
        #expect(posting.action == .reverse)
        #expect(posting.hours == ClockHours(15))
    }

    @Test("Refused: no standing credit, negative hours, the hours it already has")
    func refusals() {
        #expect(correction(.reverse).posting(against: nil) == .failure(.noStandingCredit(awardID: "a1")))
        #expect(correction(.setHours(ClockHours(-1))).posting(against: credit) == .failure(.negativeHours(ClockHours(-1))))
        #expect(correction(.setHours(ClockHours(15))).posting(against: credit)
                == .failure(.unchanged(awardID: "a1", hours: ClockHours(15))))
        #expect(Correction.Refusal.unchanged(awardID: "a1", hours: ClockHours(15)).description
                == "award a1 already stands at 15 h; nothing to do")
    }

    @Test("Engine postings default their kind from the action")
    func engineKinds() {
        let add = Posting(awardID: "a", educatorID: "e", action: .add, hours: ClockHours(1), creditType: .ddoe,
                          badgeID: "b", issuerID: "i", awardDate: F.date("2026-10-01"), reason: "credited", audit: Audit())
        #expect(add.kind == .credit)
        #expect(Posting(awardID: "a", educatorID: "e", action: .reverse, hours: ClockHours(1), creditType: .ddoe,
                        badgeID: "b", issuerID: "i", awardDate: F.date("2026-10-01"), reason: "revoked",
                        audit: Audit()).kind == .reversal)
    }
}
