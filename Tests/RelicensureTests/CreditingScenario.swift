import OpenBadges
import PropertyBased
import Relicensure

/// Two nights of a small district, drawn at random for the property tests: a roster, the
/// state's and districts' rules (caps, windows, approval modes), awards and decisions that
/// arrive on the first night or the second, and revocations found on the second.
///
/// Everything is drawn as small integers that index tables of meaningful values, with the
/// simplest value first, so that PropertyBased shrinks a failing case towards a readable one.
struct CreditingScenario: Sendable, CustomStringConvertible {
    var rules: CreditingRules
    var roster: [Educator]
    var firstNightApprovals: [ApprovalDecision]
    var secondNightApprovals: [ApprovalDecision]
    var firstNightAwards: [AwardFacts]
    var secondNightAwards: [AwardFacts]
    var revokedOnSecondNight: Set<String>
    /// Seeds the shuffles of the determinism property.
    var shuffleSeed: UInt64

    static let firstNight = Fixture.date("2026-10-15")
    static let secondNight = Fixture.date("2026-11-20")

    var description: String {
        let awards = (firstNightAwards + secondNightAwards).map {
            "\($0.awardID) \($0.recipient?.identity ?? "-") \($0.badgeID ?? "-") \($0.awardDate.map(String.init(describing:)) ?? "-")"
        }
        let approvals = (firstNightApprovals + secondNightApprovals).map {
            "#\($0.id) \($0.educatorID) \($0.badgeID) \($0.verdict) \($0.hours.map(String.init(describing:)) ?? "-") \($0.decidedOn)"
        }
        let districts = rules.districts.values.sorted { $0.code < $1.code }.map { district in
            "\(district.code) ext \(district.externalCap.map(String.init(describing:)) ?? "-"): "
                + district.issuers.map { "\($0.name) \($0.approval) cap \($0.cap.map(String.init(describing:)) ?? "-") from \($0.from.map(String.init(describing:)) ?? "-")" }
                .joined(separator: ", ")
        }
        return """
            state cap \(rules.microCredentialCap.map(String.init(describing:)) ?? "-"); districts \(districts)
            roster \(roster.map { "\($0.id)/\($0.districtCode)/\($0.term.map { "\($0.start)..\($0.end)" } ?? "no term")/\($0.isActive ? "active" : "inactive")" })
            awards \(awards); revoked later \(revokedOnSecondNight.sorted())
            approvals \(approvals)
            """
    }
}

// MARK: Tables the generator indexes

extension CreditingScenario {
    /// Badges 0–2 are DDOE's, 3–5 NEA's, 6–7 Digital Promise's.
    static let badges = ["b0", "b1", "b2", "n3", "n4", "n5", "d6", "d7"]
    static func issuer(ofBadge index: Int) -> String {
        index < 3 ? Fixture.ddoeIssuer : (index < 6 ? Fixture.nea : Fixture.dp)
    }

    static let caps: [ClockHours?] = [nil, ClockHours(10), ClockHours(20), ClockHours(45)]
    static let approvalHours: [ClockHours?] = [nil, ClockHours(5), ClockHours(hundredths: 1250), ClockHours(25), .zero]
    /// The common term more often than the others.
    static let terms: [LicenseTerm?] = [
        LicenseTerm(start: Fixture.date("2022-07-01"), end: Fixture.date("2027-06-30")),
        LicenseTerm(start: Fixture.date("2022-07-01"), end: Fixture.date("2027-06-30")),
        LicenseTerm(start: Fixture.date("2026-07-01"), end: Fixture.date("2031-06-30")),  // renewed mid-year
        LicenseTerm(start: Fixture.date("2022-07-01"), end: Fixture.date("2027-06-30")),
        LicenseTerm(start: Fixture.date("2021-07-01"), end: Fixture.date("2026-06-30")),  // ended
        nil,
    ]
    static let windowStarts: [CalendarDate?] = [nil, Fixture.date("2026-03-01"), Fixture.date("2026-09-01")]
    static let firstDay = Fixture.date("2026-01-01")
}

// MARK: Generators

enum ScenarioGen {
    static func email(_ educator: Int) -> String { "e00\(educator)@k12.de.us" }

    /// An index drawn without knowing the roster's size, folded onto it (7 stays a stranger).
    static func educator(_ drawn: Int, of count: Int) -> Int { drawn == 7 ? 7 : drawn % count }

    static var educator: Generator<(district: Int, term: Int, active: Bool), some SendableSequenceType> {
        zip(Gen.int(in: 0...1), Gen.int(in: 0...5), Gen.bool(0.9)).map { (district: $0.0, term: $0.1, active: $0.2) }
    }

    /// (recipient: an educator, or 7 a stranger; badge; day after 2026-01-01 (day 323 is the
    /// second night); second night?; revoked later?)
    static var award: Generator<(recipient: Int, badge: Int, day: Int, later: Bool, revoked: Bool), some SendableSequenceType> {
        zip(Gen.int(in: 0...7), Gen.int(in: 0...7), Gen.int(in: 0...340), Gen.bool(0.4), Gen.bool(0.1))
            .map { (recipient: $0.0, badge: $0.1, day: $0.2, later: $0.3, revoked: $0.4) }
    }

    /// (educator; external badge; approved?; hours; day after 2026-01-01; second night?). The
    /// first night's decisions mostly approve and the second's mostly deny, so that denials of
    /// posted credits (reversals) are common.
    static var approval: Generator<(educator: Int, badge: Int, approved: Bool, hours: Int, day: Int, later: Bool), some SendableSequenceType> {
        zip(Gen.int(in: 0...3), Gen.int(in: 3...7), Gen.int(in: 0...9), Gen.int(in: 0...4), Gen.int(in: 0...340), Gen.bool(0.5))
            .map { (educator: $0.0, badge: $0.1, approved: $0.5 ? $0.2 >= 6 : $0.2 >= 2, hours: $0.3, day: $0.4, later: $0.5) }
    }

    /// (state cap, Red Clay's external cap, NEA per-educator?, NEA cap, NEA window start,
    /// NEA badge override?, DP per-educator?, DP cap, Christina counts DP?)
    static var rules: Generator<CreditingRules, some SendableSequenceType> {
        zip(Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.bool, Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.bool,
            Gen.bool, Gen.int(in: 0...3), Gen.bool)
            .map { seed in
                let table = CreditingScenario.self
                let nea = IssuerRule(issuerID: Fixture.nea, name: "NEA", hours: ClockHours(10),
                                     badgeHours: seed.5 ? ["n3": ClockHours(15)] : [:],
                                     approval: seed.2 ? .perEducator : .none, from: table.windowStarts[seed.4],
                                     cap: table.caps[seed.3])
                let dp = IssuerRule(issuerID: Fixture.dp, name: "DP", hours: ClockHours(10),
                                    approval: seed.6 ? .perEducator : .none, cap: table.caps[seed.7])
                return CreditingRules(
                    requiredHours: ClockHours(90), microCredentialCap: table.caps[seed.0],
                    ddoe: DDOERule(hoursPerCredential: ClockHours(10), issuerIDs: [Fixture.ddoeIssuer]),
                    districts: ["31": DistrictRules(code: "31", name: "Red Clay", externalCap: table.caps[seed.1], issuers: [nea, dp]),
                                "33": DistrictRules(code: "33", name: "Christina", issuers: seed.8 ? [dp] : [])])
            }
    }

    static var scenario: Generator<CreditingScenario, some SendableSequenceType> {
        zip(rules, educator.array(of: 1...4), award.array(of: 0...24), approval.array(of: 0...14),
            Gen.int(in: 0...Int(Int32.max)))
            .map { build(rules: $0.0, educators: $0.1, awards: $0.2, approvals: $0.3, seed: UInt64($0.4)) }
    }

    static func build(rules: CreditingRules, educators: [(district: Int, term: Int, active: Bool)],
                      awards: [(recipient: Int, badge: Int, day: Int, later: Bool, revoked: Bool)],
                      approvals: [(educator: Int, badge: Int, approved: Bool, hours: Int, day: Int, later: Bool)],
                      seed: UInt64) -> CreditingScenario {
        let table = CreditingScenario.self
        let roster = educators.enumerated().map { index, seed in
            Educator(id: "00\(index)", firstName: "F", lastName: "L", email: email(index),
                     districtCode: seed.district == 0 ? "31" : "33", term: table.terms[seed.term], isActive: seed.active)
        }
        let facts = awards.enumerated().map { index, seed in
            AwardFacts(awardID: "a\(index)", badgeID: table.badges[seed.badge], badgeName: table.badges[seed.badge],
                       issuerID: table.issuer(ofBadge: seed.badge), issuerName: "Issuer",
                       awardDate: CalendarDate(dayNumber: table.firstDay.dayNumber + seed.day),
                       recipient: RecipientIdentity(type: "email", identity: email(educator(seed.recipient, of: roster.count)),
                                                    hashed: false, salt: nil))
        }
        // Ids grow with import order: the second night's decisions were imported after the first's.
        let imported = approvals.filter { !$0.later } + approvals.filter(\.later)
        let decisions = imported.enumerated().map { index, seed in
            ApprovalDecision(id: Int64(index + 1), educatorID: "00\(educator(seed.educator, of: roster.count))", badgeID: table.badges[seed.badge],
                             verdict: seed.approved ? .approved : .denied,
                             hours: seed.approved ? table.approvalHours[seed.hours] : nil, decidedBy: "HR",
                             decidedOn: CalendarDate(dayNumber: table.firstDay.dayNumber + seed.day))
        }
        return CreditingScenario(
            rules: rules, roster: roster,
            firstNightApprovals: zip(decisions, imported).filter { !$0.1.later }.map(\.0),
            secondNightApprovals: zip(decisions, imported).filter { $0.1.later }.map(\.0),
            firstNightAwards: zip(facts, awards).filter { !$0.1.later }.map(\.0),
            secondNightAwards: zip(facts, awards).filter { $0.1.later }.map(\.0),
            revokedOnSecondNight: Set(zip(facts, awards).filter { $0.1.revoked }.map(\.0.awardID)),
            shuffleSeed: seed)
    }
}
