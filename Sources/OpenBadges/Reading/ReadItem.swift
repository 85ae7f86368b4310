/// One document read from a file: the whole file, one bundle line, or an image's embedded text.
public struct ReadItem: Sendable {
    /// The 1-based line in a `.jsonl` / `.ndjson` bundle; `nil` for other files.
    public let line: Int?
    public let content: ReadContent
    /// Hex SHA-256 of the document's bytes as received: a bundle line without its line break,
    /// a baked image's embedded text, a whole `.json` / `.jwt` file; for an `invalid` item, the
    /// bytes that were bad (the whole file when the file itself is bad).
    public let sha256: String

    public init(line: Int?, content: ReadContent, sha256: String) {
        self.line = line
        self.content = content
        self.sha256 = sha256
    }
}
