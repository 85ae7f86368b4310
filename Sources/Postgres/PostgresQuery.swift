/// A SQL statement with its parameters kept apart from the text.
///
/// Write it as an interpolated string; every interpolated value becomes a `$n` placeholder,
/// so values are never pasted into SQL:
///
/// ```swift
/// let query: PostgresQuery = "SELECT * FROM award WHERE educator_id = \(id) AND issuer = \(issuer)"
/// // query.sql == "SELECT * FROM award WHERE educator_id = $1 AND issuer = $2"
/// ```
///
/// A `nil` optional becomes SQL `NULL`. Trusted SQL fragments (names chosen by the program,
/// never by a user or a file) can be pasted with `\(unescaped: "award")`, and names can be
/// quoted with `\(identifier: schemaName)`.
public struct PostgresQuery: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// The statement text, with `$1 … $n` where the parameters go.
    public var sql: String
    /// The parameters in PostgreSQL's text format, in `$n` order; `nil` is SQL `NULL`.
    public var parameters: [String?]

    /// Creates a query from statement text and already numbered parameters.
    public init(sql: String, parameters: [(any PostgresEncodable)?] = []) {
        self.sql = sql
        self.parameters = parameters.map { $0?.postgresText }
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        parameters = stringInterpolation.parameters
    }

    /// The statement text only: parameters may hold personal data and are never printed.
    public var description: String { sql }

    /// Builds ``PostgresQuery/sql`` and ``PostgresQuery/parameters`` from an interpolated string.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql: String
        var parameters: [String?]

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + 3 * interpolationCount)
            parameters = []
            parameters.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a `$n` placeholder bound to `value`.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            appendParameter(value.postgresText)
        }

        /// Appends a `$n` placeholder bound to `value`, or to SQL `NULL` when it is `nil`.
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            appendParameter(value?.postgresText)
        }

        /// Appends a `$n` placeholder bound to `value`, or to SQL `NULL` when it is `nil`.
        public mutating func appendInterpolation(_ value: (any PostgresEncodable)?) {
            appendParameter(value?.postgresText)
        }

        /// Pastes `fragment` into the SQL as it is.
        ///
        /// Only for SQL the program itself chose, such as a table name from a constant.
        /// Never pass user input, file contents or anything read from a badge.
        public mutating func appendInterpolation(unescaped fragment: String) {
            sql += fragment
        }

        /// Pastes `name` as a quoted identifier (`"my ""odd"" schema"`), safe for any string.
        public mutating func appendInterpolation(identifier name: String) {
            sql += PostgresQuery.quotedIdentifier(name)
        }

        /// Appends a fragment the program made whose placeholders are numbered from the next
        /// free number: `sql` is given that number and must refer to `parameters` from it on.
        public mutating func appendInterpolation(fragment sql: (Int) -> String,
                                                 parameters values: [(any PostgresEncodable)?]) {
            self.sql += sql(parameters.count + 1)
            parameters += values.map { $0?.postgresText }
        }

        private mutating func appendParameter(_ text: String?) {
            parameters.append(text)
            sql += "$\(parameters.count)"
        }
    }

    /// `name` as a double-quoted SQL identifier, with embedded quotes doubled.
    public static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
