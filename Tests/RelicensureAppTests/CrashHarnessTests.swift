import Foundation
import Testing

/// Issue 6, item 1, the short version for every test run: scripts/crash-harness --quick kills
/// the nightly run (SIGKILL) at four phase boundaries of each of two nights and at two random
/// instants, runs it again, and compares everything with an uninterrupted run. The long
/// version runs on demand (docs/RELIABILITY.md).
@Suite("Crash anywhere: killed and run again, the same end state")
struct CrashHarnessTests {
    @Test("scripts/crash-harness --quick: every interrupted night ends identical to the uninterrupted reference")
    func quickHarness() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Workspace.checkout.appendingPathComponent("scripts/crash-harness").path,
                             "--quick", "--bin", CommandLineTests.executable.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("10 of 10 interrupted runs ended identical to the uninterrupted reference"), "\(text)")
    }
}
