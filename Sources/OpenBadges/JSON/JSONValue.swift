/// A JSON document as read, byte for byte faithful where it matters: numbers keep the text they
/// were written with (so a serialized document says `1.50` where the issuer wrote `1.50`) and
/// objects keep their members in the order they were written.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's value and its original text (`1e3`, `42.0`).
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A number written the way Swift prints it (used when a value is made in code, not read).
    public static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 1e15 {
            return .number(value, text: String(Int64(value)))
        }
        return .number(value, text: String(value))
    }

    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number, when this is one.
    public var doubleValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The Boolean, when this is one.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a list: an array's elements, or the value alone. Open Badges lets most
    /// properties be written either way ("single or array").
    public var asList: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return [self]
    }
}
