import Foundation
import OpenBadges
import Postgres
import Relicensure
import RelicensureApp
import RelicensureStore
import Testing

/// The engine's property tests exercise `CreditingEngine.evaluate`: matching and each
/// educator's crediting composed in memory. The night runs the same two steps streamed through
/// the database — awards through a cursor, matched ones set aside by educator, each educator
/// read back beside their standing credits — so the grouping and ordering in between are the
/// night's own. This holds the two together on seeded random districts, over a first night and
/// a second with standing credits, denials and revocations that reverse some of them, a
/// revoked waiting award and more awards: every
/// award's outcome, reason, educator and hours, and every ledger entry, the same (issue 15).
@Suite("The nightly job credits what the engine's in-memory evaluation credits")
struct EngineTwinNightTests {
    typealias Sample = ChangedInputsEvaluationTests

    static let ddoeName = "Delaware Department of Education"
    static let neaName = "National Education Association"

    /// Eight educators of district 31: terms that begin and end around the awards, one
    /// inactive, two sharing an address (ambiguous), one without a term.
    static let roster = """
        educator_id,first_name,last_name,email,other_emails,district_code,license_start,license_end,status
        0050001,Ana,Ames,ana.ames@k12.de.us,,31,2022-07-01,2027-06-30,active
        0050002,Ben,Bell,ben.bell@k12.de.us,ben@home.example,31,2024-01-01,2028-12-31,active
        0050003,Cy,Cole,cy.cole@k12.de.us,,31,2021-07-01,2026-06-30,active
        0050004,Di,Dunn,di.dunn@k12.de.us,shared@k12.de.us,31,2023-07-01,2028-06-30,active
        0050005,Ed,Eve,ed.eve@k12.de.us,shared@k12.de.us,31,2023-07-01,2028-06-30,active
        0050006,Fa,Fox,fa.fox@k12.de.us,,31,2022-07-01,2027-06-30,inactive
        0050007,Gil,Gray,gil.gray@k12.de.us,,31,,,active
        0050008,Hu,Hart,Hu.Hart@K12.de.us,,31,2025-07-01,2030-06-30,active
        """

    static let addresses = ["ana.ames@k12.de.us", "ben.bell@k12.de.us", "ben@home.example", "cy.cole@k12.de.us",
                            "di.dunn@k12.de.us", "shared@k12.de.us", "ed.eve@k12.de.us", "fa.fox@k12.de.us",
                            "gil.gray@k12.de.us", "hu.hart@k12.de.us", "nobody@k12.de.us"]
    static let slugs = ["classroom", "literacy", "math", "equity"]

    @Test("Seeded random districts, two nights: the night's outcomes and ledger are CreditingEngine.evaluate's",
          arguments: [11, 12, 13] as [UInt64])
    func nightIsTheEngine(seed: UInt64) throws {
        try CreditWorkspace.with(neaCap: "25") { workspace, _ in
            var random = SeededRandom(seed: seed)
            try workspace.write("roster8.csv", Self.roster)
            _ = try RosterImport.run(session: try workspace.session(), file: workspace.path("roster8.csv"), full: true,
                                     strict: false)
            let educators = ["0050001", "0050002", "0050003", "0050004", "0050005", "0050007", "0050008"]
            var approvals: [String] = []
            for educator in educators {
                for slug in Self.slugs where random.below(3) == 0 {
                    let decision = random.below(4) == 0 ? "denied" : "approved"
                    let day = "2026-\(String(format: "%02d", 1 + random.below(12)))-15"
                    approvals.append("\(educator),\(CreditSample.neaBadge(slug)),\(decision),,HR,\(day),")
                }
            }
            if !approvals.isEmpty { try workspace.importApprovals(approvals, strict: false) }

            let facts = try Self.writeAwards(0..<80, seed: seed, random: &random, into: workspace)
            let summary = try workspace.nightly()
            #expect(summary.newAwards == facts.count)

            let session = try workspace.session()
            let store = try session.openStore()
            let input = CreditingInput(asOf: session.asOf, rules: session.configuration.rules, roster: try store.roster(),
                                       approvals: ApprovalBook(try store.approvalDecisions()), standing: [],
                                       revokedAwardIDs: [], awards: facts)
            let engine = CreditingEngine.evaluate(input)

            let night = try workspace.database.rows("""
                SELECT award_id, outcome, reason, educator_id, hours::text FROM award_outcomes ORDER BY award_id COLLATE "C"
                """).map { row in row.map { $0 ?? "" } }
            let expected = Self.rows(engine.decisions)
            #expect(night == expected, "seed \(seed)")
            // The random district must reach the rules that matter, or it proves little.
            let outcomes = Set(expected.map { $0[1] })
            #expect(outcomes.isSuperset(of: ["credited", "duplicate_credential", "outside_license_term", "future_dated",
                                             "unmatched_recipient", "ambiguous_recipient"]), "seed \(seed): \(outcomes.sorted())")

            #expect(try Self.ledger(after: 0, in: workspace) == Self.rows(engine.postings), "seed \(seed)")

            // A second night: standing credits, denials of some of them, more awards.
            let lastEntry = Int(try workspace.database.scalar("SELECT coalesce(max(entry_id), 0)::text FROM ledger_entries") ?? "0") ?? 0
            let standing = try store.standingCredits()
            let deniedCredits = standing.filter { $0.creditType == .external }.prefix(3)
            let denials = deniedCredits.map { "\($0.educatorID),\($0.badgeID),denied,,HR,2026-11-25," }
            #expect(!denials.isEmpty, "seed \(seed): no external credit to deny")
            _ = try workspace.importApprovals(Array(denials), named: "denials.csv", strict: false)
            let final = Set(engine.decisions.filter(\.outcome.isFinal).map(\.awardID))
            var waiting = facts.filter { !final.contains($0.awardID) }
            // Revocations too: of two credits no denial reverses, one by a revocation-only
            // document and one by its assertion delivered again saying it is revoked (the
            // award's own flag), and of a matched award still waiting.
            let denied = Set(deniedCredits.map { "\($0.educatorID) \($0.badgeID)" })
            let undenied = standing.filter { !denied.contains("\($0.educatorID) \($0.badgeID)") }
            let revokedCredit = undenied.first, flaggedCredit = undenied.dropFirst().first
            // Matched to an active educator and waiting for crediting's rules (SPEC §5 steps 3 on).
            let stillWaiting = engine.decisions.first { [.pendingApproval, .overCap, .outsideLicenseTerm].contains($0.outcome) }
            let revoked = [revokedCredit?.awardID, flaggedCredit?.awardID, stillWaiting?.awardID].compactMap { $0 }
            #expect(revoked.count == 3, "seed \(seed): not enough to revoke")
            for awardID in [revokedCredit?.awardID, stillWaiting?.awardID].compactMap({ $0 }) {
                try workspace.write("inbox/revocation-\(revoked.firstIndex(of: awardID) ?? 0).json",
                                    #"{"id": "\#(awardID)", "revoked": true}"#)
            }
            if let flagged = flaggedCredit?.awardID, let name = flagged.split(separator: "/").last {
                let original = try String(contentsOfFile: workspace.path("inbox/\(name).json"), encoding: .utf8)
                let again = original.replacingOccurrences(of: #""type": "Assertion","#,
                                                          with: #""type": "Assertion", "revoked": true,"#)
                #expect(again != original, "seed \(seed): the assertion could not be marked revoked")
                try workspace.write("inbox/\(name)-again.json", again)
            }
            for index in waiting.indices where revoked.contains(waiting[index].awardID) { waiting[index].isRevoked = true }
            let added = try Self.writeAwards(80..<100, seed: seed, random: &random, into: workspace)
            _ = try workspace.nightly(asOf: "2026-11-27")
            let later = try workspace.session(asOf: "2026-11-27")
            let second = CreditingEngine.evaluate(CreditingInput(
                asOf: later.asOf, rules: later.configuration.rules, roster: try store.roster(),
                approvals: ApprovalBook(try store.approvalDecisions()), standing: standing, revokedAwardIDs: Set(revoked),
                awards: waiting + added))
            #expect(second.decisions.contains { $0.awardID == stillWaiting?.awardID && $0.outcome == .revoked },
                    "seed \(seed): the waiting award is not revoked")
            for credit in [revokedCredit, flaggedCredit] {
                #expect(second.postings.contains { $0.action == .reverse && $0.awardID == credit?.awardID },
                        "seed \(seed): a revoked credit is not reversed")
            }
            let decided = Set(second.decisions.map(\.awardID))
            let nightTwo = try workspace.database.rows("""
                SELECT award_id, outcome, reason, educator_id, hours::text FROM award_outcomes ORDER BY award_id COLLATE "C"
                """).map { row in row.map { $0 ?? "" } }.filter { decided.contains($0[0]) }
            #expect(nightTwo == Self.rows(second.decisions), "seed \(seed), second night")
            #expect(second.postings.contains { $0.action == .reverse }, "seed \(seed): the denials reverse nothing")
            #expect(try Self.ledger(after: lastEntry, in: workspace) == Self.rows(second.postings), "seed \(seed), second night")
        }
    }

    /// Awards `indexes` as inbox files, and the facts the engine is given for them.
    static func writeAwards(_ indexes: Range<Int>, seed: UInt64, random: inout SeededRandom,
                            into workspace: CreditWorkspace) throws -> [AwardFacts] {
        var facts: [AwardFacts] = []
        for index in indexes {
            let isDDOE = random.below(3) == 0
            let slug = random.pick(slugs)
            let address = random.pick(addresses)
            let day = "\(2021 + random.below(6))-\(String(format: "%02d", 1 + random.below(12)))-\(String(format: "%02d", 1 + random.below(28)))"
            let salt: String? = random.below(2) == 0 ? nil : "salt-\(random.below(3))"
            let hashed = random.below(2) == 0
            let recipient = hashed ? Sample.hashed(address, salt: salt) : Sample.plain(address)
            let id = "award-\(seed)-\(index)"
            let text = isDDOE ? Sample.ddoe(id, slug, to: recipient, on: day) : Sample.nea(id, slug, to: recipient, on: day)
            try workspace.write("inbox/\(id).json", text)
            let badge = isDDOE ? Sample.ddoeBadgeBase + slug : CreditSample.neaBadge(slug)
            facts.append(AwardFacts(
                awardID: isDDOE ? "https://badges.doe.k12.de.us/assertions/\(id)" : CreditSample.neaAward(id),
                badgeID: badge, badgeName: "Badge \(badge.split(separator: "/").last ?? "")",
                issuerID: isDDOE ? CreditSample.ddoe : CreditSample.nea, issuerName: isDDOE ? ddoeName : neaName,
                awardDate: CalendarDate(day),
                recipient: hashed
                    ? RecipientIdentity(type: "email", identity: "sha256$" + RecipientIdentity.hash(address, salt: salt, algorithm: .sha256),
                                        hashed: true, salt: salt)
                    : RecipientIdentity(type: "email", identity: address, hashed: false, salt: nil)))
        }
        return facts
    }

    /// The ledger entries after `entryID`, as the engine's postings are compared.
    static func ledger(after entryID: Int, in workspace: CreditWorkspace) throws -> [[String]] {
        try workspace.database.rows("""
            SELECT award_id, educator_id, action, hours::text FROM ledger_entries WHERE entry_id > \(entryID)
            ORDER BY award_id COLLATE "C", action
            """).map { row in row.map { $0 ?? "" } }
    }

    static func rows(_ postings: [Posting]) -> [[String]] {
        postings.map { [$0.awardID, $0.educatorID, $0.action.rawValue, text($0.hours)] }
            .sorted { ($0[0].utf8.lexicographicallyPrecedes($1[0].utf8)) || ($0[0] == $1[0] && $0[2] < $1[2]) }
    }

    static func rows(_ decisions: [Decision]) -> [[String]] {
        decisions.sorted { $0.awardID.utf8.lexicographicallyPrecedes($1.awardID.utf8) }
            .map { [$0.awardID, $0.outcome.rawValue, $0.reason, $0.educatorID ?? "", text($0.hours)] }
    }

    /// Hours as the database prints `numeric(8,2)`.
    static func text(_ hours: ClockHours) -> String {
        String(format: "%.2f", Double(hours.hundredths) / 100)
    }
}
