public import Postgres

/// The ledger in PostgreSQL. One `Store` owns one connection; every query is parameterised and
/// every bulk write goes through COPY. Repositories are extensions, one file each.
public final class Store {
    public let connection: PostgresConnection
    /// How it connected, for a second connection to the same database (never printed: it may
    /// hold a password).
    let conninfo: String

    /// Connects with a libpq connection string or URI ("" means libpq's own `PG*` defaults).
    public init(conninfo: String) throws {
        self.connection = try PostgresConnection(conninfo)
        self.conninfo = conninfo
        try findLedgerSchema()
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Runs `work` on this store's connection on a thread of its own while the caller goes on;
    /// the store's next statement waits for it, and its error is thrown until the transaction
    /// rolls back (`PostgresConnection.runAside`). `work` is `@Sendable`, so what it writes is
    /// a copy the caller can no longer change; the store reaches it as its argument.
    public func runAside(_ work: @escaping @Sendable (Store) throws -> Void) throws {
        try connection.runAside { _ in try work(self) }
    }
}

/// A problem with the stored data or the schema that the operator must act on.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
