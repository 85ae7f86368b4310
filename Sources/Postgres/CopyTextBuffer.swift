/// Rows encoded in the text format of `COPY … FROM STDIN`, waiting to be sent.
///
/// Fields are separated by tabs and rows end with a newline, so a backslash, tab, newline or
/// carriage return inside a value is escaped; `nil` is written as `\N` (SQL `NULL`).
struct CopyTextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(row: [String?]) {
        for (index, field) in row.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: "\t"))
            }
            if let field {
                append(field: field)
            } else {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "N"))
            }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(field: String) {
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\t"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            case UInt8(ascii: "\n"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            default:
                bytes.append(byte)
            }
        }
    }
}
