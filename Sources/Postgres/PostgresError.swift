/// A failure reported by PostgreSQL, by libpq, or by this layer while reading a value.
///
/// The server's structured fields are kept apart so callers can react to them (for example
/// ``isUniqueViolation``). ``description`` is safe to log: it never contains a password, and it
/// leaves out ``detail``, which often quotes row values.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is. New kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The short name of the kind, used in ``PostgresError/description``.
        public let name: String

        /// Creates a kind of failure; prefer the static constants.
        public init(_ name: String) {
            self.name = name
        }

        public var description: String { name }

        /// Connecting failed, or the connection broke.
        public static let connection = Code("connection")
        /// The server rejected a statement; ``PostgresError/sqlState`` says why.
        public static let server = Code("server")
        /// A `COPY … FROM STDIN` could not be started, streamed or finished.
        public static let copy = Code("copy")
        /// A column value was missing or could not be converted to the requested type.
        public static let decoding = Code("decoding")
        /// A transaction could not be started or finished as asked.
        public static let transaction = Code("transaction")
        /// A parameter cannot be sent (libpq text parameters cannot contain a NUL byte).
        public static let parameter = Code("parameter")
        /// An advisory lock was released that this session did not hold.
        public static let advisoryLock = Code("advisory lock")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The five-character SQLSTATE sent by the server (for example `23505`), if any.
    public let sqlState: String?
    /// The primary message from the server, or libpq's message, or ours.
    public let message: String
    /// The server's secondary message; it may quote row values, so it is kept out of ``description``.
    public let detail: String?
    /// The server's suggestion of what to do.
    public let hint: String?
    /// The constraint the statement violated, if any.
    public let constraint: String?
    /// The table the error is about, if the server named one.
    public let table: String?

    /// Creates an error; the Postgres module builds these from libpq's results.
    public init(code: Code, message: String, sqlState: String? = nil, detail: String? = nil,
                hint: String? = nil, constraint: String? = nil, table: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
    }

    /// One line for logs, for example
    /// `PostgreSQL error 23505: duplicate key value violates unique constraint "award_pkey"`.
    public var description: String {
        var text = if let sqlState {
            "PostgreSQL error \(sqlState): \(message)"
        } else {
            "PostgreSQL \(code) error: \(message)"
        }
        if let hint, !hint.isEmpty {
            text += " (hint: \(hint))"
        }
        return text
    }

    /// Whether a unique or primary key constraint rejected the row (SQLSTATE 23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
}
