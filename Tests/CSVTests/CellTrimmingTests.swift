import Foundation
import Testing
import CSV

/// CSV cells are trimmed by `trimmedOfWhitespace`, which must trim exactly what Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)` trims, whatever the white space.
@Suite struct CellTrimmingTests {
    /// Trimmed by Foundation: white space, and ZERO WIDTH SPACE (U+200B).
    static let spaces: [String] = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}",
                                   "\u{2003}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
                                   "\u{200B}"]
    static let notSpaces: [String] = ["a", "Zoë", "\u{FEFF}", "\u{301}", "🎓", "x@y.org", "\u{0}"]

    @Test func trimsEveryScalarFoundationTrimsAndNoOther() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let trimmed = String(Character(scalar)).trimmedOfWhitespace.isEmpty
            if trimmed != CharacterSet.whitespacesAndNewlines.contains(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    @Test func trimsWhatFoundationTrims() {
        var cases: [String] = ["", "plain", "two words"]
        for space in Self.spaces {
            for text in Self.notSpaces {
                cases += [space + text, text + space, space + text + space + text + space, space + space, space + "\u{301}" + text]
            }
        }
        for text in cases {
            #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
