import CSV
import Foundation
import Relicensure
import RelicensureApp
import RelicensureStore
import Testing

@Suite("relicensure correct: HR corrections of posted credits (SPEC §2, §5 \"Posted credits are stable\")")
struct CorrectionCommandTests {
    typealias S = CreditSample

    /// Avery's SEL badge credited 10 h on 2026-11-20 (NEA without per-educator approval).
    func credited(_ database: CreditTestDatabase) throws -> CreditWorkspace {
        let workspace = try CreditWorkspace(database: database, neaApproval: "none")
        try workspace.write("inbox/a.json", S.neaAssertion("nea-a", to: "avery.abbott@k12.de.us", badge: "sel"))
        try workspace.write("inbox/p.json", S.neaAssertion("nea-p", to: "jordan.bishop@k12.de.us", badge: "sel",
                                                           issuedOn: "2027-01-05T12:00:00Z"))
        try workspace.nightly(asOf: "2026-11-20")
        return workspace
    }

    @discardableResult
    func correct(_ workspace: CreditWorkspace, _ change: Correction.Change, award: String = S.neaAward("nea-a"),
                 asOf: String = "2026-11-25", dryRun: Bool = false) throws -> CreditCorrection.Summary {
        try CreditCorrection.run(session: try workspace.session(asOf: asOf),
                                 correction: Correction(awardID: award, change: change, recordedBy: "HR Director Ruiz",
                                                        reason: "Rubric says 7.5 h"),
                                 dryRun: dryRun)
    }

    func ledger(_ database: CreditTestDatabase) throws -> [[String?]] {
        try database.rows("""
            SELECT action, kind, hours::text, reason, recorded_by, posted_on::text FROM ledger_entries ORDER BY entry_id
            """)
    }

    @Test("--hours lower posts the difference as a REVERSE and writes its PDMS file at once")
    func lowerHours() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            let summary = try correct(workspace, .setHours(ClockHours(hundredths: 750)))
            #expect(summary.posting.action == .reverse)
            #expect(summary.hoursBefore == ClockHours(10))
            #expect(summary.hoursAfter == ClockHours(hundredths: 750))
            #expect(try ledger(database).last == ["REVERSE", "correction", "2.50", "Rubric says 7.5 h", "HR Director Ruiz",
                                                  "2026-11-25"])
            #expect(summary.pdmsFiles.map { URL(fileURLWithPath: $0).lastPathComponent } == ["pdms-import-2026-11-25-2.csv"])
            let rows = try CSVReader(try workspace.pdmsText("pdms-import-2026-11-25-2.csv")).map { try $0.get().fields }
            #expect(rows.count == 2)
            #expect(rows.last?[7] == "2.5")
            #expect(rows.last?[10] == "REVERSE")
            #expect(try database.scalar("SELECT command || ' ' || outcome FROM runs ORDER BY run_id DESC LIMIT 1") == "correct succeeded")
            #expect(try database.scalar("""
                SELECT outcome || ' ' || hours::text || ' ' || reason FROM award_outcomes WHERE award_id = \(S.neaAward("nea-a"))
                """) == "credited 7.50 corrected")

            let night = try workspace.nightly(asOf: "2026-11-26")
            #expect(night.postings.isEmpty)
            #expect(night.pdmsFiles.isEmpty)
        }
    }

    @Test("--hours higher posts the difference as an ADD")
    func higherHours() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            let summary = try correct(workspace, .setHours(ClockHours(12)))
            #expect(summary.posting.action == .add)
            #expect(try ledger(database).last == ["ADD", "correction", "2.00", "Rubric says 7.5 h", "HR Director Ruiz", "2026-11-25"])
            #expect(try database.scalar("""
                SELECT sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::text FROM ledger_entries
                """) == "12.00")
        }
    }

    @Test("--reverse takes every standing hour back; the award stays credited (final) and is never credited again")
    func reverse() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            try correct(workspace, .setHours(ClockHours(12)), asOf: "2026-11-24")
            let summary = try correct(workspace, .reverse)
            #expect(summary.posting.hours == ClockHours(12))
            #expect(summary.hoursAfter == .zero)
            #expect(try database.scalar("""
                SELECT outcome || ' ' || hours::text || ' ' || reason FROM award_outcomes WHERE award_id = \(S.neaAward("nea-a"))
                """) == "credited 0.00 reversed_by_correction")
            #expect(try workspace.nightly(asOf: "2026-11-26").postings.isEmpty)
            #expect(try database.scalar("SELECT count(*)::text FROM ledger_entries") == "3")
        }
    }

    @Test("A dry run says what it would post and writes nothing")
    func dryRun() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            let summary = try correct(workspace, .reverse, dryRun: true)
            #expect(summary.posting.action == .reverse)
            #expect(summary.pdmsFiles.isEmpty)
            #expect(try database.scalar("SELECT count(*)::text FROM ledger_entries") == "1")
            #expect(workspace.pdmsFiles().count == 1)
        }
    }

    @Test("Refused with a usage error (exit 2) and nothing posted", arguments: [
        ("nea-zzz", Correction.Change.reverse, "there is no award"),
        ("nea-p", .reverse, "has no standing credit"),
        ("nea-a", .setHours(ClockHours(10)), "already stands at 10 h; nothing to do"),
        ("nea-a", .setHours(ClockHours(-1)), "is negative"),
    ])
    func refusals(award: String, change: Correction.Change, message: String) throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            #expect {
                try correct(workspace, change, award: S.neaAward(award))
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .usage && error.message.contains(message)
            }
            #expect(try database.scalar("SELECT count(*)::text FROM ledger_entries") == "1")
            #expect(try database.scalar("SELECT count(*)::text FROM runs WHERE command = 'correct'") == "0")
        }
    }

    @Test("While another run holds the nightly lock the correction exits 3 and posts nothing")
    func locked() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            let holder = try database.store()
            #expect(try holder.tryLockNightly())
            #expect {
                try correct(workspace, .reverse)
            } throws: { error in
                (error as? AppError)?.kind == .locked
            }
            try holder.unlockNightly()
            #expect(try database.scalar("SELECT count(*)::text FROM ledger_entries") == "1")
            #expect(try correct(workspace, .reverse).posting.action == .reverse)
        }
    }

    @Test("A denial after a correction reverses the corrected hours, not the original ones")
    func denialAfterCorrection() throws {
        try CreditTestDatabase.with { database in
            let workspace = try credited(database)
            try correct(workspace, .setHours(ClockHours(12)))
            try workspace.importApprovals(["0040100,\(S.neaBadge("sel")),denied,,HR,2026-11-26,"])
            let night = try workspace.nightly(asOf: "2026-11-27")
            #expect(night.postings.map(\.hours) == [ClockHours(12)])
            #expect(try database.scalar("""
                SELECT sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::text FROM ledger_entries
                """) == "0.00")
        }
    }
}
