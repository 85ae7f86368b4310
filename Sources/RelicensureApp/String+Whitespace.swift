extension String {
    /// Whether any character is white space (`Character.isWhitespace`, which looks at a
    /// character's first scalar). In ASCII text every scalar is a character of its own (or
    /// "\r\n", white space either way), so the bytes are read; other text is read by character,
    /// where a white-space scalar can follow a prepended one in one character.
    var containsWhitespace: Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) } }
        return contains(where: \.isWhitespace)
    }
}
