/// Reading Open Badges properties in every form the specifications allow: a single value or an
/// array, an id as a string or as an object with `id`, Booleans and numbers sometimes as strings.
enum Field {
    /// A non-empty string.
    static func string(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, !text.isEmpty else { return nil }
        return text
    }

    /// An id written as a string, or as an object with `id` (or JSON-LD `@id`).
    static func id(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .object(let object)?: return string(object["id"]) ?? string(object["@id"])
        default: return nil
        }
    }

    /// Strings (or ids of objects) from a single value or an array.
    static func strings(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return value.asList.compactMap { id($0) }
    }

    /// A number, or a string holding one (legacy documents write `"42"`).
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let number, _)?: return number.isFinite ? number : nil
        case .string(let text)?: return Double(Text.trimmed(text)).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// A Boolean, or the strings `"true"` / `"false"` (legacy documents).
    static func bool(_ value: JSONValue?) -> Bool? {
        switch value {
        case .bool(let flag)?: return flag
        case .string(let text)?:
            switch Text.lowercasedASCII(Text.trimmed(text)) {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The `type` values, single or array, with the OB 2.0 vocabulary prefixes removed
    /// (`obi:Assertion` and `https://w3id.org/openbadges#Assertion` are `Assertion`).
    static func types(_ value: JSONValue?) -> [String] {
        strings(value).map { type in
            guard type.utf8.contains(UInt8(ascii: ":")) else { return type }
            for prefix in ["obi:", "https://w3id.org/openbadges#", "http://w3id.org/openbadges#"]
            where type.hasPrefix(prefix) {
                return String(type.dropFirst(prefix.count))
            }
            return type
        }
    }

    /// An `invalid` reason for a required property that is absent.
    static func missing(_ path: String, _ explanation: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.missingField(path), message: "The document has no '\(path)': \(explanation).")
    }

    /// An `invalid` reason for a property whose value has the wrong form.
    static func malformed(_ path: String, _ explanation: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.badField(path), message: "The document's '\(path)' \(explanation).")
    }

    /// `prefix.name`, or `name` at the top level.
    static func path(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : "\(prefix).\(name)"
    }
}
