public import Foundation

/// One row of a ``PostgresResult``: every value as PostgreSQL's text, `nil` for SQL `NULL`.
///
/// Columns are found by position or by their exact name as the server reports it (lower case
/// unless quoted in the SQL). The typed helpers throw a ``PostgresError`` with code
/// ``PostgresError/Code/decoding`` that names the column, so a bad value says where it was.
public struct PostgresRow: Sendable {
    private let columnIndex: PostgresColumns
    /// The values in column order; `nil` is SQL `NULL`.
    public let values: [String?]

    init(columns: PostgresColumns, values: [String?]) {
        columnIndex = columns
        self.values = values
    }

    /// Creates a row by hand, for example to test code that reads rows without a database.
    public init(columns: [String], values: [String?]) {
        self.init(columns: PostgresColumns(columns), values: values)
    }

    /// The column names, in order.
    public var columns: [String] { columnIndex.names }

    /// The value at `index`, or `nil` for SQL `NULL` or an index past the last column.
    public subscript(_ index: Int) -> String? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// The value of the column called `name`, or `nil` for SQL `NULL` or an unknown column.
    public subscript(_ name: String) -> String? {
        columnIndex.index(of: name).flatMap { self[$0] }
    }

    /// Whether the row has a column called `name` (whatever its value).
    public func contains(column name: String) -> Bool {
        columnIndex.index(of: name) != nil
    }

    // MARK: Typed values by name

    /// The text of column `name`; throws if it is `NULL` or missing.
    public func string(_ name: String) throws -> String {
        try text(at: columnIndex.index(of: name), named: name)
    }

    /// Column `name` as an integer; throws if it is `NULL`, missing or not an integer.
    public func int(_ name: String) throws -> Int {
        try convert(string(name), column: name, to: "an integer", Int.init)
    }

    /// Column `name` as a 64-bit integer; throws if it is `NULL`, missing or not an integer.
    public func int64(_ name: String) throws -> Int64 {
        try convert(string(name), column: name, to: "a 64-bit integer", Int64.init)
    }

    /// Column `name` as a floating-point number; throws if it is `NULL`, missing or not a number.
    public func double(_ name: String) throws -> Double {
        try convert(string(name), column: name, to: "a number", Double.init)
    }

    /// Column `name` as an exact decimal (for `numeric`); throws if it is `NULL`, missing or not
    /// a number.
    public func decimal(_ name: String) throws -> Decimal {
        try convert(string(name), column: name, to: "a decimal number", Self.parseDecimal)
    }

    /// Column `name` as a Boolean (`t`/`f` or `true`/`false`); throws if it is `NULL`, missing or
    /// neither.
    public func bool(_ name: String) throws -> Bool {
        try convert(string(name), column: name, to: "a boolean", Self.parseBool)
    }

    // MARK: Typed values by position

    /// The text of the column at `index`; throws if it is `NULL` or missing.
    public func string(_ index: Int) throws -> String {
        try text(at: values.indices.contains(index) ? index : nil, named: columnName(index))
    }

    /// The column at `index` as an integer; throws if it is `NULL`, missing or not an integer.
    public func int(_ index: Int) throws -> Int {
        try convert(string(index), column: columnName(index), to: "an integer", Int.init)
    }

    /// The column at `index` as a 64-bit integer; throws if it is `NULL`, missing or not an integer.
    public func int64(_ index: Int) throws -> Int64 {
        try convert(string(index), column: columnName(index), to: "a 64-bit integer", Int64.init)
    }

    /// The column at `index` as a floating-point number; throws if it is `NULL`, missing or not a
    /// number.
    public func double(_ index: Int) throws -> Double {
        try convert(string(index), column: columnName(index), to: "a number", Double.init)
    }

    /// The column at `index` as an exact decimal; throws if it is `NULL`, missing or not a number.
    public func decimal(_ index: Int) throws -> Decimal {
        try convert(string(index), column: columnName(index), to: "a decimal number", Self.parseDecimal)
    }

    /// The column at `index` as a Boolean; throws if it is `NULL`, missing or not a Boolean.
    public func bool(_ index: Int) throws -> Bool {
        try convert(string(index), column: columnName(index), to: "a boolean", Self.parseBool)
    }

    // MARK: Conversions

    private func columnName(_ index: Int) -> String {
        columnIndex.names.indices.contains(index) ? columnIndex.names[index] : "#\(index)"
    }

    private func text(at index: Int?, named name: String) throws -> String {
        guard let index else {
            throw PostgresError(code: .decoding, message: "column \"\(name)\" is not in the result")
        }
        guard let value = values[index] else {
            throw PostgresError(code: .decoding, message: "column \"\(name)\" is NULL")
        }
        return value
    }

    /// The value itself is left out of the error: it may be personal data.
    private func convert<T>(_ text: String, column name: String, to typeName: String,
                            _ parse: (String) -> T?) throws -> T {
        guard let value = parse(text) else {
            throw PostgresError(code: .decoding, message: "column \"\(name)\" is not \(typeName)")
        }
        return value
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }

    private static func parseDecimal(_ text: String) -> Decimal? {
        // Decimal(string:) accepts a valid prefix ("7.5abc"); insist on the whole text.
        guard !text.isEmpty,
              text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else {
            return text == "NaN" ? Decimal.nan : nil
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
