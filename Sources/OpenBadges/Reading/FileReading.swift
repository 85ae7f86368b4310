/// The outcome of reading one file.
public enum FileReading: Sendable {
    /// An extension this product does not read (compared without case, without the dot: `"pdf"`, or `""`).
    case notABadgeFile(ext: String)
    /// The documents in the file, in order. A 0-byte or over-size file is one `invalid` item.
    case items([ReadItem])

    /// The items (empty for a file that is not a badge file).
    public var items: [ReadItem] {
        if case .items(let items) = self { return items }
        return []
    }
}
