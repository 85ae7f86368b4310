public import Foundation

/// A folder of its own for one test, `<temporary directory>/<prefix>-<UUID>`, removed with
/// everything in it when the last value holding it goes away: when the test ends, whether it
/// passed, failed or threw.
///
/// Why an object and not a `defer` at each call site: most tests get their folder inside a
/// workspace that a helper builds and returns, where no `defer` can reach, and a forgotten one
/// left a folder in /tmp on every run (some 1,500 `relicensure-test-…` in a day). Keep it in a
/// `let` of the test, or in a stored property of the workspace built on it, for as long as the
/// folder is used.
public final class TemporaryFolder: Sendable {
    /// The folder, created by `init`.
    public let url: URL

    /// Creates `<temporary directory>/<prefix>-<UUID>`; `prefix` says which tests left it,
    /// should one ever outlive its test (a test binary killed mid-run).
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
