extension String {
    /// The text without the leading and trailing scalars `isTrimmed` holds for, cut at those
    /// scalars (not at characters, as Foundation's `trimmingCharacters` cuts) and copied as
    /// bytes; the text itself when there is nothing to cut.
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(Substring(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// The Unicode `White_Space` property, answered without the property tables for ASCII
    /// (looking them up was a sixth of a 50,000-row roster import).
    public var isUnicodeWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
