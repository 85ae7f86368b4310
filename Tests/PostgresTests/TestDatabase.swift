import Foundation
import Postgres

/// The server the integration tests talk to: `DATABASE_URL`, else libpq's `PG*` defaults.
///
/// Tests fail (they never skip) when it cannot be reached. Each test works in its own
/// connection's temporary tables, so tests can run in parallel.
enum TestDatabase {
    static var connectionString: String {
        ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
    }

    static func connect() throws -> PostgresConnection {
        try PostgresConnection(connectionString)
    }

    /// The test server's connection string, pointed at `database` and carrying `password`.
    static func connectionString(database: String, password: String) -> String {
        let base = connectionString
        let lowered = base.lowercased()
        guard lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://"),
              let schemeEnd = base.range(of: "://") else {
            // key=value form (or empty): a later keyword overrides an earlier one.
            return base + " dbname=\(database) password=\(password)"
        }
        let (address, query) = splitOnce(base, at: "?")
        let afterScheme = address[schemeEnd.upperBound...]
        let authority = afterScheme.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            .first ?? ""
        let newQuery = (query.map { $0 + "&" } ?? "") + "password=\(password)"
        return "\(address[..<schemeEnd.upperBound])\(authority)/\(database)?\(newQuery)"
    }

    private static func splitOnce(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else {
            return (text, nil)
        }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }
}
