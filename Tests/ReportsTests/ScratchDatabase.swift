import Foundation
import Postgres

/// A database of its own for one test: created with a random name on the server `DATABASE_URL`
/// names (else libpq's `PG*` defaults), and dropped when the test is done. Tests run in
/// parallel, so none shares a database; without a reachable server they fail, never skip.
enum ScratchDatabase {
    /// Runs `body` with the connection string of a new, empty database.
    static func with<T>(_ body: (String) throws -> T) throws -> T {
        let server = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        let admin = try PostgresConnection(server)
        let name = "reports_t_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(20)
        try admin.query("CREATE DATABASE \(identifier: String(name))")
        defer { _ = try? admin.query("DROP DATABASE IF EXISTS \(identifier: String(name)) WITH (FORCE)") }
        return try body(conninfo(server, database: String(name)))
    }

    /// `server` pointed at `database`: the path of a URI replaced (its query kept), or a
    /// `dbname=` appended to a key=value string, where the last keyword wins.
    static func conninfo(_ server: String, database: String) -> String {
        guard let scheme = server.range(of: "://") else {
            return server.isEmpty ? "dbname=\(database)" : "\(server) dbname=\(database)"
        }
        let rest = server[scheme.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        return server[..<scheme.upperBound] + authority + "/" + database + query
    }
}
