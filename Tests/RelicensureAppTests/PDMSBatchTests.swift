import CSV
import Foundation
import RelicensureApp
import Testing

/// A batch takes every ledger entry not exported before (SPEC §6), reading only the entries
/// waiting for one (sql/020), but never leaving one behind.
@Suite("PDMS batches leave no entry behind")
struct PDMSBatchTests {
    typealias S = CreditSample
    typealias Badges = ChangedInputsEvaluationTests

    @Test("An entry missing from every batch, below the last exported one, goes out in the next batch")
    func orphanExported() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("inbox/d1.json", Badges.ddoe("d1", "literacy", to: Badges.plain("avery.abbott@k12.de.us"),
                                                            on: "2026-09-01"))
            try workspace.write("inbox/d2.json", Badges.ddoe("d2", "math", to: Badges.plain("jordan.bishop@k12.de.us"),
                                                            on: "2026-09-02"))
            try workspace.nightly(asOf: "2026-11-20")
            #expect(try database.scalar("SELECT count(*)::text FROM pdms_batch_entries") == "2")
            // As if some other hand had posted an entry that no batch took.
            _ = try database.rows("DELETE FROM pdms_batch_entries WHERE entry_id = (SELECT min(entry_id) FROM pdms_batch_entries)")

            try workspace.write("inbox/d3.json", Badges.ddoe("d3", "science", to: Badges.plain("jordan.bishop@k12.de.us"),
                                                            on: "2026-09-03"))
            let night = try workspace.nightly(asOf: "2026-11-21")
            let file = try #require(night.pdmsFiles.last)
            let rows = try CSVReader(try String(contentsOfFile: file, encoding: .utf8)).map { try $0.get().fields }.dropFirst()
            let awards = rows.compactMap { row in row.first { $0.hasPrefix("https://badges.doe.k12.de.us/assertions/") } }
            #expect(awards.sorted() == ["https://badges.doe.k12.de.us/assertions/d1", "https://badges.doe.k12.de.us/assertions/d3"])
            #expect(try database.scalar("SELECT count(*)::text FROM pdms_batch_entries") == "3")
        }
    }
}
