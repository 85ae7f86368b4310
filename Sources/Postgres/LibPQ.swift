import CLibPQ

/// Small helpers shared by the code that calls libpq.
enum LibPQ {
    /// libpq's last message for `connection`, without its trailing newline.
    static func errorMessage(_ connection: OpaquePointer) -> String {
        PQerrorMessage(connection).map { String(cString: $0) }.flatMap(trimmed)
            ?? "libpq reported an error without a message"
    }

    /// `text` without surrounding whitespace, or `nil` when nothing is left.
    static func trimmed(_ text: String) -> String? {
        let trimmed = text.trimmingPrefix(while: \.isWhitespace)
        guard let last = trimmed.lastIndex(where: { !$0.isWhitespace }) else {
            return nil
        }
        return String(trimmed[...last])
    }
}
