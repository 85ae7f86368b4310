import OpenBadges

/// The two things a signature check needs from a compact JWS, taken from the token exactly as
/// received: the signing input (the first two segments and the dot between them) and the
/// decoded signature (RFC 7515 §5.2).
struct CompactSignature {
    let signingInput: [UInt8]
    let signature: [UInt8]

    /// Splits a token; throws the reason it is malformed: not exactly three segments, a segment
    /// that is not base64url without padding, or an empty one.
    init(token: String) throws(TokenProblem) {
        let bytes = Array(token.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        let end = (bytes.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
        let trimmed = bytes[start..<end]
        let segments = trimmed.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3 else {
            throw TokenProblem("the token has \(segments.count) segments; a compact JWS has exactly 3")
        }
        for (index, name) in ["header", "payload", "signature"].enumerated() {
            guard !segments[index].isEmpty else { throw TokenProblem("the token's \(name) segment is empty") }
            guard Base64URL.decode(segments[index]) != nil else {
                throw TokenProblem("the token's \(name) segment is not base64url without padding")
            }
        }
        signingInput = Array(trimmed[trimmed.startIndex..<segments[1].endIndex])
        signature = Base64URL.decode(segments[2]) ?? []
    }
}

/// What is wrong with a token: a malformation, or an algorithm not accepted; `reason` is one sentence.
struct TokenProblem: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
