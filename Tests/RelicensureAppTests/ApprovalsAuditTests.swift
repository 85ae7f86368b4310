import Foundation
import OpenBadges
import RelicensureApp
import RelicensureStore
import Testing

@Suite("Audit: every decision keeps its rule, approval, cap and config checksum (issue 4)")
struct ApprovalsAuditTests {
    typealias S = CreditSample

    @Test("Ledger entries and outcomes read back with the rule, the approval id, the cap and the config checksum")
    func auditReadsBack() throws {
        try CreditWorkspace.with(neaCap: "20") { workspace, database in
            try workspace.write("inbox/a.json", S.neaAssertion("nea-a", to: "avery.abbott@k12.de.us", badge: "classroom",
                                                               issuedOn: "2026-10-01T12:00:00Z"))
            try workspace.write("inbox/b.json", S.neaAssertion("nea-b", to: "avery.abbott@k12.de.us", badge: "sel",
                                                               issuedOn: "2026-10-02T12:00:00Z"))
            try workspace.write("inbox/c.json", S.neaAssertion("nea-c", to: "jordan.bishop@k12.de.us", badge: "sel"))
            try workspace.importApprovals([
                "0040100,\(S.neaBadge("classroom")),approved,,HR,2026-10-05,",
                "0040100,\(S.neaBadge("sel")),approved,,HR,2026-10-05,",
                "0040137,\(S.neaBadge("sel")),denied,,HR,2026-10-06,",
            ])
            try workspace.nightly()
            let checksum = try workspace.session().configChecksum
            let expectedChecksum = ContentHash.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: workspace.configPath)))
            #expect(checksum == expectedChecksum)

            let ledger = try database.rows("""
                SELECT award_id, hours::text, audit->>'rule', audit->>'approvalID', audit->>'cap', config_checksum
                FROM ledger_entries ORDER BY award_id
                """)
            #expect(ledger == [
                [S.neaAward("nea-a"), "15.00", "district 31 issuer \(S.nea) 15 h (badge override)", "1", nil, checksum],
                [S.neaAward("nea-b"), "5.00", "district 31 issuer \(S.nea) 10 h (issuer default)", "2",
                 "issuer cap 20: 15 used", checksum],
            ])
            #expect(try database.scalar("""
                SELECT count(*)::text FROM award_outcomes o JOIN runs r USING (run_id)
                WHERE r.config_checksum = \(checksum)
                """) == "3")
            #expect(try database.rows("""
                SELECT outcome, audit->>'approvalID', audit->>'rule' FROM award_outcomes WHERE award_id = \(S.neaAward("nea-c"))
                """) == [["denied_by_district", "3", "district 31 issuer \(S.nea)"]])
        }
    }

    @Test("A reversal on denial keeps the denying decision's id and the night's config checksum")
    func reversalAudit() throws {
        try CreditWorkspace.with(neaApproval: "none") { workspace, database in
            try workspace.write("inbox/a.json", S.neaAssertion("nea-a", to: "avery.abbott@k12.de.us", badge: "sel"))
            try workspace.nightly(asOf: "2026-11-20")
            try workspace.importApprovals(["0040100,\(S.neaBadge("sel")),denied,,HR,2026-11-21,"])
            try workspace.nightly(asOf: "2026-11-21")
            let checksum = try workspace.session().configChecksum
            #expect(try database.rows("""
                SELECT action, audit->>'rule', audit->>'approvalID', config_checksum FROM ledger_entries ORDER BY entry_id
                """) == [["ADD", "district 31 issuer \(S.nea) 10 h (issuer default)", nil, checksum],
                         ["REVERSE", "district decision", "1", checksum]])
        }
    }
}
