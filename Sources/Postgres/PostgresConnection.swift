import CLibPQ

/// One session with a PostgreSQL server, through libpq.
///
/// Owns the `PGconn*` and closes it in `deinit`, which also ends the session's transactions
/// and releases its advisory locks. Every call blocks until the server answers, except
/// `runAside`, whose work the next call waits for.
///
/// Not `Sendable`: a libpq connection serves one caller at a time, so a connection belongs
/// to the one task that opened it (work it runs aside uses it only while its owner waits).
public final class PostgresConnection {
    /// The libpq connection; never `NULL` and never seen outside this module.
    let handle: OpaquePointer
    /// Work running on this connection on another thread (`runAside`), which the owner's
    /// statements wait for; and the error it failed with, thrown until a rollback.
    var aside: AsideWork?
    var asideFailure: (any Error)?

    /// Connects and sets the session up (UTF-8 client encoding, ISO dates, no NOTICE output on
    /// stderr): see ``sessionSettings``.
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
        // The decoders parse what the server prints, so the session pins how it prints it,
        // whatever the server's or the database's own defaults (a district's server may say
        // `DateStyle = 'SQL, DMY'`, and then a date comes back as `20/11/2026`).
        try execute(script: Self.sessionSettings)
    }

    /// The settings every session runs with: ISO dates and intervals, floats that survive a round
    /// trip, hexadecimal `bytea`. The time zone is left as the server has it: every timestamp
    /// we print carries its offset, and no date is taken from a timestamp.
    ///
    /// `client_connection_check_interval`: a client killed in the middle of a long statement
    /// leaves the server running it, holding its locks, until the statement ends; checked every
    /// second, the server ends it within one (SPEC §7: a killed run never blocks the next).
    static let sessionSettings = """
        SET DateStyle TO 'ISO, YMD';
        SET IntervalStyle TO 'postgres';
        SET extra_float_digits TO 3;
        SET bytea_output TO 'hex';
        SET client_connection_check_interval TO '1s';
        """

    deinit {
        settleAside()
        PQfinish(handle)
    }

    /// Whether libpq still considers the connection usable (`PQstatus == CONNECTION_OK`).
    public var isHealthy: Bool {
        settleAside()
        return PQstatus(handle) == CONNECTION_OK
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
