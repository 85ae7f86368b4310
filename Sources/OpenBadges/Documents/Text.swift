/// Small text helpers that avoid Foundation in the hot path.
enum Text {
    /// `text` without leading and trailing white space (Unicode white space, new lines included).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// True when `text` starts with `prefix`, ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var textBytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = textBytes.next(), lowerASCII(byte) == lowerASCII(expected) else { return false }
        }
        return true
    }

    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// ASCII-only lower-casing (file extensions, hash algorithm names).
    static func lowercasedASCII(_ text: String) -> String {
        String(decoding: text.utf8.map(lowerASCII), as: UTF8.self)
    }

    /// `http(s)://` URL, judged by its scheme only.
    static func isHTTPURL(_ text: String) -> Bool {
        hasPrefixIgnoringCase(text, "https://") || hasPrefixIgnoringCase(text, "http://")
    }
}
