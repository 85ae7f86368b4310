/// Writes RFC 4180 CSV with CRLF line ends, quoting only where needed, and neutralising text
/// that a spreadsheet would run as a formula (SPEC §6).
public struct CSVWriter {
    public private(set) var text = ""

    public init() {}

    public mutating func append(_ fields: [String]) {
        text += fields.map { Self.escape(CellText.neutralised($0)) }.joined(separator: ",")
        text += "\r\n"
    }

    /// Quotes a field when it holds a comma, quote or line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

/// Formula-injection defence shared by every CSV and XLSX writer.
public enum CellText {
    /// Text that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single
    /// quote; the text itself is kept (SPEC §6).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
