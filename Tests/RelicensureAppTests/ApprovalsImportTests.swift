import Foundation
import RelicensureApp
import Testing

@Suite("relicensure approvals import (SPEC §4.2)")
struct ApprovalsImportTests {
    typealias S = CreditSample

    @Test("Every good row is kept with its file and line; bad rows are reported by line and skipped")
    func importsAndSkips() throws {
        try CreditWorkspace.with { workspace, database in
            let classroom = S.neaBadge("classroom")
            let summary = try workspace.importApprovals([
                "0040100,\(classroom),approved,,HR Director,2026-10-05,Fits the plan",
                "0040137,\(classroom),Denied,,Assistant Superintendent,2026-10-06,",
                "0040100,\(classroom),maybe,,HR,2026-10-05,",
                "0040100,\(classroom),approved,,HR,05/10/2026,",
                "0040100,\(classroom),approved,-1,HR,2026-10-05,",
                "0040100,\(classroom),approved,91,HR,2026-10-05,",
                "0040100,\(classroom),approved,ten,HR,2026-10-05,",
                "0040100,\(classroom),denied,5,HR,2026-10-05,",
                "0040100,,approved,,HR,2026-10-05,",
                "0040100,\(classroom),approved,12.5,HR,2026-10-07,",
            ])
            #expect(summary.imported == 3)
            #expect(summary.skipped.count == 7)
            let lines = summary.skipped.joined(separator: "\n")
            for line in 4...10 {
                #expect(summary.skipped.contains { $0.hasPrefix(workspace.path("approvals.csv") + ":") && $0.contains("\(line): ") },
                        "line \(line) is reported")
            }
            #expect(lines.contains("decision must be approved or denied"))
            #expect(!lines.contains("maybe") && !lines.contains("05/10/2026"), "row problems do not echo cells (they may hold names)")
            #expect(lines.contains("hours are given for a denied decision"))
            #expect(lines.contains("badge_id is empty"))

            let stored = try database.rows("""
                SELECT educator_id, decision, hours::text, decided_by, decided_on::text, note, source_line::text,
                       source_file
                FROM approvals ORDER BY approval_id
                """)
            #expect(stored.map { Array($0.prefix(7)) } == [
                ["0040100", "approved", nil, "HR Director", "2026-10-05", "Fits the plan", "2"],
                ["0040137", "denied", nil, "Assistant Superintendent", "2026-10-06", nil, "3"],
                ["0040100", "approved", "12.50", "HR", "2026-10-07", nil, "11"],
            ])
            #expect(stored.allSatisfy { $0[7] == workspace.path("approvals.csv") })
        }
    }

    @Test("Columns in any order and case; leading zeros kept")
    func columnsAnyOrder() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("odd.csv", """
                Decided_On,NOTE,Decision,Badge_ID,Educator_ID,Decided_By
                2026-10-05,,APPROVED,\(S.neaBadge("sel")),0040100,HR

                """)
            let summary = try ApprovalsImport.run(session: try workspace.session(), file: workspace.path("odd.csv"), strict: false)
            #expect(summary.imported == 1)
            #expect(try database.scalar("SELECT educator_id || ' ' || decision FROM approvals") == "0040100 approved")
        }
    }

    @Test("With --strict a bad row imports nothing and fails (exit 1)")
    func strict() throws {
        try CreditWorkspace.with { workspace, database throws in
            #expect {
                try workspace.importApprovals(["0040100,\(S.neaBadge("sel")),approved,,HR,2026-10-05,",
                                               "0040100,\(S.neaBadge("sel")),approved,,HR,not-a-date,"], strict: true)
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .failed && error.message.contains("line 3") && error.message.contains("--strict")
            }
            #expect(try database.scalar("SELECT count(*)::text FROM approvals") == "0")
        }
    }

    @Test("A file without a required column is a usage error (exit 2) and imports nothing")
    func missingColumn() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("short.csv", "educator_id,badge_id,decision,decided_by\n0040100,b,approved,HR\n")
            #expect {
                try ApprovalsImport.run(session: try workspace.session(), file: workspace.path("short.csv"), strict: false)
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .usage && error.message.contains("decided_on")
            }
            #expect(try database.scalar("SELECT count(*)::text FROM approvals") == "0")
        }
    }

    @Test("Importing again appends: earlier decisions are never updated")
    func appendsOnly() throws {
        try CreditWorkspace.with { workspace, database in
            let row = "0040100,\(S.neaBadge("sel")),approved,,HR,2026-10-05,"
            try workspace.importApprovals([row])
            let first = try database.scalar("SELECT imported_at::text FROM approvals")
            try workspace.importApprovals([row.replacingOccurrences(of: "approved", with: "denied")], named: "later.csv")
            #expect(try database.scalar("SELECT count(*)::text FROM approvals") == "2")
            #expect(try database.scalar("SELECT imported_at::text FROM approvals ORDER BY approval_id LIMIT 1") == first)
            #expect(try database.scalar("SELECT string_agg(decision, ',' ORDER BY approval_id) FROM approvals") == "approved,denied")
        }
    }
}
