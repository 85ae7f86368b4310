import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import OpenBadges
import Postgres
import RelicensureApp
import RelicensureStore
import TemporaryFolders
@testable import RelicensureWeb

/// Two districts in a fresh database, credited by a real night as of today: Red Clay (31) with
/// two schools and an NEA rule that needs approval, Christina (33) with one school. Accounts:
/// `state`, `redclay` (district 31, can approve), `christina` (district 33), `dickinson`
/// (school 3101 of 31). Every password is `password`. Its folder goes when the world does.
struct WebTestWorld {
    private let folder: TemporaryFolder
    let conninfo: String
    static let password = "correct horse battery"

    static let ddoe = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let nea = "https://api.badgr.io/public/issuers/nea"

    static let roster = """
        educator_id,first_name,last_name,email,district_code,school_code,school_name,license_type,license_start,license_end
        0040100,Avery,Abbott,avery.abbott@k12.de.us,31,3101,Dickinson High School,continuing,2022-07-01,2027-06-30
        0040137,Jordan,Bishop,jordan.bishop@k12.de.us,31,3102,Skyline Middle School,continuing,2022-07-01,2027-03-31
        0040174,Morgan,Carver,morgan.carver@k12.de.us,33,3301,Newark High School,continuing,2024-01-01,2028-12-31
        """

    /// Runs `body` in a new world over a new database, then drops the database.
    /// - Parameter web: more lines of the `web:` section, indented two spaces.
    static func with<T>(web: String = "", _ body: (WebTestWorld) async throws -> T) async throws -> T {
        let server = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        let admin = try PostgresConnection(server)
        let name = "relicensure_web_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try admin.query("CREATE DATABASE \(identifier: String(name))")
        defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(identifier: String(name)) WITH (FORCE)") }
        let escaped = server.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        let conninfo = (server.isEmpty ? "" : "dbname='\(escaped)' ") + "dbname=\(name)"
        let world = try WebTestWorld(conninfo: conninfo, web: web)
        return try await body(world)
    }

    var root: URL { folder.url }

    private init(conninfo: String, web: String) throws {
        self.conninfo = conninfo
        folder = try TemporaryFolder(prefix: "relicensure-web")
        for name in ["inbox", "reports"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let quoted = conninfo.replacingOccurrences(of: "'", with: "''")
        try write("relicensure.yaml", """
            database: '\(quoted)'
            inbox: ./inbox
            reports: ./reports
            state:
              time_zone: "America/New_York"
            ddoe:
              issuers: ["\(Self.ddoe)"]
            districts:
              - code: "31"
                name: "Red Clay Consolidated School District"
                issuers:
                  - id: "\(Self.nea)"
                    name: "National Education Association"
                    hours: 10
                    approval: per-educator
              - code: "33"
                name: "Christina School District"
            web:
              session_hours: 8
            \(web)
            """)
        _ = try Migrate.run(session: try session())
        try write("roster.csv", Self.roster)
        _ = try RosterImport.run(session: try session(), file: path("roster.csv"), full: false, strict: false)
        try write("inbox/ddoe.jsonl", [
            Self.ddoeAward("a1", to: "avery.abbott@k12.de.us", badge: "Reading Foundations"),
            Self.ddoeAward("a2", to: "avery.abbott@k12.de.us", badge: "<script>alert(1)</script> Literacy"),
            Self.ddoeAward("c1", to: "morgan.carver@k12.de.us", badge: "Christina Math"),
        ].joined(separator: "\n") + "\n")
        try write("inbox/nea.jsonl", [
            Self.neaAward("n1", to: "jordan.bishop@k12.de.us", badge: "classroom"),
            Self.neaAward("n2", to: "avery.abbott@k12.de.us", badge: "equity"),
        ].joined(separator: "\n") + "\n")
        try nightly()
        for (login, role, district, school, approve) in [("state", WebAccount.Role.state, nil, nil, false),
                                                          ("redclay", .district, "31", nil, true),
                                                          ("christina", .district, "33", nil, true),
                                                          ("dickinson", .school, "31", "3101", false)] {
            try WebAccounts.add(session: try session(), account: WebAccount(
                login: login, role: role, districtCode: district, schoolCode: school, canApprove: approve),
                password: Self.password)
        }
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    func session() throws -> Session {
        var environment = ProcessInfo.processInfo.environment
        environment["RELICENSURE_SETTLE_SECONDS"] = "0"
        return try Session(configOption: path("relicensure.yaml"), asOfOption: nil,
                           logger: Logger(label: "web-test", factory: { _ in SwiftLogNoOpLogHandler() }),
                           environment: environment)
    }

    @discardableResult
    func nightly() throws -> NightlyJob.Summary {
        try NightlyJob.run(session: try session(), dryRun: false)
    }

    func store() throws -> Store { try Store(conninfo: conninfo) }

    /// The web door's application over this world, its request log kept in `log`.
    func application(log: LogLines) throws -> some ApplicationProtocol {
        let logger = Logger(label: "web") { _ in log.handler() }
        return Application(router: try WebDoor.router(session: try session(), requestLog: logger))
    }

    static func ddoeAward(_ id: String, to email: String, badge: String) -> String {
        let name = badge.replacingOccurrences(of: "\"", with: "\\\"")
        return """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://badges.doe.k12.de.us/assertions/\(id)", \
            "recipient": {"type": "email", "hashed": false, "identity": "\(email)"}, "issuedOn": "2026-10-01T12:00:00Z", \
            "verification": {"type": "hosted"}, "badge": {"id": "https://badges.doe.k12.de.us/badgeclasses/\(id)", \
            "type": "BadgeClass", "name": "\(name)", "criteria": {"narrative": "x"}, "image": "https://example.org/i.png", \
            "issuer": {"id": "\(ddoe)", "type": "Issuer", "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us"}}}
            """
    }

    static func neaAward(_ id: String, to email: String, badge slug: String) -> String {
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://api.badgr.io/public/assertions/nea/\(id)", \
        "recipient": {"type": "email", "hashed": false, "identity": "\(email)"}, "issuedOn": "2026-10-01T12:00:00Z", \
        "verification": {"type": "hosted"}, "badge": {"id": "https://api.badgr.io/public/badges/nea-\(slug)", \
        "type": "BadgeClass", "name": "NEA \(slug)", "criteria": {"narrative": "x"}, "image": "https://example.org/i.png", \
        "issuer": {"id": "\(nea)", "type": "Issuer", "name": "National Education Association", "url": "https://www.nea.org"}}}
        """
    }
}

/// The lines a logger wrote, kept for a test to read.
final class LogLines: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var all: [String] { lines.withLockedValue { $0 } }

    func handler() -> some LogHandler { Handler(sink: self) }

    struct Handler: LogHandler {
        let sink: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let extra = (event.metadata ?? [:]).merging(metadata) { a, _ in a }.map { "\($0.key)=\($0.value)" }.sorted()
            sink.lines.withLockedValue { $0.append(([event.message.description] + extra).joined(separator: " ")) }
        }
    }
}
