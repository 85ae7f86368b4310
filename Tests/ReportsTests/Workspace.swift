import Foundation
import Logging
import RelicensureApp

/// A district's folders in a temporary directory, with a configuration file pointed at a
/// scratch database: the examples' rules and inbox, or a small inbox a test writes itself.
struct Workspace {
    let root: URL
    let conninfo: String

    /// The checkout this test file lives in.
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = checkout.appendingPathComponent("examples")

    /// A workspace whose configuration is `examples/relicensure.yaml`, reading the examples'
    /// inbox and uploads and writing reports into the workspace.
    static func examples(conninfo: String) throws -> Workspace {
        let text = try String(contentsOf: examples.appendingPathComponent("relicensure.yaml"), encoding: .utf8)
        let workspace = try Workspace(conninfo: conninfo)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("inbox:") { return "inbox: \(examples.path)/inbox" }
            if line.hasPrefix("uploads:") { return "uploads: \(examples.path)/uploads" }
            if line.hasPrefix("reports:") { return "reports: ./reports" }
            return line.replacingOccurrences(of: "./keys/", with: "\(examples.path)/keys/")
        }
        try workspace.writeConfig(lines.joined(separator: "\n"))
        return workspace
    }

    /// An empty workspace: call `writeConfig` (or use `examples`).
    init(conninfo: String) throws {
        self.conninfo = conninfo
        root = FileManager.default.temporaryDirectory.appendingPathComponent("relicensure-reports-\(UUID().uuidString)")
        for folder in ["inbox", "reports"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    /// Writes `relicensure.yaml`: `body` with the scratch database in front of it.
    func writeConfig(_ body: String) throws {
        let quoted = conninfo.replacingOccurrences(of: "'", with: "''")
        try write("relicensure.yaml", "database: '\(quoted)'\n" + body)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var reports: String { root.appendingPathComponent("reports").path }

    func path(_ relativePath: String) -> String { root.appendingPathComponent(relativePath).path }

    func session(asOf: String = "2026-11-20", logger: Logger = Workspace.silent) throws -> Session {
        var environment = ProcessInfo.processInfo.environment
        // Tests write their badges just before the run: read them at once (docs/RELIABILITY.md).
        environment["RELICENSURE_SETTLE_SECONDS"] = "0"
        return try Session(configOption: path("relicensure.yaml"), asOfOption: asOf, logger: logger,
                           environment: environment)
    }

    static let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Migrates, imports the examples' roster and runs the nightly job as of `asOf`.
    func runExampleNight(asOf: String = "2026-11-20", logger: Logger = Workspace.silent) throws {
        let session = try session(asOf: asOf, logger: logger)
        _ = try Migrate.run(session: session)
        _ = try RosterImport.run(session: session, file: Workspace.examples.appendingPathComponent("roster.csv").path,
                                 full: false, strict: false)
        _ = try NightlyJob.run(session: session, dryRun: false)
    }

    /// Runs `body` in an examples workspace on a scratch database after the examples' night
    /// as of 2026-11-20; removes both afterwards.
    static func afterExampleNight(_ body: (Workspace, String) throws -> Void) throws {
        try ScratchDatabase.with { conninfo in
            let workspace = try Workspace.examples(conninfo: conninfo)
            defer { workspace.remove() }
            try workspace.runExampleNight()
            try body(workspace, conninfo)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
