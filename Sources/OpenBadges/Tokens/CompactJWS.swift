/// The compact serialization of a JWS (RFC 7515 §7.1): `header.payload.signature`, each
/// base64url without padding. Decoded here; the signature is checked elsewhere (SPEC §4.4).
enum CompactJWS {
    /// Decodes a token. White space around it is ignored; anything else wrong is `bad_token`.
    static func parse(_ bytes: ArraySlice<UInt8>, limits: ReadLimits) throws(InvalidReason) -> SignedToken {
        let token = trimmed(bytes)
        guard !token.isEmpty else { throw bad("The token is empty.") }
        guard token.count <= limits.maxDocumentBytes else {
            throw InvalidReason(code: InvalidReason.Code.tooLarge,
                                message: "The token is \(token.count) bytes, over the limit of \(limits.maxDocumentBytes) bytes for one document.")
        }
        let segments = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3 else {
            throw bad("The token has \(segments.count) dot-separated segments; a compact JWS has exactly 3 (header.payload.signature).")
        }
        for (index, segment) in segments.enumerated() {
            if let offending = segment.first(where: { !Base64URL.isAlphabet($0) }) {
                let shown = offending >= 0x21 && offending < 0x7F ? "'\(Character(Unicode.Scalar(offending)))'" : "byte \(offending)"
                throw bad("Segment \(index + 1) of the token contains \(shown), which is not base64url without padding.")
            }
        }
        guard !segments[0].isEmpty, !segments[1].isEmpty else {
            throw bad("The token's header or payload segment is empty (detached payloads are not read).")
        }
        let header = try decodeJSON(segments[0], part: "header", limits: limits)
        let payload = try decodeJSON(segments[1], part: "payload", limits: limits)
        guard header.objectValue != nil else { throw bad("The token's header is not a JSON object.") }
        guard payload.objectValue != nil else { throw bad("The token's payload is not a JSON object.") }
        return SignedToken(compact: String(decoding: token, as: UTF8.self), header: header, payload: payload)
    }

    /// A cheap test: three base64url segments whose header starts like a JSON object (`eyJ`).
    static func looksLikeToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        let token = trimmed(bytes)
        guard token.starts(with: Array("eyJ".utf8)) else { return false }
        var dots = 0
        for byte in token {
            if byte == UInt8(ascii: ".") { dots += 1 } else if !Base64URL.isAlphabet(byte) { return false }
        }
        return dots == 2
    }

    private static func decodeJSON(_ segment: ArraySlice<UInt8>, part: String,
                                   limits: ReadLimits) throws(InvalidReason) -> JSONValue {
        guard let decoded = Base64URL.decode(segment) else {
            throw bad("The token's \(part) is not valid base64url.")
        }
        do {
            return try JSONValue(parsing: decoded, maxDepth: limits.maxDepth)
        } catch {
            throw InvalidReason(code: error.code == InvalidReason.Code.malformedJSON ? InvalidReason.Code.badToken : error.code,
                                message: "The token's \(part) is not JSON: \(error.message)")
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    private static func bad(_ message: String) -> InvalidReason {
        InvalidReason(code: InvalidReason.Code.badToken, message: message)
    }
}
