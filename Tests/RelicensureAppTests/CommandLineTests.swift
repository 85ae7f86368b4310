import Foundation
import TemporaryFolders
import Testing

/// The built `relicensure` executable, run as cron and operators run it.
@Suite("Command line: exit codes and messages (SPEC §7)")
struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable sits beside the test bundle in the build folder.
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let beside = bundle.appendingPathComponent("relicensure")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Workspace.checkout.appendingPathComponent(".build/debug/relicensure")
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env["RELICENSURE_SETTLE_SECONDS"] = "0"
        env.merge(environment) { $1 }
        return try Self.launch(Self.executable, arguments, environment: env)
    }

    /// Runs any program to its end with exactly `environment`, and returns what it printed.
    static func launch(_ executable: URL, _ arguments: [String], environment: [String: String],
                       directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("A configuration error exits 2 with FILE:LINE: first on standard error")
    func configurationError() throws {
        let folder = try TemporaryFolder(prefix: "cli")
        let config = folder.url.appendingPathComponent("relicensure.yaml")
        try Data("inbox: ./inbox\nreports: ./reports\nddoe:\n  issuers: [x]\n  hours_per_credentail: 10\n".utf8).write(to: config)
        let outcome = try run(["nightly", "--config", config.path])
        #expect(outcome.status == 2)
        let firstLine = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("\(config.path):5: unknown key 'hours_per_credentail'"))
        #expect(firstLine.contains("did you mean 'hours_per_credential'?"))
    }

    @Test("The config comes from RELICENSURE_CONFIG when --config is absent; a missing file exits 2")
    func missingConfig() throws {
        let outcome = try run(["status"], environment: ["RELICENSURE_CONFIG": "/nonexistent/relicensure.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("/nonexistent/relicensure.yaml:"))
    }

    @Test("A bad --as-of is a usage error; a database that cannot be reached fails with exit 1")
    func usageAndFailure() throws {
        let folder = try TemporaryFolder(prefix: "cli")
        let config = folder.url.appendingPathComponent("relicensure.yaml")
        try Data("database: 'host=/nonexistent-socket-dir dbname=x password=hunter2'\ninbox: ./inbox\nreports: ./reports\nddoe:\n  issuers: [x]\n".utf8).write(to: config)
        let badDate = try run(["nightly", "--config", config.path, "--as-of", "2026-02-30"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of '2026-02-30'"))
        let noDatabase = try run(["nightly", "--config", config.path, "--as-of", "2026-11-20"])
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.contains("cannot connect to the database"))
        #expect(!noDatabase.stderr.contains("hunter2"))
    }

    @Test("The whole demo flow through the executable: migrate, roster, nightly, status")
    func endToEnd() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.write("roster.csv", Sample.roster)
            try workspace.write("inbox/issuer.json", Sample.issuer)
            try workspace.write("inbox/fa.json", Sample.badgeClass("formative-assessment", name: "Formative Assessment"))
            try workspace.write("inbox/a1.json", Sample.assertion("a1", recipient: Sample.plain("avery.abbott@k12.de.us"),
                                                                 badge: "formative-assessment"))
            let config = workspace.configPath
            #expect(try run(["migrate", "--config", config]).status == 0)
            let roster = try run(["roster", "import", workspace.root.appendingPathComponent("roster.csv").path, "--config", config])
            #expect(roster.status == 0)
            #expect(roster.stdout.contains("Imported 3 educators; skipped 0 bad rows."))
            let night = try run(["nightly", "--config", config, "--as-of", "2026-11-20"])
            #expect(night.status == 0)
            #expect(night.stdout.contains("PDMS import file: \(workspace.reports)/pdms/pdms-import-2026-11-20-1.csv"))
            // No names or e-mail addresses in the logs at the default level.
            for secret in ["avery.abbott", "Avery", "Abbott", "@k12.de.us"] {
                #expect(!night.stderr.contains(secret), "the log mentions \(secret)")
            }
            let status = try run(["status", "--config", config, "--format", "json"])
            #expect(status.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
            let runs = object?["runs"] as? [[String: Any]]
            #expect(runs?.first?["outcome"] as? String == "succeeded")
            let pdms = object?["pdms"] as? [String: Any]
            #expect(pdms?["last_import"] is NSNull)

            // PDMS (SPEC §4.5, §9): nothing to reconcile before an import; a bad row by line; the progress filters.
            let reconcile = try run(["report", "reconcile", "--config", config, "--as-of", "2026-12-10"])
            #expect(reconcile.status == 2 && reconcile.stderr.contains("pdms import"))
            try workspace.write("pdms.csv", "educator_id,activity_title,completion_date,clock_hours,credential_id\n"
                                + "0040137,Reading Course,2025-03-01,80,\n0040137,Workshop,2025-13-01,6,\n"
                                + "0040100,Formative Assessment,2026-10-01,10,https://badges.doe.k12.de.us/assertions/a1\n")
            let file = workspace.root.appendingPathComponent("pdms.csv").path
            let strict = try run(["pdms", "import", file, "--strict", "--config", config, "--as-of", "2026-12-10"])
            #expect(strict.status == 1 && strict.stderr.contains("line 3: completion_date '2025-13-01'"))
            let imported = try run(["pdms", "import", file, "--config", config, "--as-of", "2026-12-10"])
            #expect(imported.status == 0)
            #expect(imported.stdout.contains("Imported 2 PDMS activities as the snapshot of 2026-12-10; skipped 1 bad rows."))
            let progress = try run(["report", "progress", "--config", config, "--as-of", "2026-12-10", "--format", "csv",
                                    "--district", "31", "--status", "on_track"])
            #expect(progress.status == 0)
            let lines = progress.stdout.split(separator: "\r\n")
            #expect(lines.count == 2 && lines.last?.hasPrefix("0040137,") == true)
            #expect(try run(["report", "progress", "--config", config, "--status", "late"]).status == 2)
            let reconciled = try run(["report", "reconcile", "--config", config, "--as-of", "2026-12-10"])
            #expect(reconciled.status == 0)
            #expect(reconciled.stdout.contains("0 findings"))
        }
    }
}
