import Foundation
import RelicensureApp
import RelicensureConfig
import Testing

/// The README's "Installing it" section, followed as written: `scripts/install` puts the program
/// alone in `usr/local/bin`, the wrapper and crontab in `usr/local/lib/relicensure` and a
/// configuration and env file in `etc/relicensure`; cron's own PATH and the env file, with its
/// quoted `DATABASE_URL` (an `&` inside), then run a night through the wrapper.
@Suite("Installed as the README says, run as cron runs it (SPEC §7)")
struct InstallTests {
    static let installer = Workspace.checkout.appendingPathComponent("scripts/install").path

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> CommandLineTests.Outcome {
        try CommandLineTests.launch(URL(fileURLWithPath: executable), arguments, environment: environment,
                                    directory: URL(fileURLWithPath: "/"))
    }

    @Test("scripts/install lays out the program alone, the wrapper, the crontab, a valid config and a private env file")
    func layout() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = try Self.run("/bin/bash", [Self.installer, "--root", root.path, "--binary", CommandLineTests.executable.path],
                                     environment: ["PATH": "/usr/bin:/bin"])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("relicensure \(ProductVersion.number)"))
        let files = FileManager.default
        for path in ["usr/local/bin/relicensure", "usr/local/lib/relicensure/relicensure-cron"] {
            #expect(files.isExecutableFile(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        // Alone: nothing else beside the program, no sql/ folder anywhere.
        #expect(try files.contentsOfDirectory(atPath: root.appendingPathComponent("usr/local/bin").path) == ["relicensure"])
        #expect(!files.fileExists(atPath: root.appendingPathComponent("usr/local/bin/sql").path))
        let env = root.appendingPathComponent("etc/relicensure/env").path
        let mode = try #require(try files.attributesOfItem(atPath: env)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0, "the env file may name a password: readable by its owner only")
        #expect(try String(contentsOfFile: env, encoding: .utf8).contains("DATABASE_URL='postgresql://"))
        // The configuration it installs is one the program accepts.
        _ = try ConfigurationLoader.load(path: root.appendingPathComponent("etc/relicensure/relicensure.yaml").path)
        // Run again: the operator's edited files are kept.
        try Data("# edited\n".utf8).write(to: URL(fileURLWithPath: env))
        #expect(try Self.run("/bin/bash", [Self.installer, "--root", root.path, "--binary", CommandLineTests.executable.path],
                             environment: ["PATH": "/usr/bin:/bin"]).status == 0)
        #expect(try String(contentsOfFile: env, encoding: .utf8) == "# edited\n")
    }

    @Test("Installed, with a quoted DATABASE_URL in the env file, cron's wrapper runs the demo night: quiet, exit 0, logged")
    func cronRunsTheInstalledProgram() throws {
        try withTestDatabase { database in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let cronPath = root.appendingPathComponent("usr/local/bin").path + ":/usr/bin:/bin"
            #expect(try Self.run("/bin/bash", [Self.installer, "--root", root.path, "--binary", CommandLineTests.executable.path],
                                 environment: ["PATH": "/usr/bin:/bin"]).status == 0)
            // The district's files: the demo's, in the service account's folder.
            let district = root.appendingPathComponent("var/lib/relicensure")
            try FileManager.default.createDirectory(at: district.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Workspace.checkout.appendingPathComponent("examples"), to: district)
            let config = district.appendingPathComponent("relicensure.yaml").path
            #expect(database.conninfo.contains("&") || !database.conninfo.contains("?"), "the URL exercises the quoting")
            let envFile = root.appendingPathComponent("etc/relicensure/env")
            try Data("""
                # as the README says: every value quoted
                RELICENSURE_CONFIG='\(config)'
                DATABASE_URL='\(database.conninfo)'
                RELICENSURE_SETTLE_SECONDS='0'

                """.utf8).write(to: envFile)
            // Only what cron gives a job: its PATH, and the wrapper reading the env file.
            let cron = ["PATH": cronPath, "RELICENSURE_ENV": envFile.path,
                        "RELICENSURE_LOG": root.appendingPathComponent("var/log/relicensure/relicensure.log").path,
                        "RELICENSURE_LOCK": root.appendingPathComponent("cron.lock").path]
            let wrapper = root.appendingPathComponent("usr/local/lib/relicensure/relicensure-cron").path
            for step in [["migrate"], ["roster", "import", district.appendingPathComponent("roster.csv").path],
                         ["approvals", "import", district.appendingPathComponent("approvals.csv").path]] {
                let done = try Self.run(wrapper, step, environment: cron)
                // The demo roster has two wrong rows on purpose: reported, not fatal.
                #expect(done.status == 0, "\(step): \(done.stderr)")
            }
            let night = try Self.run(wrapper, ["nightly", "--as-of", "2026-11-20"], environment: cron)
            #expect(night.status == 0, "\(night.stderr)")
            #expect(night.stdout.isEmpty && night.stderr.isEmpty, "cron mails only failures")
            let log = try String(contentsOfFile: cron["RELICENSURE_LOG"] ?? "", encoding: .utf8)
            #expect(log.contains("start: relicensure nightly"))
            let pdms = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("var/lib/reports/pdms").path)
            #expect(pdms.contains { $0.hasPrefix("pdms-import-2026-11-20") })
        }
    }
}
