import OpenBadges

extension String {
    /// The text without leading and trailing white space and line breaks: exactly what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims. Foundation's version goes
    /// through `NSString` on Linux and took half of a 50,000-row roster import. Its set is the
    /// Unicode `White_Space` characters and ZERO WIDTH SPACE (U+200B, a space separator in
    /// early Unicode), held scalar by scalar in `TrimmingTests`.
    var trimmedOfWhitespace: String {
        trimmingScalars { $0.isUnicodeWhitespace || $0 == "\u{200B}" }
    }

    /// Whether any character is white space (`Character.isWhitespace`, which looks at a
    /// character's first scalar). In ASCII text every scalar is a character of its own (or
    /// "\r\n", white space either way), so the scalars are read; other text is read by
    /// character, where a white-space scalar can follow a prepended one in one character.
    var containsWhitespace: Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) } }
        return contains(where: \.isWhitespace)
    }
}
