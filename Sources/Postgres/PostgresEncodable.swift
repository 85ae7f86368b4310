/// A value that can be sent to PostgreSQL as a text parameter.
///
/// Parameters travel in PostgreSQL's text format and the server infers their types from the
/// statement, so a conforming type only has to say how PostgreSQL spells it.
public protocol PostgresEncodable {
    /// The value in PostgreSQL's text input format (for example `true`, `42`, `7.5`).
    var postgresText: String { get }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int16: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Double: PostgresEncodable {
    /// Swift spells the special values `inf` and `nan`; PostgreSQL's own spelling is used instead.
    public var postgresText: String {
        if isNaN {
            return "NaN"
        }
        if isInfinite {
            return self < 0 ? "-Infinity" : "Infinity"
        }
        return description
    }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "true" : "false" }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A one-dimensional array literal such as `{"a","b\"c"}`, for `= ANY(\(ids))`.
    ///
    /// Every element is quoted, so commas, braces and spaces inside values are safe. Arrays of
    /// arrays are not supported: they would be sent as arrays of strings.
    public var postgresText: String {
        var text = "{"
        for (offset, element) in enumerated() {
            if offset > 0 {
                text += ","
            }
            text += "\""
            for character in element.postgresText {
                if character == "\"" || character == "\\" {
                    text += "\\"
                }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
}
