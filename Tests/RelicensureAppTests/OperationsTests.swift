import Foundation
import Postgres
import RelicensureStore
import RelicensureApp
import TemporaryFolders
import Testing

/// SPEC §7 as the operator on call meets it: the program installed alone, a night that could
/// not read its inbox, options that would do nothing, a run killed and started again at once.
@Suite("Operations: installed alone, nothing silent, killed and restarted (SPEC §7)")
struct OperationsTests {
    let cli = CommandLineTests()

    /// A migrated workspace with the three-educator roster and the DDOE catalog in its inbox.
    func workspace(_ database: TestDatabase) throws -> Workspace {
        let workspace = try Workspace(database: database)
        try workspace.migrate()
        try workspace.write("roster.csv", Sample.roster)
        _ = try RosterImport.run(session: try workspace.session(), file: workspace.root.appendingPathComponent("roster.csv").path,
                                 full: false, strict: false)
        try workspace.write("inbox/ddoe/issuer.json", Sample.issuer)
        try workspace.write("inbox/ddoe/fa.json", Sample.badgeClass("formative-assessment", name: "Formative Assessment"))
        try workspace.write("inbox/a1.json", Sample.assertion("a1", recipient: Sample.plain("avery.abbott@k12.de.us"),
                                                             badge: "formative-assessment"))
        return workspace
    }

    func scalar(_ database: TestDatabase, _ sql: String) throws -> String? {
        try PostgresConnection(database.conninfo).query(PostgresQuery(sql: sql)).first?[0]
    }

    /// Runs the executable as the service user would be: without the root's power to read
    /// whatever it likes (as root, the capabilities that bypass file permissions are dropped).
    func runUnprivileged(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Outcome {
        guard getuid() == 0 else { return try cli.run(arguments, environment: environment) }
        var env = ProcessInfo.processInfo.environment
        env["RELICENSURE_SETTLE_SECONDS"] = "0"
        env.merge(environment) { $1 }
        return try CommandLineTests.launch(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                           ["--bounding-set=-dac_override,-dac_read_search", "--",
                                            CommandLineTests.executable.path] + arguments, environment: env)
    }

    // MARK: Installed as one program

    @Test("Copied alone into another folder, the program prints its version and migrates a new database")
    func installedAlone() throws {
        let bin = try TemporaryFolder(prefix: "usr-local-bin")
        let copy = bin.url.appendingPathComponent("relicensure")
        try FileManager.default.copyItem(at: CommandLineTests.executable, to: copy)
        func run(_ arguments: [String]) throws -> CommandLineTests.Outcome {
            try CommandLineTests.launch(copy, arguments, environment: ProcessInfo.processInfo.environment,
                                        directory: URL(fileURLWithPath: "/"))
        }
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("relicensure \(ProductVersion.number)"))
        #expect(version.stdout.contains("crediting rules "))
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            let migrated = try run(["migrate", "--config", workspace.configPath])
            #expect(migrated.status == 0, "\(migrated.stderr)")
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: Workspace.sqlFolder.path).filter { $0.hasSuffix(".sql") }
            #expect(try scalar(database, "SELECT string_agg(name, ',' ORDER BY version) FROM schema_migrations")
                    == onDisk.sorted().joined(separator: ","))
        }
    }

    @Test("The migrations inside the program are the bytes of sql/")
    func embeddedMigrationsAreTheFiles() throws {
        let fromFolder = try RelicensureStoreMigrator.folder(Workspace.sqlFolder)
        let embedded = try RelicensureStoreMigrator.embedded()
        #expect(embedded.map(\.name) == fromFolder.map(\.name))
        #expect(embedded.map(\.checksum) == fromFolder.map(\.checksum))
    }

    // MARK: Options that would do nothing

    @Test("Options and commands that would do nothing are usage errors (exit 2)")
    func unsupportedOptions() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            let config = workspace.configPath
            let csvStatus = try cli.run(["status", "--config", config, "--format", "csv"])
            #expect(csvStatus.status == 2)
            #expect(csvStatus.stderr.contains("csv"))
            let asOf = try cli.run(["export", "pdms", "--config", config, "--batch", "1", "--as-of", "2026-11-20"])
            #expect(asOf.status == 2)
            #expect(asOf.stderr.contains("leave out --as-of"))
            for group in [["roster"], ["approvals"], ["report"], ["export"]] {
                let alone = try cli.run(group)
                #expect(alone.status == 2, "relicensure \(group[0]) alone")
                #expect(alone.stderr.contains("choose what to do"))
            }
        }
    }

    // MARK: Nothing silent

    @Test("A missing inbox, an inbox that is a file, an inbox the service user cannot read: exit 1, nothing posted")
    func inboxItselfUnreadable() throws {
        try withTestDatabase { database in
            let workspace = try workspace(database)
            let inbox = workspace.root.appendingPathComponent("inbox")
            let moved = workspace.root.appendingPathComponent("inbox-away")
            try FileManager.default.moveItem(at: inbox, to: moved)
            let missing = try cli.run(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-20"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("the inbox folder"))
            #expect(missing.stderr.contains("does not exist"))
            #expect(missing.stderr.contains("nothing was read or posted"))

            try Data("not a folder".utf8).write(to: inbox)
            let file = try cli.run(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-20"])
            #expect(file.status == 1)
            #expect(file.stderr.contains("is not a folder"))
            try FileManager.default.removeItem(at: inbox)

            try FileManager.default.moveItem(at: moved, to: inbox)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: inbox.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: inbox.path) }
            let unreadable = try runUnprivileged(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-20"])
            #expect(unreadable.status == 1, "\(unreadable.stderr)")
            #expect(unreadable.stderr.contains("cannot be read"))

            #expect(try scalar(database, "SELECT count(*)::text FROM ledger_entries") == "0")
            #expect(try scalar(database, "SELECT string_agg(outcome, ',' ORDER BY run_id) FROM runs WHERE command = 'nightly'")
                    == "failed,failed,failed")
        }
    }

    @Test("Unreadable files and subfolders inside: the night does its work, lists them, says so in status, exits 4")
    func unreadableInside() throws {
        try withTestDatabase { database in
            let workspace = try workspace(database)
            try workspace.write("inbox/secret.json", Sample.assertion("a2", recipient: Sample.plain("jordan.bishop@k12.de.us"),
                                                                     badge: "formative-assessment"))
            try workspace.write("inbox/locked/a3.json", Sample.assertion("a3", recipient: Sample.plain("morgan.carver@k12.de.us"),
                                                                        badge: "formative-assessment"))
            let secret = workspace.root.appendingPathComponent("inbox/secret.json").path
            let locked = workspace.root.appendingPathComponent("inbox/locked").path
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
            let night = try runUnprivileged(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-20"])
            #expect(night.status == 4, "\(night.stdout)\n\(night.stderr)")
            #expect(night.stdout.contains("Could not read 2 files or folders"))
            #expect(night.stdout.contains("cannot read: \(secret)"))
            #expect(night.stdout.contains("cannot read: \(locked)/"))
            #expect(try scalar(database, "SELECT count(*)::text FROM ledger_entries") == "1", "the readable award is credited")
            let status = try cli.run(["status", "--config", workspace.configPath])
            #expect(status.stdout.contains("Could not read 2 files or folders"))
            #expect(status.stdout.contains("\"unreadable\": 2"))

            // Once readable, the next night reads them and exits 0.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked)
            let next = try runUnprivileged(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-21"])
            #expect(next.status == 0, "\(next.stdout)\n\(next.stderr)")
            #expect(try scalar(database, "SELECT count(*)::text FROM ledger_entries") == "3")
        }
    }

    @Test("The summary says how many files wait for the settle window")
    func settlingFilesAreCounted() throws {
        try withTestDatabase { database in
            let workspace = try workspace(database)
            let night = try cli.run(["nightly", "--config", workspace.configPath, "--as-of", "2026-11-20"],
                                    environment: ["RELICENSURE_SETTLE_SECONDS": "3600"])
            #expect(night.status == 0)
            #expect(night.stdout.contains("Waiting: 3 files were modified too recently to be read safely"), "\(night.stdout)")
        }
    }

    // MARK: Killed, restarted at once

    /// Everything a night leaves that matters: outcomes, ledger, PDMS files.
    func endState(_ database: TestDatabase, _ workspace: Workspace) throws -> [String] {
        let connection = try PostgresConnection(database.conninfo)
        let outcomes = try connection.query("""
            SELECT award_id || ' ' || outcome || ' ' || reason || ' ' || coalesce(educator_id, '-') || ' ' || hours::text
            FROM award_outcomes ORDER BY award_id COLLATE "C"
            """).map { $0[0] ?? "" }
        let ledger = try connection.query("""
            SELECT award_id || ' ' || educator_id || ' ' || action || ' ' || hours::text || ' ' || posted_on::text
            FROM ledger_entries ORDER BY entry_id
            """).map { $0[0] ?? "" }
        let files = try workspace.pdmsFiles().map { name in
            name + " " + (try String(contentsOfFile: workspace.reports + "/pdms/" + name, encoding: .utf8))
        }
        return outcomes + ledger + files
    }

    @Test("A nightly killed (SIGKILL) in the middle of a statement does not block the next, started at once")
    func killedMidStatementThenRestarted() throws {
        let reference = try withTestDatabase { database in
            let workspace = try NightlyJobTests().prepared(database)
            let run = try NightlyProcess(workspace)
            #expect(run.finish().status == 0)
            return try endState(database, workspace)
        }
        try withTestDatabase { database in
            let workspace = try NightlyJobTests().prepared(database)
            // Another session holds the ledger, so the night's statement that reaches it runs on
            // the server for as long as this test likes: the longest statement of any night.
            let blocker = try PostgresConnection(database.conninfo)
            try blocker.execute(script: "BEGIN; LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE")
            let killed = try NightlyProcess(workspace)
            let watcher = try PostgresConnection(database.conninfo)
            var waiting = false
            for _ in 0..<300 where !waiting {
                waiting = try watcher.query("""
                    SELECT count(*)::text FROM pg_stat_activity
                    WHERE application_name LIKE 'relicensure nightly pid=\(unescaped: String(killed.pid)) %'
                      AND state = 'active' AND wait_event_type = 'Lock'
                    """).first?[0] == "1"
                if !waiting { usleep(100_000) }
            }
            try #require(waiting, "the nightly never reached the locked table")
            killed.kill()
            let started = Date()
            let next = try NightlyProcess(workspace)
            #expect(Date().timeIntervalSince(started) < 1)
            // The killed statement would still be waiting; the next run must not be refused.
            usleep(3_000_000)
            try blocker.execute(script: "COMMIT")
            let outcome = next.finish()
            _ = killed.finish()
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(try endState(database, workspace) == reference)
        }
    }
}

/// The two sources of migrations, read the same way.
enum RelicensureStoreMigrator {
    struct File { let name: String; let checksum: String }

    static func folder(_ url: URL) throws -> [File] {
        try Migrator(folder: url).migrations.map { File(name: $0.name, checksum: $0.checksum) }
    }

    static func embedded() throws -> [File] {
        try Migrator.embedded().migrations.map { File(name: $0.name, checksum: $0.checksum) }
    }
}
