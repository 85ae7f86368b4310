import Testing
@testable import RelicensureApp

/// An e-mail address is refused when any of its characters is white space; `containsWhitespace`
/// reads bytes for ASCII and must answer as `Character.isWhitespace` does for every scalar.
@Suite struct WhitespaceTests {
    @Test func findsWhiteSpaceWhereCharactersDo() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(Character(scalar))b", "\(Character(scalar))\u{301}", "x\u{301}\(Character(scalar))",
                         "a\u{600}\(Character(scalar))b", "\r\(Character(scalar))\n"]
            where text.containsWhitespace != text.contains(where: \.isWhitespace) {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }
}
