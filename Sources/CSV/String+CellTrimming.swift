extension String {
    /// The cell without leading and trailing white space and line breaks: exactly what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims, cut at scalars as Foundation
    /// cuts, and copied as bytes. Foundation's version goes through `NSString` on Linux and
    /// took half of a 50,000-row roster import. Its set is the Unicode `White_Space` characters
    /// and ZERO WIDTH SPACE (U+200B, a space separator in early Unicode), held scalar by scalar
    /// in `CellTrimmingTests`.
    public var trimmedOfWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !Self.isTrimmed($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(Substring(scalars[first...last]))
    }

    /// ASCII is answered without the Unicode property tables (looking them up was a sixth of
    /// what was left of the roster import).
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace || scalar == "\u{200B}"
    }
}
