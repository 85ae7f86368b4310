/// Why a JSON text could not be read, and where.
struct JSONParseFailure: Error {
    enum Kind { case malformed, notUTF8, tooDeep }
    let kind: Kind
    let offset: Int
    let detail: String
}

/// A byte-level JSON (RFC 8259) parser: strict (no comments, no trailing commas, no repeated
/// keys), UTF-8 checked, and bounded in depth so hostile input can neither crash it nor make
/// it recurse without end. It works on a borrowed buffer and allocates only the values it builds.
struct JSONParser {
    /// Deeper limits are clamped to this, so no caller can ask for a stack overflow (even on a small worker-thread stack).
    static let depthCeiling = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let maxDepth: Int
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = min(max(maxDepth, 1), JSONParser.depthCeiling)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseFailure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw JSONParseFailure(kind: .malformed, offset: 0, detail: "the document is empty")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure("unexpected text after the end of the JSON value")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseFailure) -> JSONValue {
        guard index < bytes.count else { throw failure("the document ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseObject() throws(JSONParseFailure) -> JSONValue {
        try enterContainer()
        index += 1
        var members: [JSONObject.Member] = []
        // Most badge objects have a handful of members: one allocation instead of four.
        members.reserveCapacity(8)
        var seen: Set<String>? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an object") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw failure("a trailing comma before '}' is not allowed") }
                throw failure("expected a member name in double quotes")
            }
            let keyOffset = index
            let key = try parseString()
            if members.count < 8 {
                for member in members where JSONObject.sameKey(member.key, key) {
                    throw JSONParseFailure(kind: .malformed, offset: keyOffset, detail: "the key \"\(key)\" appears twice in one object")
                }
            } else {
                if seen == nil { seen = Set(members.map(\.key)) }
                if seen?.insert(key).inserted == false {
                    throw JSONParseFailure(kind: .malformed, offset: keyOffset, detail: "the key \"\(key)\" appears twice in one object")
                }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an object") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            index -= 1
            throw failure("expected ',' or '}' after an object member")
        }
        depth -= 1
        return .object(JSONObject(members))
    }

    private mutating func parseArray() throws(JSONParseFailure) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw failure("a trailing comma before ']' is not allowed")
            }
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an array") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            index -= 1
            throw failure("expected ',' or ']' after an array element")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enterContainer() throws(JSONParseFailure) {
        depth += 1
        if depth > maxDepth {
            throw JSONParseFailure(kind: .tooDeep, offset: index,
                                   detail: "arrays and objects are nested more than \(maxDepth) levels deep")
        }
    }

    // MARK: - Strings

    private mutating func parseString() throws(JSONParseFailure) -> String {
        let openingQuote = index
        index += 1
        let start = index
        var hasEscape = false
        var hasNonASCII = false
        while true {
            skipPlainASCII()
            guard index < bytes.count else {
                throw JSONParseFailure(kind: .malformed, offset: openingQuote, detail: "a string is not closed")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                index += 2  // the escaped character can never close the string
                continue
            }
            if byte < 0x20 { throw failure("a control character (byte \(byte)) must be escaped inside a string") }
            if byte >= 0x80 { hasNonASCII = true }
            index += 1
        }
        let end = index
        index += 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if hasNonASCII, let bad = UTF8Validation.firstInvalidOffset(in: raw) {
            throw JSONParseFailure(kind: .notUTF8, offset: start + bad, detail: "a string holds bytes that are not UTF-8")
        }
        if !hasEscape { return String(decoding: raw, as: UTF8.self) }
        return try decodeEscapes(raw, offset: start)
    }

    /// Skips, eight bytes at a time, string content that needs no attention: no quote, no
    /// backslash, no control character, nothing outside ASCII (SWAR: SIMD within a register).
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // A byte is zero (x - 1 borrows into its high bit) or below 0x20 (x - 0x20 borrows).
            let flagged = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word
            if flagged & highs != 0 { return }
            index += 8
        }
    }

    private func decodeEscapes(_ raw: UnsafeBufferPointer<UInt8>, offset: Int) throws(JSONParseFailure) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        func fail(_ detail: String) -> JSONParseFailure {
            JSONParseFailure(kind: .malformed, offset: offset + position, detail: detail)
        }
        func hexQuad(at start: Int) -> UInt32? {
            guard start + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for byte in raw[start..<start + 4] {
                guard let digit = Hex.value(of: byte) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                position += 1
                continue
            }
            guard position + 1 < raw.count else { throw fail("a string ends with a lone backslash") }
            let escaped = raw[position + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hexQuad(at: position + 2) else { throw fail("\\u must be followed by four hex digits") }
                position += 6
                if (0xD800...0xDBFF).contains(scalar) {
                    guard position + 1 < raw.count, raw[position] == UInt8(ascii: "\\"), raw[position + 1] == UInt8(ascii: "u"),
                          let low = hexQuad(at: position + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw fail("a \\u escape holds a high surrogate without its low half")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a \\u escape holds a low surrogate without its high half")
                }
                appendUTF8(scalar, to: &output)
                continue
            default:
                throw fail("\\\(Character(Unicode.Scalar(escaped))) is not a JSON escape")
            }
            position += 2
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Numbers and literals

    private mutating func parseNumber() throws(JSONParseFailure) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a '-' must be followed by digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("numbers may not have leading zeros") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a '.' in a number must be followed by digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("an exponent must have digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let textBytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: textBytes, as: UTF8.self)
        // Short integers are exact in a Double: skip the general (slower) conversion.
        if isInteger, textBytes.count <= 16 {
            var magnitude: Int64 = 0
            var negative = false
            for byte in textBytes {
                if byte == UInt8(ascii: "-") { negative = true } else { magnitude = magnitude * 10 + Int64(byte - 48) }
            }
            return .number(Double(negative ? -magnitude : magnitude), text: text)
        }
        return .number(Double(text) ?? .nan, text: text)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseFailure) {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw failure("expected a value") }
        let matches = literal.withUTF8Buffer { expected in
            for offset in 0..<length where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw failure("expected a value (an object, array, string, number, true, false or null)") }
        index += length
    }

    // MARK: - Helpers

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func failure(_ detail: String) -> JSONParseFailure {
        // Hand-edited "JSON" often carries comments; say so rather than "expected …".
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            return JSONParseFailure(kind: .malformed, offset: index, detail: "comments are not allowed in JSON")
        }
        return JSONParseFailure(kind: .malformed, offset: index, detail: detail)
    }
}
