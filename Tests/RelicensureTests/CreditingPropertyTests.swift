import OpenBadges
import PropertyBased
import Relicensure
import Testing

/// The ledger as the store keeps it, for running the engine night after night in memory:
/// standing credits from the postings, and each award's latest outcome.
struct LedgerModel {
    private(set) var standing: [String: StandingCredit] = [:]
    private(set) var outcomes: [String: Outcome] = [:]

    var standingCredits: [StandingCredit] { standing.values.sorted { $0.awardID < $1.awardID } }

    /// Posts a night's entries and keeps its outcomes.
    mutating func apply(_ result: CreditingResult) {
        post(result.postings)
        for decision in result.decisions { outcomes[decision.awardID] = decision.outcome }
    }

    mutating func post(_ postings: [Posting]) {
        for posting in postings {
            switch posting.action {
            case .add:
                var credit = standing[posting.awardID]
                    ?? StandingCredit(awardID: posting.awardID, educatorID: posting.educatorID, badgeID: posting.badgeID,
                                      issuerID: posting.issuerID, awardDate: posting.awardDate,
                                      creditType: posting.creditType, hours: .zero)
                credit.hours += posting.hours
                standing[posting.awardID] = credit
            case .reverse:
                standing[posting.awardID]?.hours -= posting.hours
                if let credit = standing[posting.awardID], !credit.hours.isPositive { standing[posting.awardID] = nil }
            }
        }
    }

    /// SPEC §5 "Every night again": every award not yet final.
    func waiting(_ awards: [AwardFacts]) -> [AwardFacts] {
        awards.filter { outcomes[$0.awardID].map { !$0.isFinal } ?? true }
    }
}

/// A deterministic generator for the shuffles (SplitMix64), so a failing seed reproduces.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CreditingScenario {
    /// The two nights' inputs and results, the ledger carried from the first to the second.
    struct Run {
        var first: CreditingInput
        var firstResult: CreditingResult
        var second: CreditingInput
        var secondResult: CreditingResult
        var afterFirst: LedgerModel
        var afterSecond: LedgerModel
    }

    func run() -> Run {
        var ledger = LedgerModel()
        let first = CreditingInput(asOf: Self.firstNight, rules: rules, roster: roster,
                                   approvals: ApprovalBook(firstNightApprovals), standing: [], revokedAwardIDs: [],
                                   awards: firstNightAwards)
        let firstResult = CreditingEngine.evaluate(first)
        ledger.apply(firstResult)
        let afterFirst = ledger
        let second = CreditingInput(asOf: Self.secondNight, rules: rules, roster: roster,
                                    approvals: ApprovalBook(firstNightApprovals + secondNightApprovals),
                                    standing: ledger.standingCredits, revokedAwardIDs: revokedOnSecondNight,
                                    awards: ledger.waiting(firstNightAwards + secondNightAwards))
        let secondResult = CreditingEngine.evaluate(second)
        ledger.apply(secondResult)
        return Run(first: first, firstResult: firstResult, second: second, secondResult: secondResult,
                   afterFirst: afterFirst, afterSecond: ledger)
    }
}

@Suite("Crediting engine properties over random rosters, rules, decisions and awards")
struct CreditingPropertyTests {
    @Test("Deterministic: the same input in any order gives the same decisions and postings")
    func deterministic() async {
        await propertyCheck(count: 300, input: ScenarioGen.scenario) { scenario in
            let run = scenario.run()
            var generator = SplitMix(state: scenario.shuffleSeed)
            var shuffled = run.second
            shuffled.awards.shuffle(using: &generator)
            shuffled.roster.shuffle(using: &generator)
            shuffled.standing.shuffle(using: &generator)
            shuffled.approvals = ApprovalBook((scenario.firstNightApprovals + scenario.secondNightApprovals).shuffled(using: &generator))
            let again = CreditingEngine.evaluate(shuffled)
            #expect(again.decisions == run.secondResult.decisions, "\(scenario)")
            #expect(again.postings == run.secondResult.postings, "\(scenario)")
        }
    }

    @Test("No educator's standing hours in a term ever exceed a cap that applies to them")
    func capsHold() async {
        await propertyCheck(count: 300, input: ScenarioGen.scenario) { scenario in
            let run = scenario.run()
            for ledger in [run.afterFirst, run.afterSecond] {
                let violations = Self.capViolations(rules: scenario.rules, roster: scenario.roster,
                                                    standing: ledger.standingCredits)
                #expect(violations.isEmpty, "\(violations)\n\(scenario)")
            }
        }
    }

    @Test("No educator ever holds two standing credits for one BadgeClass")
    func oneCreditPerBadgeClass() async {
        await propertyCheck(count: 300, input: ScenarioGen.scenario) { scenario in
            let run = scenario.run()
            for ledger in [run.afterFirst, run.afterSecond] {
                var seen = Set<String>()
                for credit in ledger.standingCredits {
                    #expect(seen.insert("\(credit.educatorID) \(credit.badgeID)").inserted,
                            "educator \(credit.educatorID) holds \(credit.badgeID) twice\n\(scenario)")
                }
            }
        }
    }

    /// Whole decisions, not outcomes alone: an incremental night leaves an award's reason and
    /// audit as the night that last evaluated it wrote them, and a full evaluation must find
    /// the same (the cap a refused award is over, the credit it duplicates).
    @Test("Running again over its own output posts nothing new and decides the same, detail for detail")
    func fixedPoint() async {
        await propertyCheck(count: 300, input: ScenarioGen.scenario) { scenario in
            let run = scenario.run()
            for (input, result) in [(run.first, run.firstResult), (run.second, run.secondResult)] {
                var ledger = LedgerModel()
                ledger.post(input.standing.map(Self.add))
                ledger.apply(result)
                let notCredited = input.awards.filter { award in
                    result.decisions.contains { $0.awardID == award.awardID && $0.outcome != .credited }
                }
                var again = input
                again.standing = ledger.standingCredits
                again.awards = notCredited
                let rerun = CreditingEngine.evaluate(again)
                #expect(rerun.postings.isEmpty, "\(rerun.postings)\n\(scenario)")
                for award in notCredited {
                    #expect(rerun.decision(of: award.awardID) == result.decision(of: award.awardID),
                            "\(award.awardID)\n\(scenario)")
                }
            }
        }
    }

    /// An ADD that makes `credit` stand, for seeding a ledger model.
    static func add(_ credit: StandingCredit) -> Posting {
        Posting(awardID: credit.awardID, educatorID: credit.educatorID, action: .add, hours: credit.hours,
                creditType: credit.creditType, badgeID: credit.badgeID, issuerID: credit.issuerID,
                awardDate: credit.awardDate, reason: "credited", audit: Audit())
    }

    /// Every cap of SPEC §5 step 8 that an educator's standing credits in their term break.
    static func capViolations(rules: CreditingRules, roster: [Educator], standing: [StandingCredit]) -> [String] {
        var violations: [String] = []
        for educator in roster {
            guard let term = educator.term else { continue }
            let inTerm = standing.filter { $0.educatorID == educator.id && term.contains($0.awardDate) }
            func total(_ credits: [StandingCredit]) -> ClockHours { credits.reduce(.zero) { $0 + $1.hours } }
            if let cap = rules.microCredentialCap, total(inTerm) > cap {
                violations.append("\(educator.id): \(total(inTerm)) h over the state cap \(cap)")
            }
            guard let district = rules.districts[educator.districtCode] else { continue }
            let external = inTerm.filter { $0.creditType == .external }
            if let cap = district.externalCap, total(external) > cap {
                violations.append("\(educator.id): \(total(external)) external h over the district cap \(cap)")
            }
            for rule in district.issuers {
                let fromIssuer = inTerm.filter { $0.issuerID == rule.issuerID }
                if let cap = rule.cap, total(fromIssuer) > cap {
                    violations.append("\(educator.id): \(total(fromIssuer)) h from \(rule.name) over its cap \(cap)")
                }
            }
        }
        return violations
    }
}
