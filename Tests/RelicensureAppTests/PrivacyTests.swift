import Foundation
import Testing

/// Issue 6, item 8: no educator's e-mail address or name in the logs at the default level
/// (SPEC §7), and report files readable by owner and group only (0640).
@Suite("Privacy: logs and report files")
struct PrivacyTests {
    /// A generated district: scripts/generate-scenario.py, both nights delivered at once.
    func scenario(in workspace: Workspace) throws -> [[String: String]] {
        let folder = workspace.root.appendingPathComponent("scenario")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Workspace.checkout.appendingPathComponent("scripts/generate-scenario.py").path,
                               folder.path, "--educators", "200", "--awards", "600"]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        for night in ["nights/1", "nights/2"] {
            for sub in ["inbox", "uploads"] {
                let source = folder.appendingPathComponent(night).appendingPathComponent(sub)
                for relative in FileManager.default.subpaths(atPath: source.path) ?? [] {
                    let from = source.appendingPathComponent(relative)
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                    try workspace.write(sub + "/" + relative, try Data(contentsOf: from))
                }
            }
        }
        let roster = try String(contentsOf: folder.appendingPathComponent("roster.csv"), encoding: .utf8)
        var lines = roster.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        try workspace.write("roster.csv", roster)
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("A whole night through the executable names no educator's e-mail or name on stderr; every report file is 0640")
    func noPersonalDataInLogs() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            let educators = try scenario(in: workspace)
            #expect(educators.count == 200)
            let cli = CommandLineTests()
            let config = workspace.configPath
            #expect(try cli.run(["migrate", "--config", config]).status == 0)
            let roster = try cli.run(["roster", "import", workspace.root.appendingPathComponent("roster.csv").path, "--config", config])
            #expect(roster.status == 0)
            let night = try cli.run(["nightly", "--config", config, "--as-of", "2026-11-21"])
            #expect(night.status == 0, "\(night.stderr)")
            #expect(night.stderr.contains("crediting done"))
            let export = try cli.run(["export", "pdms", "--batch", "1", "--config", config])
            #expect(export.status == 0)
            let logs = roster.stderr + night.stderr + export.stderr
            let words = Set(logs.split { !$0.isLetter && $0 != "'" && $0 != "-" }.map(String.init))
            let lowered = logs.lowercased()
            for educator in educators {
                for key in ["email", "other_emails"] where educator[key]?.isEmpty == false {
                    let address = educator[key] ?? ""
                    #expect(!lowered.contains(address.lowercased()), "the log names \(address)")
                    #expect(!lowered.contains(address.split(separator: "@")[0].lowercased() + "@"), "the log names \(address)")
                }
                for key in ["first_name", "last_name"] {
                    let name = educator[key] ?? ""
                    #expect(!words.contains(name), "the log names \(name)")
                }
            }
            #expect(!logs.contains("@k12.de.us"))
            let reports = FileManager.default.enumerator(atPath: workspace.reports)
            var files = 0
            while let relative = reports?.nextObject() as? String {
                let attributes = try FileManager.default.attributesOfItem(atPath: workspace.reports + "/" + relative)
                guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                files += 1
                #expect((attributes[.posixPermissions] as? Int) == 0o640, "\(relative)")
            }
            #expect(files == 1)
        }
    }
}
