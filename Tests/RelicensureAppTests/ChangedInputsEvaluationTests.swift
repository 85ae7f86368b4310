import Foundation
import OpenBadges
import Postgres
import Relicensure
import RelicensureApp
@testable import RelicensureStore
import Testing

/// A night evaluates again only the waiting awards whose inputs changed (issue 8). These tests
/// run the same nights on two databases, one evaluating every waiting award
/// (`RELICENSURE_FULL_EVALUATION=1`), and require the same outcomes, history and ledger after
/// every night, through each kind of change an outcome depends on (SPEC §5).
@Suite("Evaluating only what changed ends where evaluating everything ends")
struct ChangedInputsEvaluationTests {
    typealias S = CreditSample
    static let ddoeBadgeBase = "https://badges.doe.k12.de.us/badges/"

    /// The same inputs to two districts' databases; `night` runs both and compares them.
    struct Twin {
        let changedOnly: CreditWorkspace
        let everything: CreditWorkspace
        /// Added to the changed-only night's environment.
        var changedOnlyEnvironment: [String: String] = [:]

        func write(_ path: String, _ text: String) throws {
            try changedOnly.write(path, text)
            try everything.write(path, text)
        }

        func importRoster(_ csv: String, name: String) throws {
            try write(name, csv)
            for workspace in [changedOnly, everything] {
                _ = try RosterImport.run(session: try workspace.session(), file: workspace.path(name), full: false,
                                         // Not strict: the rosters share an address on purpose, which an
                                         // import questions, and strict refuses what is questioned.
                                         strict: false)
            }
        }

        func importApprovals(_ rows: [String], name: String) throws {
            for workspace in [changedOnly, everything] { try workspace.importApprovals(rows, named: name, strict: true) }
        }

        func correct(_ awardID: String, asOf: String) throws {
            for workspace in [changedOnly, everything] {
                _ = try CreditCorrection.run(session: try workspace.session(asOf: asOf),
                                             correction: Correction(awardID: awardID, change: .reverse,
                                                                    recordedBy: "HR", reason: "keyed twice"),
                                             dryRun: false)
            }
        }

        /// Runs the night on both; returns how many awards each evaluated (changed-only first).
        @discardableResult
        func night(_ asOf: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (Int, Int) {
            let changed = try changedOnly.nightly(asOf: asOf, extra: changedOnlyEnvironment)
            let full = try everything.nightly(asOf: asOf, extra: ["RELICENSURE_FULL_EVALUATION": "1"])
            for query in Twin.compared {
                let left = try changedOnly.database.rows(PostgresQuery(sql: query))
                let right = try everything.database.rows(PostgresQuery(sql: query))
                #expect(left == right, "after the night of \(asOf): \(query)", sourceLocation: sourceLocation)
            }
            // Reports read outcomes as of a day; the days around tonight's, and one far after.
            let around = try #require(CalendarDate(asOf), sourceLocation: sourceLocation)
            let days = [-1, 0, 1].map { around.adding(days: $0).description } + ["2026-12-31"]
            try LatestOutcomesCheck.expectAgreement(changedOnly.database, days: days, sourceLocation: sourceLocation)
            return (changed.evaluated, full.evaluated)
        }

        static let compared = [
            "SELECT award_id, outcome, reason, educator_id, hours::text, evaluated_on::text FROM award_outcomes ORDER BY award_id",
            "SELECT award_id, outcome, reason, educator_id, evaluated_on::text FROM outcome_history ORDER BY award_id, evaluated_on, outcome",
            "SELECT award_id, educator_id, action, kind, hours::text, posted_on::text, reason FROM ledger_entries ORDER BY entry_id",
        ]
    }

    /// An OB 2.0 assertion with its BadgeClass and issuer embedded.
    static func assertion(_ id: String, issuer: String, badge: String, recipient: String, issuedOn: String) -> String {
        let issuerName = issuer == S.ddoe ? "Delaware Department of Education" : "National Education Association"
        return """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(id)",
             "recipient": \(recipient), "issuedOn": "\(issuedOn)T12:00:00Z", "verification": {"type": "hosted"},
             "badge": {"id": "\(badge)", "type": "BadgeClass", "name": "Badge \(badge.split(separator: "/").last ?? "")",
                       "criteria": {"narrative": "x"}, "image": "https://example.org/i.png",
                       "issuer": {"id": "\(issuer)", "type": "Issuer", "name": "\(issuerName)", "url": "https://example.org"}}}
            """
    }

    static func plain(_ email: String) -> String { #"{"type": "email", "hashed": false, "identity": "\#(email)"}"# }

    static func hashed(_ email: String, salt: String?) -> String {
        let digest = RecipientIdentity.hash(email, salt: salt, algorithm: .sha256)
        let saltField = salt.map { #", "salt": "\#($0)""# } ?? ""
        return #"{"type": "email", "hashed": true, "identity": "sha256$\#(digest)"\#(saltField)}"#
    }

    static func nea(_ id: String, _ slug: String, to recipient: String, on day: String) -> String {
        assertion(S.neaAward(id), issuer: S.nea, badge: S.neaBadge(slug), recipient: recipient, issuedOn: day)
    }

    static func ddoe(_ id: String, _ slug: String, to recipient: String, on day: String) -> String {
        assertion("https://badges.doe.k12.de.us/assertions/\(id)", issuer: S.ddoe, badge: ddoeBadgeBase + slug,
                  recipient: recipient, issuedOn: day)
    }

    static let looseBadge = "https://badges.example.org/badges/loose"

    static let rosterHeader = "educator_id,first_name,last_name,email,other_emails,district_code,license_start,license_end,status"

    /// Changed addresses are hashed with every stored salt, or (budget 0, as with a salt per
    /// assertion) every unmatched award is evaluated again with the educators sharing the address.
    @Test("Roster rows and addresses, approvals in force, as-of dates, corrections, revocations and the configuration",
          arguments: [nil, "0"])
    func nightAfterNight(addressHashBudget: String?) throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                var twin = Twin(changedOnly: try CreditWorkspace(database: first, neaCap: "20"),
                                everything: try CreditWorkspace(database: second, neaCap: "20"))
                if let addressHashBudget { twin.changedOnlyEnvironment["RELICENSURE_ADDRESS_HASH_BUDGET"] = addressHashBudget }
                let avery = "avery.abbott@k12.de.us", jordan = "jordan.bishop@k12.de.us"
                try twin.write("inbox/n1.json", Self.nea("n1", "classroom", to: Self.plain(avery), on: "2026-09-01"))
                try twin.write("inbox/n2.json", Self.nea("n2", "coaching", to: Self.hashed(avery, salt: "s-2"), on: "2026-09-02"))
                try twin.write("inbox/n3.json", Self.nea("n3", "stem", to: Self.plain("casey.new@k12.de.us"), on: "2026-09-03"))
                try twin.write("inbox/n4.json", Self.nea("n4", "shared", to: Self.hashed("shared@k12.de.us", salt: "s-4"),
                                                         on: "2026-09-04"))
                try twin.write("inbox/n5.json", Self.nea("n5", "reading", to: Self.plain(avery), on: "2026-09-05"))
                try twin.write("inbox/d1.json", Self.ddoe("d1", "literacy", to: Self.hashed(jordan, salt: nil), on: "2026-11-25"))
                try twin.write("inbox/d2.json", Self.ddoe("d2", "math", to: Self.plain(jordan), on: "2021-03-01"))
                try twin.write("inbox/d3.json", Self.ddoe("d3", "science", to: Self.plain(" Jordan.Bishop@K12.de.us "),
                                                         on: "2026-08-01"))
                // PostgreSQL's lower() folds ASCII only; the engine folds É to é.
                try twin.write("inbox/n7.json", Self.nea("n7", "languages", to: Self.plain("JOSÉ.Diaz@k12.de.us"),
                                                         on: "2026-09-07"))
                // A BadgeClass named by id that has not arrived: unresolved until it does.
                try twin.write("inbox/c1.json", """
                    {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(S.neaAward("c1"))",
                     "recipient": \(Self.plain(avery)), "issuedOn": "2026-09-08T12:00:00Z",
                     "verification": {"type": "hosted"}, "badge": "\(Self.looseBadge)"}
                    """)
                // An OB 2.0 award that also carries a uid, which a revocation list may name.
                try twin.write("inbox/n8.json", Self.nea("n8", "uid-bearing", to: Self.plain(avery), on: "2026-09-09")
                    .replacingOccurrences(of: #""type": "Assertion","#, with: #""type": "Assertion", "uid": "nea-uid-8","#))
                let firstNight = try twin.night("2026-11-20")
                #expect(firstNight.0 == 11 && firstNight.1 == 11)

                // Nothing changed: only the award waiting for its BadgeClass is evaluated again, while a
                // full evaluation reads every waiting award.
                let quiet = try twin.night("2026-11-21")
                #expect(quiet.0 == 1)
                #expect(quiet.1 > 5)

                // Casey joins (n3 matches), Jordan's term reaches back (d2 is in it), two educators
                // share an address (n4 is ambiguous).
                try twin.importRoster("""
                    \(Self.rosterHeader)
                    0040137,Jordan,Bishop,\(jordan),,31,2020-07-01,2027-06-30,active
                    0040300,Casey,New,casey.new@k12.de.us,,31,2022-07-01,2027-06-30,active
                    0040400,Sam,One,sam.one@k12.de.us,shared@k12.de.us,31,2022-07-01,2027-06-30,active
                    0040500,Pat,Two,pat.two@k12.de.us,Shared@K12.de.us,31,2022-07-01,2027-06-30,active
                    0040600,José,Diaz,josé.diaz@k12.de.us,,31,2022-07-01,2027-06-30,active
                    """, name: "roster-2.csv")
                try twin.write("inbox/loose-badge.json", """
                    {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "\(Self.looseBadge)",
                     "name": "Loose", "criteria": {"narrative": "x"}, "image": "https://example.org/i.png",
                     "issuer": "https://other.example.org/issuer"}
                    """)
                try twin.write("inbox/other-issuer.json", """
                    {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "https://other.example.org/issuer",
                     "name": "Other", "url": "https://other.example.org"}
                    """)
                let rosterNight = try twin.night("2026-11-22")
                #expect(rosterNight.0 > 0)

                // Decisions: two in force now, one from a later day.
                try twin.importApprovals([
                    "0040100,\(S.neaBadge("classroom")),approved,,HR,2026-11-22,",
                    "0040100,\(S.neaBadge("reading")),approved,,HR,2026-11-22,",
                    "0040300,\(S.neaBadge("stem")),approved,,HR,2026-11-23,",
                    "0040100,\(S.neaBadge("coaching")),approved,,HR,2026-11-27,",
                ], name: "approvals-1.csv")
                try twin.night("2026-11-23")
                // Nothing of Avery's changes tonight, yet two of her waiting awards must be looked at:
                // her loose BadgeClass is now DDOE's, and a list revokes her award by its uid.
                try twin.write("inbox/c2.json", Self.assertion("https://badges.doe.k12.de.us/assertions/c2", issuer: S.ddoe,
                                                               badge: Self.looseBadge, recipient: Self.plain(jordan),
                                                               issuedOn: "2026-09-10"))
                try twin.write("inbox/nea-revocations.json", """
                    {"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList",
                     "id": "https://api.badgr.io/public/issuers/nea/revocations", "issuer": "\(S.nea)",
                     "revokedAssertions": [{"uid": "nea-uid-8", "revocationReason": "issued in error"}]}
                    """)
                try twin.night("2026-11-26")   // d1's award date has come
                try twin.night("2026-11-28")   // the coaching approval is in force: over the NEA cap

                // HR takes the classroom credit back: the room goes to the coaching badge.
                try twin.correct(S.neaAward("n1"), asOf: "2026-11-28")
                try twin.night("2026-11-29")

                // A revocation of a credited award, and a new award to the shared address.
                try twin.write("inbox/revoke-n3.json", #"{"id": "\#(S.neaAward("n3"))", "revoked": true}"#)
                try twin.write("inbox/n6.json", Self.nea("n6", "shared-2", to: Self.plain("shared@k12.de.us"), on: "2026-10-06"))
                try twin.night("2026-11-30")

                // Pat leaves: the shared address is Sam's alone.
                try twin.importRoster("""
                    \(Self.rosterHeader)
                    0040500,Pat,Two,pat.two@k12.de.us,Shared@K12.de.us,31,2022-07-01,2027-06-30,inactive
                    """, name: "roster-3.csv")
                try twin.night("2026-12-01")

                // A new configuration: every waiting award is evaluated again, on both.
                for workspace in [twin.changedOnly, twin.everything] {
                    let config = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
                    try workspace.write("relicensure.yaml", config.replacingOccurrences(of: "cap: 20", with: "cap: 40"))
                }
                let newRules = try twin.night("2026-12-02")
                #expect(newRules.0 == newRules.1)
                let after = try twin.night("2026-12-03")
                #expect(after.0 == 0)

                // A release whose rules differ from the last night's evaluates everything again.
                _ = try twin.changedOnly.database.rows("UPDATE evaluation_basis SET rules_key = 'an older release'")
                let upgraded = try twin.night("2026-12-04")
                #expect(upgraded.0 == upgraded.1)
                #expect(try twin.changedOnly.database.scalar(
                    "SELECT educator_id FROM award_outcomes WHERE award_id LIKE '%/n7'") == "0040600")
                #expect(try twin.changedOnly.database.scalar(
                    "SELECT outcome FROM award_outcomes WHERE award_id LIKE '%/n8'") == "revoked")

                // Jordan, holding a credit, leaves with an award waiting; then the credit is revoked. The
                // reversal evaluates Jordan's night, but not the award waiting since Jordan left: it
                // stopped at matching, which reads nothing a reversal changes, and stays there rather
                // than be credited to an inactive educator.
                let lessonStudy = S.neaAward("n9"), science = "https://badges.doe.k12.de.us/assertions/d3"
                try twin.write("inbox/n9.json", Self.nea("n9", "lesson-study", to: Self.plain(jordan), on: "2026-09-11"))
                try twin.night("2026-12-05")
                let outcome = { (award: String) in
                    try twin.changedOnly.database.scalar(PostgresQuery(
                        sql: "SELECT outcome FROM award_outcomes WHERE award_id = $1", parameters: [award]))
                }
                #expect(try outcome(lessonStudy) == "pending_approval")
                #expect(try outcome(science) == "credited")
                try twin.importRoster("""
                    \(Self.rosterHeader)
                    0040137,Jordan,Bishop,\(jordan),,31,2020-07-01,2027-06-30,inactive
                    """, name: "roster-4.csv")
                try twin.night("2026-12-06")
                #expect(try outcome(lessonStudy) == "inactive_educator")
                try twin.write("inbox/revoke-d3.json", #"{"id": "\#(science)", "revoked": true}"#)
                try twin.night("2026-12-07")
                #expect(try outcome(science) == "revoked")
                #expect(try outcome(lessonStudy) == "inactive_educator")

                // Avery's reading credit stands while another educator takes her address; then the
                // district denies it. The reversal gives the award back to Avery without matching it,
                // and the next night must match it again (now shared: ambiguous), as a full one does.
                let reading = S.neaAward("n5")
                try twin.importRoster("""
                    \(Self.rosterHeader)
                    0040700,Riley,Shared,riley.shared@k12.de.us,\(avery),31,2022-07-01,2027-06-30,active
                    """, name: "roster-5.csv")
                try twin.night("2026-12-08")
                #expect(try outcome(reading) == "credited")
                try twin.importApprovals(["0040100,\(S.neaBadge("reading")),denied,,HR,2026-12-09,"], name: "approvals-2.csv")
                try twin.night("2026-12-09")
                #expect(try outcome(reading) == "denied_by_district")
                try twin.night("2026-12-10")
                #expect(try outcome(reading) == "ambiguous_recipient")

                // Reports read the current outcomes as the latest known ones while every night was as
                // of a day after the last; a night run again as of an earlier day ends that for good.
                // An award dated after that earlier day: waiting for approval as of the later nights,
                // future-dated as of the earlier one.
                try twin.write("inbox/n10.json", Self.nea("n10", "december", to: Self.plain("casey.new@k12.de.us"),
                                                          on: "2026-12-01"))
                try twin.night("2026-12-11")
                let inOrder = try LatestOutcomesCheck.expectAgreement(twin.changedOnly.database,
                                                                      days: ["2026-12-10", "2026-12-11", "2026-12-31"])
                #expect(inOrder == ["2026-12-11", "2026-12-31"])
                #expect(try outcome(S.neaAward("n10")) == "pending_approval")
                // A person's fix by hand is noted too (sql/017): what can make a current outcome
                // other than the latest known one has reports sort the history; a fix that leaves
                // every day and award alone, or deletes nothing, does not. Each rolled back.
                let fixes = [
                    ("UPDATE award_outcomes SET evaluated_on = '2026-11-01' WHERE award_id = $1", true),
                    ("UPDATE award_outcomes SET award_id = award_id || '-moved' WHERE award_id = $1", true),
                    ("UPDATE outcome_history SET evaluated_on = evaluated_on + 40 WHERE award_id = $1", true),
                    ("DELETE FROM award_outcomes WHERE award_id = $1", true),
                    // Every row, of every day: a reason fixed is no change of order.
                    ("UPDATE award_outcomes SET reason = reason || ' (checked)' WHERE award_id <> $1 || '-none'", false),
                    ("UPDATE outcome_history SET reason = reason || ' (checked)' WHERE award_id <> $1 || '-none'", false),
                    ("DELETE FROM award_outcomes WHERE award_id = $1 || '-none'", false),
                ]
                for (fix, outOfOrder) in fixes {
                    let connection = try PostgresConnection(twin.changedOnly.database.conninfo)
                    try connection.query("BEGIN")
                    try connection.query(PostgresQuery(sql: fix, parameters: [S.neaAward("n10")]))
                    #expect(try connection.query("SELECT out_of_order FROM outcome_days").first?.bool(0) == outOfOrder,
                            "\(fix)")
                    try connection.query("ROLLBACK")
                }
                let truncated = try PostgresConnection(twin.changedOnly.database.conninfo)
                try truncated.execute(script: "BEGIN; TRUNCATE award_outcomes")
                #expect(try truncated.query("SELECT out_of_order FROM outcome_days").first?.bool(0) == true)
                try truncated.query("ROLLBACK")
                try twin.night("2026-11-25")
                #expect(try outcome(S.neaAward("n10")) == "future_dated")
                let afterEarlierNight = try LatestOutcomesCheck.expectAgreement(twin.changedOnly.database,
                                                                                days: ["2026-11-25", "2026-12-31"])
                #expect(afterEarlierNight.isEmpty)
                let endOfYear = try #require(CalendarDate("2026-12-31"))
                let current = try twin.changedOnly.database.rows(Store.awardsQuery(.open, asOf: endOfYear, latest: .current))
                let sorted = try twin.changedOnly.database.rows(Store.awardsQuery(.open, asOf: endOfYear, latest: .sortedHistory))
                #expect(current != sorted, "the earlier night's outcomes are current, the later ones' the latest known")

                // The outcomes the nights went through, so that the comparison is not of two empty ledgers.
                let outcomes = try twin.changedOnly.database.rows(
                    "SELECT outcome FROM outcome_history UNION SELECT outcome FROM award_outcomes ORDER BY 1")
                    .compactMap { $0.first ?? nil }
                for expected in ["ambiguous_recipient", "credited", "future_dated", "inactive_educator", "issuer_not_approved",
                                 "outside_license_term", "over_cap", "pending_approval", "revoked", "unmatched_recipient",
                                 "unresolved_reference"] {
                    #expect(outcomes.contains(expected), "no award was ever \(expected)")
                }
                #expect(try twin.changedOnly.database.scalar(
                    "SELECT count(*)::text FROM ledger_entries WHERE action = 'REVERSE'") == "4")
            }
        }
    }

    /// A night compares every educator's reading with the last night's only when the roster's
    /// revision moved (sql/021): whatever writes the roster — an import or a hand in psql —
    /// must move it, and importing the same roster again must not (or no night would skip).
    @Test("A roster changed by hand between nights is read as changed; the same roster imported again moves nothing")
    func rosterRevision() throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                let twin = Twin(changedOnly: try CreditWorkspace(database: first),
                                everything: try CreditWorkspace(database: second))
                // Before Jordan's term (from 2022-07-01): outside it until the term reaches back.
                try twin.write("inbox/d2.json", Self.ddoe("d2", "math", to: Self.plain("jordan.bishop@k12.de.us"),
                                                         on: "2021-03-01"))
                try twin.night("2026-11-20")
                let database = twin.changedOnly.database
                let award = "https://badges.doe.k12.de.us/assertions/d2"
                let outcome = { try database.scalar("SELECT outcome FROM award_outcomes WHERE award_id = \(award)") }
                #expect(try outcome() == "outside_license_term")
                let revision = { try database.scalar("SELECT last_value::text FROM roster_revision") }
                let before = try revision()
                try twin.importRoster(CreditSample.roster, name: "roster-again.csv")
                #expect(try revision() == before)
                #expect(try twin.night("2026-11-21").0 == 0)

                for workspace in [twin.changedOnly, twin.everything] {
                    _ = try workspace.database.rows("UPDATE educators SET license_start = '2020-07-01' WHERE educator_id = '0040137'")
                }
                #expect(try revision() != before)
                try twin.night("2026-11-22")
                #expect(try outcome() == "credited")
            }
        }
    }

    /// A night looks at the denials in force only for educators whose roster row, approvals or
    /// ledger changed since the last night; the last night reversed what the others' denials
    /// reached. Two ways around that: a decision changed or removed in place (no new id, no new
    /// date: sql/023 makes the night after evaluate everything), and an educator taken off the
    /// roster by hand when their denial came, whose night was then skipped, put back later.
    @Test("Decisions removed or changed by hand, and an educator off the roster when denied: reversed as a full evaluation does")
    func approvalsByHandAndDeniedWhileOffTheRoster() throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                let twin = Twin(changedOnly: try CreditWorkspace(database: first),
                                everything: try CreditWorkspace(database: second))
                let both = [twin.changedOnly, twin.everything]
                func byHand(_ sql: String) throws { for workspace in both { _ = try workspace.database.rows(PostgresQuery(sql: sql)) } }
                let classroom = S.neaBadge("classroom"), sel = S.neaBadge("sel")
                try twin.write("inbox/nea-501.json", S.neaAssertion("nea-501", to: "avery.abbott@k12.de.us", badge: "classroom"))
                try twin.write("inbox/nea-502.json", S.neaAssertion("nea-502", to: "jordan.bishop@k12.de.us", badge: "sel"))
                try twin.importApprovals(["0040100,\(classroom),approved,,HR,2026-10-05,",
                                          "0040137,\(sel),approved,,HR,2026-10-05,"], name: "a.csv")
                try twin.night("2026-11-20")
                let standing = { (award: String) in
                    try first.scalar("""
                        SELECT coalesce(sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END), 0)::text
                        FROM ledger_entries WHERE award_id = \(S.neaAward(award))
                        """)
                }
                #expect(try standing("nea-501") == "15.00")
                // Denied on the 21st, approved again on the 22nd: the night of the 22nd keeps the credit.
                try twin.importApprovals(["0040100,\(classroom),denied,,HR,2026-11-21,"], name: "b.csv")
                try twin.importApprovals(["0040100,\(classroom),approved,,HR,2026-11-22,"], name: "c.csv")
                try twin.night("2026-11-22")
                #expect(try standing("nea-501") == "15.00")
                // The approval of the 22nd removed in psql: the denial of the 21st is in force again.
                try byHand("DELETE FROM approvals WHERE decided_on = '2026-11-22'")
                try twin.night("2026-11-23")
                #expect(try standing("nea-501") == "0.00")
                // The denial turned into an approval in place: credited again.
                try byHand("UPDATE approvals SET decision = 'approved' WHERE decision = 'denied'")
                try twin.night("2026-11-24")
                #expect(try standing("nea-501") == "15.00")

                // Jordan taken off the roster by hand; the denial's night skips an educator not on it.
                try byHand("DELETE FROM educators WHERE educator_id = '0040137'")
                for workspace in both {   // not strict: an educator not on the roster is questioned
                    _ = try workspace.importApprovals(["0040137,\(sel),denied,,HR,2026-11-25,"], named: "d.csv")
                }
                try twin.night("2026-11-25")
                #expect(try standing("nea-502") != "0.00")
                try twin.importRoster(CreditSample.roster, name: "roster-back.csv")
                try twin.night("2026-11-26")
                #expect(try standing("nea-502") == "0.00")
            }
        }
    }

    /// A night credits in award-date order, so an award refused over one cap can see another
    /// cap fill later that night. A full evaluation the next night names the cap as the night
    /// left them; the changed-only night does not look at the award again, so the first night
    /// must already name it so (`EducatorLedger.settleCaps`). Then reversals free room and a
    /// duplicate's credit: the changed-only night must evaluate again the educator's waiting
    /// awards that read standing credits (`Outcome.readsStandingCredits`), over a cap or
    /// duplicates alike.
    @Test("Awards over a cap or duplicating a credit read the same on every later night, as credits come and go")
    func capsAndDuplicatesAcrossNights() throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                let twin = Twin(changedOnly: try CreditWorkspace(database: first, neaApproval: "none", neaCap: "10"),
                                everything: try CreditWorkspace(database: second, neaApproval: "none", neaCap: "10"))
                for workspace in [twin.changedOnly, twin.everything] {
                    let config = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
                    try workspace.write("relicensure.yaml", config.replacingOccurrences(
                        of: "time_zone: \"America/New_York\"", with: "time_zone: \"America/New_York\"\n  micro_credential_cap: 40"))
                }
                let avery = Self.plain("avery.abbott@k12.de.us")
                // Classroom fills the NEA cap (15 h capped to 10); reading, next, is over it; three
                // DDOE credentials dated after both then fill the state cap of 40, and a second
                // award of the fourth's BadgeClass duplicates it.
                try twin.write("inbox/n1.json", Self.nea("n1", "classroom", to: avery, on: "2026-09-01"))
                try twin.write("inbox/n2.json", Self.nea("n2", "reading", to: avery, on: "2026-09-02"))
                for day in 3...5 {
                    try twin.write("inbox/d\(day).json", Self.ddoe("d\(day)", "ddoe-\(day)", to: avery, on: "2026-09-0\(day)"))
                }
                try twin.write("inbox/d6.json", Self.ddoe("d6", "ddoe-4", to: avery, on: "2026-09-06"))
                try twin.night("2026-11-20")
                let outcome = { (award: String) in
                    try twin.changedOnly.database.rows(PostgresQuery(
                        sql: "SELECT outcome, reason FROM award_outcomes WHERE award_id = $1", parameters: [award]))
                }
                let ddoe = { (id: String) in "https://badges.doe.k12.de.us/assertions/\(id)" }
                #expect(try outcome(S.neaAward("n2")) == [["over_cap", "state micro-credential cap 40: 40 used"]])
                #expect(try outcome(ddoe("d6")) == [["duplicate_credential", "credited as \(ddoe("d4"))"]])
                let quiet = try twin.night("2026-11-21")
                #expect(quiet.0 == 0)

                // Two credits revoked: the duplicate is credited in the room they free, and the
                // reading award is over the NEA cap alone now.
                for day in [3, 4] {
                    try twin.write("inbox/revoke-d\(day).json", #"{"id": "\#(ddoe("d\(day)"))", "revoked": true}"#)
                }
                try twin.night("2026-11-22")
                #expect(try outcome(ddoe("d6")) == [["credited", ""]])
                #expect(try outcome(S.neaAward("n2")) == [["over_cap", "issuer cap 10: 10 used"]])
                try twin.night("2026-11-23")
            }
        }
    }

    /// A night first credits each educator with tonight's awards alone and settles those whose
    /// credits do not change; a waiting award chosen for another educator then matched to a
    /// settled one reopens that educator's night (`Store.reopenSettledEducators`). Matching
    /// decides the same as before unless its inputs changed, which chooses the award first; the
    /// stale educator here is written by hand, as a person's fix might leave it.
    @Test("A waiting award matched again to an educator whose night was settled is decided with that night")
    func settledNightReopened() throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                let twin = Twin(changedOnly: try CreditWorkspace(database: first),
                                everything: try CreditWorkspace(database: second))
                let avery = "avery.abbott@k12.de.us", jordan = "jordan.bishop@k12.de.us"
                try twin.write("inbox/n1.json", Self.nea("n1", "reading", to: Self.plain(jordan), on: "2026-09-01"))
                try twin.night("2026-11-20")
                for workspace in [twin.changedOnly, twin.everything] {
                    _ = try workspace.database.rows(PostgresQuery(
                        sql: "UPDATE award_outcomes SET educator_id = '0040100' WHERE award_id = $1", parameters: [S.neaAward("n1")]))
                }
                // Avery gains a credit (her waiting awards, n1 among them by its stale educator, are
                // chosen); Jordan's new award waits for approval, so her night is settled first.
                try twin.write("inbox/d1.json", Self.ddoe("d1", "literacy", to: Self.plain(avery), on: "2026-09-02"))
                try twin.write("inbox/n2.json", Self.nea("n2", "coaching", to: Self.plain(jordan), on: "2026-09-03"))
                try twin.night("2026-11-21")
                let n1 = try twin.changedOnly.database.rows(PostgresQuery(
                    sql: "SELECT outcome, educator_id FROM award_outcomes WHERE award_id = $1", parameters: [S.neaAward("n1")]))
                #expect(n1 == [["pending_approval", "0040137"]])
                try twin.night("2026-11-22")
            }
        }
    }

    /// A credit the district's denial reverses goes back to the educator who held it without
    /// being matched (the engine reverses standing credits); a full evaluation matches it the
    /// night after, as a waiting award, and so must the changed-only night
    /// (`Store.chooseChangedAwards`, `Decision.deniedAfterCredit`): here its educator has left.
    @Test("A credit denied after its educator left is matched again the night after, as a full evaluation does")
    func denialOfALeaversCredit() throws {
        try CreditTestDatabase.with { first in
            try CreditTestDatabase.with { second in
                let twin = Twin(changedOnly: try CreditWorkspace(database: first),
                                everything: try CreditWorkspace(database: second))
                let jordan = "jordan.bishop@k12.de.us", reading = S.neaAward("n1")
                try twin.importApprovals(["0040137,\(S.neaBadge("reading")),approved,,HR,2026-11-01,"], name: "approvals-1.csv")
                try twin.write("inbox/n1.json", Self.nea("n1", "reading", to: Self.plain(jordan), on: "2026-09-01"))
                try twin.night("2026-11-20")
                let outcome = {
                    try twin.changedOnly.database.rows(PostgresQuery(
                        sql: "SELECT outcome, reason, educator_id FROM award_outcomes WHERE award_id = $1", parameters: [reading]))
                }
                #expect(try outcome() == [["credited", "", "0040137"]])
                try twin.importRoster("""
                    \(Self.rosterHeader)
                    0040137,Jordan,Bishop,\(jordan),,31,2020-07-01,2027-06-30,inactive
                    """, name: "roster-2.csv")
                try twin.night("2026-11-21")
                try twin.importApprovals(["0040137,\(S.neaBadge("reading")),denied,,HR,2026-11-22,"], name: "approvals-2.csv")
                try twin.night("2026-11-22")
                #expect(try outcome() == [["denied_by_district", "denied_after_credit", "0040137"]])
                try twin.night("2026-11-23")
                #expect(try outcome() == [["inactive_educator", "", "0040137"]])
                try twin.night("2026-11-24")
            }
        }
    }
}
