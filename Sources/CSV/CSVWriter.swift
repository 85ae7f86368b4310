/// Writes RFC 4180 CSV with CRLF line ends, quoting only where needed, and neutralising text
/// that a spreadsheet would run as a formula (SPEC §6).
public struct CSVWriter {
    public private(set) var text = ""

    public init() {}

    public mutating func append(_ fields: [String]) {
        text += fields.map { Self.escape(CellText.neutralised($0)) }.joined(separator: ",")
        text += "\r\n"
    }

    /// One field of a row: text, which is neutralised, or a number the program wrote itself.
    public enum Field: Sendable, Hashable {
        case text(String)
        /// A plain decimal such as `10`, `7.5` or `-10`, written as it is: a spreadsheet reads it
        /// as the number it is, so a negative one needs no quote in front. Anything else given
        /// here is treated as text.
        case number(String)
    }

    /// Appends a row whose numbers keep their sign (`-10`, not `'-10`).
    public mutating func append(_ fields: [Field]) {
        text += fields.map { field in
            switch field {
            case .number(let number) where Self.isPlainDecimal(number): number
            case .number(let text), .text(let text): Self.escape(CellText.neutralised(text))
            }
        }.joined(separator: ",")
        text += "\r\n"
    }

    /// An optional minus, digits, and optionally a point and more digits.
    static func isPlainDecimal(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// Quotes a field when it holds a comma, quote or line break.
    ///
    /// Looked for among Unicode scalars, not Characters: Swift's `"\r\n"` is one Character
    /// equal to neither `"\r"` nor `"\n"`, and a quote followed by a combining mark is one
    /// Character too. Compared as Characters, a badge or educator name holding CRLF (and no
    /// comma) was written unquoted and broke its PDMS row in two; found by CSVPropertyTests.
    public static func escape(_ field: String) -> String {
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        guard field.unicodeScalars.contains(where: special.contains) else { return field }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
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
