/// Writes RFC 4180 CSV with CRLF line ends, quoting only where needed, and neutralising text
/// that a spreadsheet would run as a formula (SPEC §6).
///
/// The CSV is kept as UTF-8 bytes, so that a file written chunk by chunk (`bytes`, then
/// `removeAll()`) costs no conversion per field.
public struct CSVWriter {
    /// What has been written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Whether the row being written has a field yet (the next one needs a comma before it).
    private var rowStarted = false

    public init() {}

    /// What has been written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets what has been written, keeping the memory for the next chunk of a file.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rowStarted = false
    }

    public mutating func append(_ fields: [String]) {
        for field in fields { append(field: .text(field)) }
        endRow()
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
        for field in fields { append(field: field) }
        endRow()
    }

    /// Appends one field to the row being written; `endRow()` ends the row. For writers that
    /// make rows field by field without an array for each.
    public mutating func append(field: Field) {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
        switch field {
        case .number(let number) where Self.isPlainDecimal(number): bytes.append(contentsOf: number.utf8)
        case .number(let text), .text(let text): Self.appendEscaped(text, neutralising: true, to: &bytes)
        }
    }

    /// Ends the row being written (CRLF).
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        rowStarted = false
    }

    /// An optional minus, digits, and optionally a point and more digits.
    static func isPlainDecimal(_ text: String) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, sawPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: continue
            case UInt8(ascii: "."):
                guard !sawPoint, digitsBefore > 0 else { return false }
                sawPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }

    /// Quotes a field when it holds a comma, quote or line break.
    public static func escape(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(field, neutralising: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `field`, with a leading `'` when `neutralising` and it starts like a formula
    /// (`CellText`), in quotes with its quotes doubled when it holds a comma, quote or line break.
    ///
    /// Looked for among UTF-8 bytes, which is the same as among Unicode scalars for these ASCII
    /// characters, and never among Characters: Swift's `"\r\n"` is one Character equal to neither
    /// `"\r"` nor `"\n"`, and a quote followed by a combining mark is one Character too. Compared
    /// as Characters, a badge or educator name holding CRLF (and no comma) was written unquoted
    /// and broke its PDMS row in two; found by CSVPropertyTests.
    static func appendEscaped(_ field: String, neutralising: Bool, to bytes: inout [UInt8]) {
        // The string's own storage when it has one (a native string always does): a monthly
        // report writes millions of fields.
        if field.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, neutralising: neutralising, to: &bytes) })
            == nil {
            appendEscaped(Array(field.utf8), neutralising: neutralising, to: &bytes)
        }
    }

    /// U+FEFF in UTF-8.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func appendEscaped(_ field: some Collection<UInt8>, neutralising: Bool, to bytes: inout [UInt8]) {
        // A value that begins with a byte-order mark is quoted too: at the start of a file a
        // reader (ours, and spreadsheets) drops the mark as the file's own (found by scripts/fuzz).
        let quoted = field.starts(with: Self.byteOrderMark)
            || field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                || $0 == UInt8(ascii: "\r") }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if neutralising, let first = field.first, CellText.startsFormula(first) { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in field {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: field)
        }
    }
}

/// Formula-injection defence shared by every CSV and XLSX writer.
public enum CellText {
    /// Text that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single
    /// quote; the text itself is kept (SPEC §6).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }

    /// Whether a text whose first UTF-8 byte is `byte` would be run as a formula. These are all
    /// ASCII, so the first byte says as much as the first Unicode scalar.
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
             UInt8(ascii: "\r"): true
        default: false
        }
    }
}
