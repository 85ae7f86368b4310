/// Small text helpers that avoid Foundation in the hot path.
enum Text {
    /// `text` without leading and trailing white space (Unicode white space, new lines included).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// `trimmed(_:)`, skipping the work when the text starts and ends with visible ASCII.
    static func trimmedASCIIFast(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        return trimmed(text)
    }

    /// The text before and after the first `separator` (an ASCII byte), scanning UTF-8 rather
    /// than Characters; `nil` when it does not occur.
    static func split(_ text: String, atFirst separator: UInt8) -> (before: String, after: String)? {
        let utf8 = text.utf8
        guard let index = utf8.firstIndex(of: separator) else { return nil }
        return (String(decoding: utf8[..<index], as: UTF8.self), String(decoding: utf8[utf8.index(after: index)...], as: UTF8.self))
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
