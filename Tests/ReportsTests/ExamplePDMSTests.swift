import Foundation
import Relicensure
import RelicensureApp
import Reports
import Testing

/// The demo's story with PDMS (examples/pdms-transcript.csv, scripts/demo): what a district
/// sees once all of an educator's hours count, and what the reconciliation finds.
@Suite("The examples' PDMS transcript export")
struct ExamplePDMSTests {
    @Test("Most educators on_track, a few behind, one ending_short; reconcile finds the forgotten credit and the unapplied reversal")
    func demoStory() throws {
        try Workspace.afterExampleNight { workspace, _ in
            // The demo imports the district's decisions before its night; here the next night applies them.
            let night = try workspace.session(asOf: "2026-11-20")
            _ = try ApprovalsImport.run(session: night, file: Workspace.examples.appendingPathComponent("approvals.csv").path,
                                        strict: true)
            _ = try NightlyJob.run(session: night, dryRun: false)
            _ = try CreditCorrection.run(session: try workspace.session(asOf: "2026-11-20"),
                                         correction: Correction(awardID: "https://badges.doe.k12.de.us/assertions/2026-0013",
                                                                change: .reverse, recordedBy: "HR Director Sandra Ruiz",
                                                                reason: "Awarded to the wrong educator"),
                                         dryRun: false)
            let session = try workspace.session(asOf: "2026-12-05")
            let before = try ProgressReport.table(session: session)
            let status = try #require(before.table.column(named: "status"))
            #expect(before.table.rows.filter { $0[status].plainText == "behind" }.count > 25, "without PDMS most look behind")

            let imported = try PDMSImport.run(session: session, file: Workspace.examples.appendingPathComponent("pdms-transcript.csv").path,
                                              strict: true)
            #expect(imported.imported == 193)
            let (table, source) = try ProgressReport.table(session: session)
            #expect(source == "PDMS import of 2026-12-05")
            var counts: [String: Int] = [:]
            for row in table.rows { counts[row[status].plainText, default: 0] += 1 }
            #expect(counts == ["on_track": 27, "complete": 2, "behind": 4, "ending_short": 1, "advanced_license": 1])
            let id = try #require(table.column(named: "educator_id")), total = try #require(table.column(named: "total_hours"))
            #expect(table.rows.first?[id].plainText == "0040359")  // Reese Holloway: term ends 2026-12-31
            #expect(table.rows.first?[total] == .hours(ClockHours(10)))
            // Frankie and Gray: credits HR keyed by hand, without their credential_id, count once.
            for educator in ["0040988", "0041025"] {
                let transcript = try EducatorTranscript.build(session: session, key: educator)
                #expect(transcript.progress.credited == ClockHours(10))
                #expect(transcript.progress.total == transcript.progress.credited + transcript.progress.other)
                #expect(transcript.progress.status == .onTrack)
            }

            let reconciled = try ReconcileReport.run(session: session)
            let finding = try #require(reconciled.findings.column(named: "finding"))
            let credential = try #require(reconciled.findings.column(named: "credential_id"))
            #expect(reconciled.findings.rows.map { [$0[finding].plainText, $0[credential].plainText] } == [
                ["missing_in_pdms", "https://badges.doe.k12.de.us/assertions/2026-0014"],
                ["reversed_but_in_pdms", "https://badges.doe.k12.de.us/assertions/2026-0013"],
                ["unknown_to_us", ""],
            ])
        }
    }
}
