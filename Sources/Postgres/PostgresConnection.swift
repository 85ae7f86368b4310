import CLibPQ

/// One session with a PostgreSQL server, through libpq.
///
/// Owns the `PGconn*` and closes it in `deinit`, which also ends the session's transactions
/// and releases its advisory locks. Every call blocks until the server answers.
///
/// Not `Sendable`: a libpq connection serves one caller at a time, so a connection belongs
/// to the one task that opened it.
public final class PostgresConnection {
    /// The libpq connection; never `NULL` and never seen outside this module.
    let handle: OpaquePointer

    /// Connects and sets the session up (UTF-8 client encoding, no NOTICE output on stderr).
    ///
    /// - Parameter conninfo: a libpq connection string: a URI
    ///   (`postgresql:///relicensure?host=/run/postgresql`), `key=value` pairs, or `""` to use
    ///   the `PG*` environment variables and libpq's defaults.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/connection`` carrying libpq's
    ///   or the server's message, with any password masked.
    public init(_ conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError(code: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = ConnectionString.safeErrorMessage(LibPQ.errorMessage(handle),
                                                            conninfo: conninfo)
            PQfinish(handle)
            throw PostgresError(code: .connection, message: message)
        }
        // NOTICEs (e.g. "table does not exist, skipping") are expected in migrations; libpq
        // would print each one to stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        guard PQsetClientEncoding(handle, "UTF8") == 0 else {
            let message = LibPQ.errorMessage(handle)
            PQfinish(handle)
            throw PostgresError(code: .connection,
                                message: "could not set client_encoding to UTF8: \(message)")
        }
        self.handle = handle
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether libpq still considers the connection usable (`PQstatus == CONNECTION_OK`).
    public var isHealthy: Bool {
        PQstatus(handle) == CONNECTION_OK
    }

    /// The error for a call that produced no result at all (out of memory, or the connection broke).
    func connectionError() -> PostgresError {
        PostgresError(code: .connection, message: LibPQ.errorMessage(handle))
    }
}

/// A libpq connection must not be used from two threads at once, so a connection cannot be
/// shared between tasks; this states it so no one adds the conformance by mistake.
@available(*, unavailable)
extension PostgresConnection: Sendable {}
