extension JSONValue {
    /// Parses one JSON text. Fails with `malformed_json`, `not_utf8` or `too_deep` and a message
    /// that gives the line and column. `maxDepth` is clamped to 256.
    public init(parsing bytes: [UInt8], maxDepth: Int = ReadLimits.standard.maxDepth) throws(InvalidReason) {
        let result: Result<JSONValue, JSONParseFailure> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseFailure) -> JSONValue in try JSONParser.parse(buffer, maxDepth: maxDepth) }
        }
        self = try JSONValue.unwrap(result, bytes: bytes)
    }

    /// Parses one JSON text held in part of a larger buffer (a bundle line, an image chunk).
    public init(parsing bytes: ArraySlice<UInt8>, maxDepth: Int = ReadLimits.standard.maxDepth) throws(InvalidReason) {
        let result: Result<JSONValue, JSONParseFailure> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseFailure) -> JSONValue in try JSONParser.parse(buffer, maxDepth: maxDepth) }
        }
        self = try JSONValue.unwrap(result, bytes: bytes)
    }

    /// Parses one JSON text given as a string.
    public init(parsing text: String, maxDepth: Int = ReadLimits.standard.maxDepth) throws(InvalidReason) {
        try self.init(parsing: Array(text.utf8), maxDepth: maxDepth)
    }

    private static func unwrap(_ result: Result<JSONValue, JSONParseFailure>,
                               bytes: some Collection<UInt8>) throws(InvalidReason) -> JSONValue {
        switch result {
        case .success(let value):
            return value
        case .failure(let failure):
            let place = TextPosition(of: failure.offset, in: bytes)
            switch failure.kind {
            case .malformed:
                throw InvalidReason(code: InvalidReason.Code.malformedJSON,
                                    message: "The JSON is malformed at \(place): \(failure.detail).")
            case .notUTF8:
                throw InvalidReason(code: InvalidReason.Code.notUTF8,
                                    message: "The text is not valid UTF-8 at \(place): \(failure.detail); save it as UTF-8.")
            case .tooDeep:
                throw InvalidReason(code: InvalidReason.Code.tooDeep,
                                    message: "The JSON is nested too deeply at \(place): \(failure.detail).")
            }
        }
    }
}

/// A 1-based line and column (in bytes) for an offset, for error messages.
struct TextPosition: CustomStringConvertible {
    let line: Int
    let column: Int

    init(of offset: Int, in bytes: some Collection<UInt8>) {
        var line = 1
        var column = 1
        var position = 0
        for byte in bytes {
            if position >= offset { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            position += 1
        }
        self.line = line
        self.column = column
    }

    var description: String { "line \(line), column \(column)" }
}
