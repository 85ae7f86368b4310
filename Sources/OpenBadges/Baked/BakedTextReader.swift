/// Reads the text baked into an image: an assertion or credential as JSON, a compact JWS /
/// VC-JWT, or (OB 1.0 style, or an SVG `verify` attribute) the URL of a hosted assertion.
enum BakedTextReader {
    /// The item for `text`; its SHA-256 is that of `text` exactly as embedded.
    static func item(_ text: [UInt8], limits: ReadLimits) -> ReadItem {
        let sha256 = ContentHash.sha256Hex(text)
        return ReadItem(line: nil, content: content(text, sha256: sha256, limits: limits), sha256: sha256)
    }

    private static func content(_ text: [UInt8], sha256: String, limits: ReadLimits) -> ReadContent {
        guard text.count <= limits.maxDocumentBytes else {
            return .invalid(InvalidReason(code: InvalidReason.Code.tooLarge,
                                          message: "The baked text is \(text.count) bytes, over the limit of \(limits.maxDocumentBytes) bytes for one document."))
        }
        let firstVisible = text.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        if firstVisible == UInt8(ascii: "{") || firstVisible == 0xEF {
            return JSONTextReader.content(text[...], sha256: sha256, limits: limits)
        }
        if CompactJWS.looksLikeToken(text[...]) {
            return TokenReader.content(text[...], sha256: sha256, limits: limits)
        }
        let trimmed = Text.trimmed(String(decoding: text, as: UTF8.self))
        if Text.isHTTPURL(trimmed), !trimmed.contains(where: { $0.isWhitespace }), UTF8Validation.isValid(text) {
            return .assertionURL(trimmed)
        }
        return .invalid(InvalidReason(code: InvalidReason.Code.unsupportedFormat,
                                      message: "The baked text is neither JSON, a compact JWS, nor the URL of a hosted assertion; re-bake the badge."))
    }
}
