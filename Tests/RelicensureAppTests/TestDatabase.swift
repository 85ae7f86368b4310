import Foundation
import Postgres

/// A fresh PostgreSQL database for one test, created on the server named by `DATABASE_URL`
/// (or libpq's `PG*` variables) and dropped afterwards. Tests run in parallel, so each one
/// gets its own. Without a reachable server the test fails: it is never skipped.
struct TestDatabase {
    let name: String
    let conninfo: String

    static var serverConninfo: String { ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "" }

    /// The server's connection string with the database name replaced.
    static func conninfo(_ base: String, database: String) -> String {
        guard let scheme = base.range(of: "://") else {
            return base.isEmpty ? "dbname=\(database)" : base + " dbname=\(database)"
        }
        let afterScheme = base[scheme.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return base + "/" + database }
        let query = base[slash...].firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        return String(base[..<slash]) + "/" + database + query
    }
}

/// Runs `body` with a new, empty database, then drops it.
func withTestDatabase<T>(_ body: (TestDatabase) throws -> T) throws -> T {
    let admin = try PostgresConnection(TestDatabase.serverConninfo)
    let name = "relicensure_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    try admin.query("CREATE DATABASE \(unescaped: String(name))")
    defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(unescaped: String(name)) WITH (FORCE)") }
    return try body(TestDatabase(name: String(name), conninfo: TestDatabase.conninfo(TestDatabase.serverConninfo, database: String(name))))
}
