/// Reads RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF line ends, line breaks
/// inside quotes. Each record carries the file line it starts on (the header is line 1), so
/// that a bad row can be reported by the line a person sees in an editor.
public struct CSVReader: Sequence {
    /// One record and where it starts.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// A record that breaks RFC 4180 (an unterminated quote, text after a closing quote).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    private let scalars: [Unicode.Scalar]

    /// `text` may start with a UTF-8 byte order mark; it is ignored.
    public init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    public func makeIterator() -> Iterator { Iterator(scalars: scalars) }

    /// Yields `Result`s so one malformed record never hides the ones after it.
    public struct Iterator: IteratorProtocol {
        let scalars: [Unicode.Scalar]
        var position = 0
        var line = 1

        public mutating func next() -> Result<Record, Problem>? {
            // Skip blank lines between records.
            while position < scalars.count, scalars[position] == "\n" || scalars[position] == "\r" {
                if scalars[position] == "\n" { line += 1 }
                position += 1
            }
            guard position < scalars.count else { return nil }
            let startLine = line
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            var problem: String?
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\"" && field.isEmpty {
                    position += 1
                    var closed = false
                    while position < scalars.count {
                        let inner = scalars[position]
                        position += 1
                        if inner == "\"" {
                            if position < scalars.count, scalars[position] == "\"" {
                                field.append("\"")
                                position += 1
                            } else {
                                closed = true
                                break
                            }
                        } else {
                            if inner == "\n" { line += 1 }
                            field.append(inner)
                        }
                    }
                    if !closed { problem = problem ?? "a quoted field is never closed" }
                    // After a closing quote only a comma or the end of the record may follow.
                    if position < scalars.count, !["," as Unicode.Scalar, "\r", "\n"].contains(scalars[position]) {
                        problem = problem ?? "text after a closing quote"
                        while position < scalars.count, ![",", "\r", "\n"].contains(scalars[position]) { position += 1 }
                    }
                    continue
                }
                if scalar == "," {
                    fields.append(String(field))
                    field = String.UnicodeScalarView()
                    position += 1
                    continue
                }
                if scalar == "\r" || scalar == "\n" {
                    if scalar == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" { position += 1 }
                    position += 1
                    line += 1
                    break
                }
                field.append(scalar)
                position += 1
            }
            fields.append(String(field))
            // No text column can hold U+0000 (PostgreSQL refuses it): a bad record, not a bad file.
            if problem == nil, fields.contains(where: { $0.utf8.contains(0) }) {
                problem = "a field holds a NUL character (U+0000); save the file again as CSV UTF-8 text"
            }
            if let problem { return .failure(Problem(line: startLine, message: problem)) }
            return .success(Record(line: startLine, fields: fields))
        }
    }
}
