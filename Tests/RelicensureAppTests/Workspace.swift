import Foundation
import Logging
import OpenBadges
import RelicensureApp
import RelicensureStore
import TemporaryFolders

/// A district's folders in a temporary directory: a config file, an inbox, uploads and the
/// reports folder, pointed at a test database. The folder goes when the last copy of the
/// workspace does.
struct Workspace {
    private let folder: TemporaryFolder
    let database: TestDatabase

    var root: URL { folder.url }

    init(database: TestDatabase, extraConfig: String = "") throws {
        self.database = database
        folder = try TemporaryFolder(prefix: "relicensure-test")
        for name in ["inbox", "uploads", "reports"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let quoted = database.conninfo.replacingOccurrences(of: "'", with: "''")
        try write("relicensure.yaml", """
            database: '\(quoted)'
            inbox: ./inbox
            uploads: ./uploads
            reports: ./reports
            state:
              time_zone: "America/New_York"
            ddoe:
              issuers: ["\(Sample.ddoe)"]
            \(extraConfig)
            """)
    }

    var configPath: String { root.appendingPathComponent("relicensure.yaml").path }
    var reports: String { root.appendingPathComponent("reports").path }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func session(asOf: String = "2026-11-20") throws -> Session {
        var environment = ProcessInfo.processInfo.environment
        // The tests' slow host answers after 4 s; a fetch gives up after 1.
        environment["RELICENSURE_FETCH_TIMEOUT"] = "1"
        // Tests write their badges just before the run: read them at once (docs/RELIABILITY.md).
        environment["RELICENSURE_SETTLE_SECONDS"] = "0"
        return try Session(configOption: configPath, asOfOption: asOf,
                           logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), environment: environment)
    }

    /// Applies the migrations of this checkout.
    func migrate() throws {
        _ = try Migrate.run(session: try session())
    }

    func pdmsFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: reports + "/pdms")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static var checkout: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sqlFolder: URL { checkout.appendingPathComponent("sql") }
}

/// Badge documents for tests, Delaware-shaped.
enum Sample {
    static let ddoe = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let badgeBase = "https://badges.doe.k12.de.us/badgeclasses/"

    static let issuer = """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(ddoe)",
         "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us"}
        """

    static func badgeClass(_ slug: String, name: String) -> String {
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "\(badgeBase)\(slug)",
         "name": "\(name)", "description": "x", "image": "https://example.org/i.png",
         "criteria": {"narrative": "x"}, "issuer": "\(ddoe)"}
        """
    }

    static func assertion(_ id: String, recipient: String, badge slug: String, issuedOn: String = "2026-10-01T12:00:00Z") -> String {
        """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
         "id": "https://badges.doe.k12.de.us/assertions/\(id)", "recipient": \(recipient),
         "badge": "\(badgeBase)\(slug)", "issuedOn": "\(issuedOn)", "verification": {"type": "hosted"}}
        """
    }

    static func plain(_ email: String) -> String {
        #"{"type": "email", "hashed": false, "identity": "\#(email)"}"#
    }

    static func hashed(_ email: String, salt: String) -> String {
        let digest = sha256Hex(email + salt)
        return #"{"type": "email", "hashed": true, "salt": "\#(salt)", "identity": "sha256$\#(digest)"}"#
    }

    static func sha256Hex(_ text: String) -> String { ContentHash.sha256Hex(Data(text.utf8)) }

    static let roster = """
        educator_id,first_name,last_name,email,other_emails,district_code,school_code,school_name,license_type,license_start,license_end,status
        0040100,Avery,Abbott,avery.abbott@k12.de.us,avery@gmail.com,31,3101,Dickinson High School,continuing,2022-07-01,2027-06-30,
        0040137,Jordan,Bishop,jordan.bishop@k12.de.us,,31,3102,Skyline Middle School,continuing,2022-07-01,2027-06-30,active
        0040174,Morgan,Carver,morgan.carver@k12.de.us,,33,3301,Newark High School,continuing,2024-01-01,2028-12-31,active
        """
}
