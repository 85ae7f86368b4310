import Foundation
import RelicensureApp
import Testing

/// Rows an import takes but a person should look at: said by line; `--strict` refuses the file.
@Suite("Imports question what they should (SPEC §4.1, §4.2)")
struct ImportQuestionsTests {
    typealias S = CreditSample

    @Test("An approval for an educator who is not on the roster is questioned by line; --strict imports nothing")
    func approvalForUnknownEducator() throws {
        try CreditWorkspace.with { workspace, database in
            let rows = ["0040100,\(S.neaBadge("sel")),approved,,HR,2026-10-05,",
                        "0049999,\(S.neaBadge("sel")),approved,,HR,2026-10-05,"]
            #expect(throws: AppError.self) { try workspace.importApprovals(rows, named: "strict.csv", strict: true) }
            #expect(try database.scalar("SELECT count(*)::text FROM approvals") == "0")
            let summary = try workspace.importApprovals(rows)
            #expect(summary.imported == 2)
            #expect(summary.questioned.count == 1)
            #expect(summary.questioned.first?.hasSuffix("approvals.csv:line 3: educator_id '0049999' is not on the roster; correct the id, or import the roster first") == true,
                    "\(summary.questioned)")
        }
    }

    @Test("A roster row with a district the configuration does not know, or an address another row has, is questioned")
    func rosterQuestions() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("more.csv", """
                educator_id,first_name,last_name,email,other_emails,district_code
                0040200,Casey,Doyle,casey.doyle@k12.de.us,,31
                0040201,Drew,Ellis,drew.ellis@k12.de.us,,99
                0040202,Emery,Ford,emery.ford@k12.de.us,CASEY.DOYLE@k12.de.us,31
                """)
            let session = try workspace.session()
            #expect(throws: AppError.self) {
                try RosterImport.run(session: session, file: workspace.path("more.csv"), full: false, strict: true)
            }
            #expect(try database.scalar("SELECT count(*)::text FROM educators WHERE educator_id >= '0040200'") == "0")
            let summary = try RosterImport.run(session: session, file: workspace.path("more.csv"), full: false, strict: false)
            #expect(summary.imported == 3)
            #expect(summary.questioned.count == 2, "\(summary.questioned)")
            #expect(summary.questioned.first?.contains("more.csv:3: district_code '99' is not one of the configuration's districts (31)") == true)
            #expect(summary.questioned.last?.contains("more.csv:4: an e-mail address of educator '0040202' also belongs to educator '0040200' (line 2)") == true)
        }
    }
}
