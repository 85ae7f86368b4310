import Foundation
import Testing

/// A `relicensure nightly` process of the built executable, for tests that stop it at a phase
/// boundary (`RELICENSURE_PAUSE_AT`) to kill it, cut its connection or fill its disk there.
final class NightlyProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var errorText = Data()

    /// Starts `relicensure nightly` for `workspace`; `pauseAt` names the phase it waits at.
    init(_ workspace: Workspace, asOf: String = "2026-11-20", pauseAt: String? = nil,
         environment: [String: String] = [:]) throws {
        process.executableURL = CommandLineTests.executable
        process.arguments = ["nightly", "--config", workspace.configPath, "--as-of", asOf]
        var env = ProcessInfo.processInfo.environment
        env["RELICENSURE_SETTLE_SECONDS"] = "0"
        env["RELICENSURE_PAUSE_AT"] = pauseAt
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// The district of `NightlyJobTests.prepared` on `database`, and a run of it already
    /// stopped at `phase`.
    static func paused(on database: TestDatabase, at phase: String) throws -> (workspace: Workspace, run: NightlyProcess) {
        let workspace = try NightlyJobTests().prepared(database)
        let run = try NightlyProcess(workspace, pauseAt: phase)
        try #require(run.waitForPause(), "the run ended before reaching \(phase)")
        return (workspace, run)
    }

    /// Reads standard error until the run announces its pause; false if it ended first.
    func waitForPause() -> Bool {
        while true {
            if String(decoding: errorText, as: UTF8.self).contains("relicensure: paused at ") { return true }
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            errorText.append(chunk)
        }
    }

    /// Lets a paused run go on.
    func resume() throws {
        try input.fileHandleForWriting.write(contentsOf: Data("\n".utf8))
    }

    /// SIGKILL, as the OOM killer or a reboot would.
    func kill() {
        _ = Foundation.kill(pid, SIGKILL)
    }

    /// Waits for the end; returns the exit status (or the signal) and everything it printed.
    func finish() -> CommandLineTests.Outcome {
        try? input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        errorText.append(errors.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return CommandLineTests.Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                        stderr: String(decoding: errorText, as: UTF8.self))
    }
}

extension Workspace {
    /// Every entry of `reports/pdms`, hidden temporary files included.
    func pdmsFolderEntries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: reports + "/pdms")) ?? []).sorted()
    }
}
