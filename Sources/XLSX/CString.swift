/// Passing Swift strings to C.
///
/// C reads a string up to its first NUL byte, so a Swift string that contains one would be cut
/// short silently; this layer refuses such strings instead of writing half of them.
enum CString {
    /// Calls `body` with a NUL-terminated copy of `text` that stays alive for the call, or throws
    /// when `text` itself contains a NUL byte.
    static func with<Result>(_ text: String,
                             _ context: @autoclosure () -> String,
                             _ body: (UnsafePointer<CChar>) throws -> Result) throws -> Result {
        if let problem = problem(text, context()) { throw problem }
        return try text.withCString(body)
    }

    /// The error to report when `text` cannot be handed to C, or `nil` when it can.
    static func problem(_ text: String, _ context: @autoclosure () -> String) -> XLSXError? {
        // Looked for in the string's own storage when it has one: a report checks millions.
        let holdsNUL = text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
        guard holdsNUL else { return nil }
        return XLSXError(message: "\(context()): the text contains a NUL character, which Excel cannot store.")
    }
}
