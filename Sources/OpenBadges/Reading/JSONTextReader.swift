/// Reads one JSON text (a `.json` file, a bundle line, an image's embedded text, a JWS payload)
/// into content, turning every failure into a precise `invalid`.
enum JSONTextReader {
    static func content(_ bytes: ArraySlice<UInt8>, sha256: String, limits: ReadLimits,
                        token: SignedToken? = nil) -> ReadContent {
        guard bytes.count <= limits.maxDocumentBytes else {
            return .invalid(InvalidReason(code: InvalidReason.Code.tooLarge,
                                          message: "The document is \(bytes.count) bytes, over the limit of \(limits.maxDocumentBytes) bytes for one document."))
        }
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            return .invalid(InvalidReason(code: InvalidReason.Code.notUTF8,
                                          message: "The text is UTF-16, not UTF-8; save it as UTF-8."))
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text, maxDepth: limits.maxDepth)
        } catch {
            return .invalid(explain(error, text: text))
        }
        return DocumentReader.read(json, source: DocumentSource(sha256: sha256, token: token))
    }

    /// A malformed text that is really not UTF-8 (or a token in a `.json` file) is said to be that.
    private static func explain(_ error: InvalidReason, text: ArraySlice<UInt8>) -> InvalidReason {
        guard error.code == InvalidReason.Code.malformedJSON else { return error }
        let invalidOffset = text.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        if let invalidOffset {
            return InvalidReason(code: InvalidReason.Code.notUTF8,
                                 message: "The text is not valid UTF-8 (at \(TextPosition(of: invalidOffset, in: text))); save it as UTF-8.")
        }
        if text.contains(0) {
            return InvalidReason(code: InvalidReason.Code.notUTF8,
                                 message: "The text contains NUL bytes (UTF-16 or binary data), not UTF-8 JSON.")
        }
        if CompactJWS.looksLikeToken(text) {
            return InvalidReason(code: InvalidReason.Code.malformedJSON,
                                 message: "The file holds a compact JWS, not JSON; name it .jwt or .jws.")
        }
        return error
    }
}
