import Foundation
import Postgres
import RelicensureApp
import Testing

/// SPEC §7: any PostgreSQL 15 database as districts run them. The tests' own server
/// (scripts/local-db) is made like one: an ICU en-US collation, `DateStyle = 'SQL, DMY'`, a time
/// zone far from New York; these tests make sure of it and compare with a `C` database.
@Suite("Where districts run it: an ICU collation, another DateStyle and time zone (SPEC §7)")
struct DistrictDatabaseTests {
    @Test("The tests' server is not the friendly one, and our sessions still read ISO dates")
    func serverIsDistrictLike() throws {
        try CreditTestDatabase.with { database throws in
            #expect(try database.scalar("SELECT datlocprovider::text FROM pg_database WHERE datname = current_database()") == "i",
                    "the tests must run on an ICU database (scripts/local-db makes one)")
            #expect(try database.scalar("SELECT reset_val FROM pg_settings WHERE name = 'DateStyle'") == "SQL, DMY")
            #expect(try database.scalar("SELECT reset_val FROM pg_settings WHERE name = 'TimeZone'") == "Pacific/Kiritimati")
            // What our own sessions see, whatever the server's defaults.
            #expect(try database.scalar("SELECT current_setting('DateStyle')") == "ISO, YMD")
            #expect(try database.scalar("SELECT DATE '2026-11-20'::text") == "2026-11-20")
            #expect(try database.scalar("SELECT current_setting('client_connection_check_interval')") == "1s")
        }
    }

    @Test("A role or database whose search_path is empty still finds the ledger's tables")
    func emptySearchPath() throws {
        try CreditTestDatabase.with { database in
            try PostgresConnection(database.conninfo).query("ALTER DATABASE \(identifier: database.name) SET search_path = ''")
            let store = try database.store()
            #expect(try store.connection.query("SELECT count(*)::text FROM schema_migrations").first?[0] != "0")
        }
    }

    /// Ids that sort one way by bytes and another under en-US: case, leading punctuation.
    static func districtID(_ id: String, index: Int) -> String {
        let prefixes = ["x", "Y", "-", "", "a.", "Z_", "b", "#"]
        return prefixes[index % prefixes.count] + id
    }

    /// The demo's night on `examples/`, with every educator id rewritten by `districtID`, on a
    /// new database: every award's outcome and every ledger entry.
    static func demoNight(byteOrder: Bool) throws -> (outcomes: [[String?]], ledger: [[String?]], sortsAsBytes: Bool) {
        try CreditTestDatabase.with(byteOrder: byteOrder) { database in
            let workspace = try CreditWorkspace(database: database)
            let examples = try workspace.writeDemoConfiguration(database: database)
            var ids: [String: String] = [:]
            func rewritten(_ file: String) throws -> String {
                let lines = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
                    .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                return lines.enumerated().map { index, line in
                    guard index > 0, let comma = line.firstIndex(of: ",") else { return String(line) }
                    let id = String(line[..<comma])
                    let mapped = ids[id] ?? districtID(id, index: ids.count)
                    ids[id] = mapped
                    return mapped + line[comma...]
                }.joined(separator: "\n")
            }
            try workspace.write("district-roster.csv", try rewritten("roster.csv"))
            try workspace.write("district-approvals.csv", try rewritten("approvals.csv"))
            let session = try workspace.session()
            let imported = try RosterImport.run(session: session, file: workspace.path("district-roster.csv"), full: true, strict: false)
            #expect(imported.imported > 30)
            _ = try ApprovalsImport.run(session: session, file: workspace.path("district-approvals.csv"), strict: true)
            try workspace.nightly()
            let outcomes = try database.rows("""
                SELECT a.award_id, o.outcome, o.reason, o.educator_id, o.hours::text
                FROM awards a LEFT JOIN award_outcomes o USING (award_id) ORDER BY a.award_id COLLATE "C"
                """)
            let ledger = try database.rows("""
                SELECT award_id, educator_id, action, kind, hours::text, posted_on::text FROM ledger_entries
                ORDER BY award_id COLLATE "C", entry_id
                """)
            // The ids themselves compare as bytes (migration 011); what matters is whether the
            // database's own collation, which every temporary table and expression takes, would not.
            let sortsAsBytes = try database.scalar("""
                SELECT (string_agg(educator_id, ',' ORDER BY educator_id COLLATE "default")
                        = string_agg(educator_id, ',' ORDER BY educator_id COLLATE "C"))::text FROM educators
                """) == "true"
            return (outcomes, ledger, sortsAsBytes)
        }
    }

    @Test("A night on mixed-case, punctuated ids credits on an ICU database exactly what it credits on a C database")
    func icuCreditsWhatCCredits() throws {
        let district = try Self.demoNight(byteOrder: false)
        let reference = try Self.demoNight(byteOrder: true)
        #expect(!district.sortsAsBytes, "the ICU database must sort these ids otherwise than by bytes, or this test proves nothing")
        #expect(reference.sortsAsBytes)
        #expect(!reference.ledger.isEmpty)
        #expect(district.outcomes.allSatisfy { $0[1] != nil }, "every award has an outcome")
        #expect(district.outcomes == reference.outcomes)
        #expect(district.ledger == reference.ledger)
    }
}
