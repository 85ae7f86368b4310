import Foundation
import Logging
import Postgres
import RelicensureApp
import RelicensureStore
import TemporaryFolders

/// A fresh PostgreSQL database for one crediting test, created on the server `DATABASE_URL`
/// names (else libpq's `PG*` defaults) under a random name and dropped afterwards, because
/// tests run in parallel. Without a reachable server the test fails; it is never skipped.
struct CreditTestDatabase {
    let name: String
    /// Connects to this database: the server's own connection string with the database
    /// replaced (libpq expands a first `dbname` that is itself a connection string or URI, and
    /// a later `dbname` overrides the database it names).
    let conninfo: String

    static var serverConninfo: String { ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "" }

    /// Runs `body` with a new database holding the current schema, then drops it. The database
    /// is made like the server's others (see scripts/local-db: an ICU en-US collation), or with
    /// `byteOrder`, from `template0` with the `C` collation that sorts by bytes.
    static func with<T>(byteOrder: Bool = false, _ body: (CreditTestDatabase) throws -> T) throws -> T {
        let admin = try PostgresConnection(serverConninfo)
        let name = "relicensure_credit_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let collation = byteOrder ? " TEMPLATE template0 LOCALE_PROVIDER libc LOCALE 'C'" : ""
        try admin.query("CREATE DATABASE \(identifier: String(name))\(unescaped: collation)")
        defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(identifier: String(name)) WITH (FORCE)") }
        let base = serverConninfo
        let escaped = base.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        let conninfo = (base.isEmpty ? "" : "dbname='\(escaped)' ") + "dbname=\(name)"
        let database = CreditTestDatabase(name: String(name), conninfo: conninfo)
        try Migrator.embedded().apply(to: try database.store())
        return try body(database)
    }

    func store() throws -> Store { try Store(conninfo: conninfo) }

    /// The first column of the first row, as text.
    func scalar(_ query: PostgresQuery) throws -> String? {
        try PostgresConnection(conninfo).query(query).first?[0]
    }

    /// Every row, each as its columns' text.
    func rows(_ query: PostgresQuery) throws -> [[String?]] {
        try PostgresConnection(conninfo).query(query).map(\.values)
    }
}

/// A district's folders in a temporary directory (config, inbox, reports) pointed at a test
/// database and a two-educator roster, with Red Clay's rule for NEA: 10 h, 15 h for Classroom
/// Management, the approval mode and issuer cap given. The folder goes when the last copy of
/// the workspace does.
struct CreditWorkspace {
    private let folder: TemporaryFolder
    let database: CreditTestDatabase

    var root: URL { folder.url }

    init(database: CreditTestDatabase, neaApproval: String = "per-educator", neaCap: String = "null") throws {
        self.database = database
        folder = try TemporaryFolder(prefix: "relicensure-credit")
        for name in ["inbox", "reports"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let quoted = database.conninfo.replacingOccurrences(of: "'", with: "''")
        try write("relicensure.yaml", """
            database: '\(quoted)'
            inbox: ./inbox
            reports: ./reports
            state:
              time_zone: "America/New_York"
            ddoe:
              issuers: ["\(CreditSample.ddoe)"]
            districts:
              - code: "31"
                name: "Red Clay Consolidated School District"
                issuers:
                  - id: "\(CreditSample.nea)"
                    name: "National Education Association"
                    hours: 10
                    badges:
                      "\(CreditSample.neaBadge("classroom"))": 15
                    approval: \(neaApproval)
                    cap: \(neaCap)
            """)
        try write("roster.csv", CreditSample.roster)
        _ = try RosterImport.run(session: try session(), file: path("roster.csv"), full: false, strict: false)
    }

    /// Runs `body` in a new workspace over a new database, then drops the database.
    static func with<T>(neaApproval: String = "per-educator", neaCap: String = "null",
                        _ body: (CreditWorkspace, CreditTestDatabase) throws -> T) throws -> T {
        try CreditTestDatabase.with { database in
            try body(try CreditWorkspace(database: database, neaApproval: neaApproval, neaCap: neaCap), database)
        }
    }

    var configPath: String { path("relicensure.yaml") }
    var reports: String { path("reports") }

    func path(_ relativePath: String) -> String { root.appendingPathComponent(relativePath).path }

    /// The demo's configuration (`examples/relicensure.yaml`) pointed at the checkout's examples
    /// and at this workspace's database and reports folder; returns the examples folder.
    @discardableResult
    func writeDemoConfiguration(database: CreditTestDatabase) throws -> URL {
        let examples = Self.checkout.appendingPathComponent("examples")
        let quoted = database.conninfo.replacingOccurrences(of: "'", with: "''")
        let config = try String(contentsOf: examples.appendingPathComponent("relicensure.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "inbox: ./inbox", with: "inbox: \(examples.path)/inbox")
            .replacingOccurrences(of: "uploads: ./uploads", with: "uploads: \(examples.path)/uploads")
            .replacingOccurrences(of: "reports: ../reports", with: "reports: ./reports")
            .replacingOccurrences(of: "./keys/", with: "\(examples.path)/keys/")
        try write("relicensure.yaml", "database: '\(quoted)'\n" + config)
        return examples
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A session as of `asOf`; `extra` adds to the environment.
    func session(asOf: String = "2026-11-20", extra: [String: String] = [:]) throws -> Session {
        var environment = ProcessInfo.processInfo.environment.merging(extra) { _, added in added }
        // Tests write their badges just before the run: read them at once (docs/RELIABILITY.md).
        environment["RELICENSURE_SETTLE_SECONDS"] = "0"
        return try Session(configOption: configPath, asOfOption: asOf,
                           logger: Logger(label: "credit-test", factory: { _ in SwiftLogNoOpLogHandler() }),
                           environment: environment)
    }

    /// Writes an approvals CSV (header included) and imports it.
    @discardableResult
    func importApprovals(_ rows: [String], named name: String = "approvals.csv", strict: Bool = false) throws
        -> ApprovalsImport.Summary {
        try write(name, ([CreditSample.approvalsHeader] + rows).joined(separator: "\n") + "\n")
        return try ApprovalsImport.run(session: try session(), file: path(name), strict: strict)
    }

    @discardableResult
    func nightly(asOf: String = "2026-11-20", extra: [String: String] = [:]) throws -> NightlyJob.Summary {
        try NightlyJob.run(session: try session(asOf: asOf, extra: extra), dryRun: false)
    }

    /// The PDMS files written so far, by name.
    func pdmsFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: reports + "/pdms")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func pdmsText(_ name: String) throws -> String {
        try String(contentsOfFile: reports + "/pdms/" + name, encoding: .utf8)
    }

    static var checkout: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// Red Clay's educators and NEA badges, shaped like the demo's.
enum CreditSample {
    static let ddoe = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let nea = "https://api.badgr.io/public/issuers/nea"

    static func neaBadge(_ slug: String) -> String { "https://api.badgr.io/public/badges/nea-\(slug)" }
    static func neaAward(_ id: String) -> String { "https://api.badgr.io/public/assertions/nea/\(id)" }

    static let approvalsHeader = "educator_id,badge_id,decision,hours,decided_by,decided_on,note"

    static let roster = """
        educator_id,first_name,last_name,email,district_code,license_start,license_end
        0040100,Avery,Abbott,avery.abbott@k12.de.us,31,2022-07-01,2027-06-30
        0040137,Jordan,Bishop,jordan.bishop@k12.de.us,31,2022-07-01,2027-06-30
        """

    /// An NEA assertion with its BadgeClass and issuer embedded.
    static func neaAssertion(_ id: String, to email: String, badge slug: String,
                             issuedOn: String = "2026-10-01T12:00:00Z") -> String {
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(neaAward(id))",
         "recipient": {"type": "email", "hashed": false, "identity": "\(email)"},
         "issuedOn": "\(issuedOn)", "verification": {"type": "hosted"},
         "badge": {"id": "\(neaBadge(slug))", "type": "BadgeClass", "name": "NEA \(slug)",
                   "criteria": {"narrative": "x"}, "image": "https://example.org/i.png",
                   "issuer": {"id": "\(nea)", "type": "Issuer", "name": "National Education Association",
                              "url": "https://www.nea.org"}}}
        """
    }
}
