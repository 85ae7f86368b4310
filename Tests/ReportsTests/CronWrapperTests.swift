import Foundation
import Testing

/// `cron/relicensure-cron`, run with bash the way cron runs it, with a stand-in for the
/// relicensure binary that sleeps, prints and exits as told.
@Suite("The cron wrapper")
struct CronWrapperTests {
    static let wrapper = Workspace.checkout.appendingPathComponent("cron/relicensure-cron").path

    /// A folder with a stand-in binary, an environment file, and paths for the lock and log.
    struct Setup {
        let folder: URL
        var log: String { folder.appendingPathComponent("relicensure.log").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("relicensure-cron-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write("fake-relicensure", """
                #!/usr/bin/env bash
                echo "fake relicensure $* config=$RELICENSURE_CONFIG"
                echo "a line on standard error" >&2
                sleep "${FAKE_SLEEP:-0}"
                exit "${FAKE_EXIT:-0}"
                """, executable: true)
            try write("env", "RELICENSURE_CONFIG=/etc/relicensure/relicensure.yaml\n")
        }

        func write(_ name: String, _ text: String, executable: Bool = false) throws {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        }

        /// Starts the wrapper; `finish` waits for it.
        func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [CronWrapperTests.wrapper] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["RELICENSURE_ENV"] = folder.appendingPathComponent("env").path
            environment["RELICENSURE_BIN"] = folder.appendingPathComponent("fake-relicensure").path
            environment["RELICENSURE_LOG"] = log
            environment["RELICENSURE_LOCK"] = folder.appendingPathComponent("cron.lock").path
            environment.merge(extra) { $1 }
            process.environment = environment
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            return Run(process: process, output: output, errors: errors)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    struct Run {
        let process: Process
        let output: Pipe
        let errors: Pipe

        /// Waits for the wrapper; returns its exit code, standard output and standard error.
        func finish() -> (status: Int32, output: String, errors: String) {
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
    }

    @Test("Success is quiet; the environment file is read and the output appended to the log")
    func quietSuccess() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let result = try setup.start(["nightly", "--as-of", "2026-11-20"]).finish()
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.errors.isEmpty)
        let log = try String(contentsOfFile: setup.log, encoding: .utf8)
        #expect(log.contains("start: relicensure nightly --as-of 2026-11-20"))
        #expect(log.contains("fake relicensure nightly --as-of 2026-11-20 config=/etc/relicensure/relicensure.yaml"))
        #expect(log.contains("a line on standard error"))
        #expect(log.contains("end: relicensure nightly --as-of 2026-11-20 exited 0"))
    }

    @Test("A failure exits with the command's own code and shows its output, so that cron mails it")
    func failure() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let result = try setup.start(["nightly"], environment: ["FAKE_EXIT": "2"]).finish()
        #expect(result.status == 2)
        #expect(result.errors.contains("relicensure nightly failed with exit code 2"))
        #expect(result.errors.contains("fake relicensure nightly"))
        #expect(try String(contentsOfFile: setup.log, encoding: .utf8).contains("exited 2"))
    }

    @Test("Two copies at once: one runs, the other exits 3 at once and says why")
    func overlap() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let environment = ["FAKE_SLEEP": "3"]
        let first = try setup.start(["nightly"], environment: environment)
        let second = try setup.start(["nightly"], environment: environment)
        let results = [first.finish(), second.finish()].sorted { $0.status < $1.status }
        #expect(results.map(\.status) == [0, 3])
        #expect(results[1].errors.contains("another run holds the lock"))
        let log = try String(contentsOfFile: setup.log, encoding: .utf8)
        #expect(log.components(separatedBy: "start: relicensure nightly").count == 2)  // ran once
    }

    @Test("With --wait the second copy waits for the first, and both run, one after the other")
    func waitForTheLock() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let environment = ["FAKE_SLEEP": "2"]
        let first = try setup.start(["nightly"], environment: environment)
        // The second starts once the first holds the lock.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !((try? String(contentsOfFile: setup.log, encoding: .utf8)) ?? "").contains("start:") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let second = try setup.start(["--wait", "30", "report", "monthly"], environment: environment)
        #expect(first.finish().status == 0)
        #expect(second.finish().status == 0)
        let lines = try String(contentsOfFile: setup.log, encoding: .utf8).split(separator: "\n")
        let marks = lines.compactMap { line in
            ["start:", "end:"].first { line.contains(" \($0) ") }
        }
        #expect(marks == ["start:", "end:", "start:", "end:"])  // never two runs at once
    }

    @Test("A missing environment file named by RELICENSURE_ENV is a usage error")
    func missingEnvironment() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let result = try setup.start(["nightly"], environment: ["RELICENSURE_ENV": setup.folder.path + "/nope"]).finish()
        #expect(result.status == 2)
        #expect(result.errors.contains("does not exist"))
    }
}
