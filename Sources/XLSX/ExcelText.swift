/// Text as Excel stores it in a cell.
enum ExcelText {
    /// Protects text that looks like one of Excel's `_xHHHH_` escapes.
    ///
    /// Excel reads `_x0041_` in a cell's XML as the character U+0041, and libxlsxwriter uses that
    /// escape for control characters but passes a literal `_x0041_` through unchanged, so a cell
    /// meant to read "_x0041_" would show "A". Escaping its underscore as `_x005F_` makes Excel
    /// show the text as written.
    static func protectingEscapes(_ text: String) -> String {
        // Nearly every cell has no `_x` at all: a look at its bytes settles that without copying.
        guard holdsUnderscoreX(text) else { return text }
        let units = Array(text.utf16)
        guard units.count >= 7 else { return text }
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            if unit == underscore, looksLikeEscape(units, at: index) {
                result.append(contentsOf: "_x005F_".utf16)
            } else {
                result.append(unit)
            }
        }
        return String(decoding: result, as: UTF16.self)
    }

    private static let underscore = UInt16(UInt8(ascii: "_"))

    /// Whether `text` contains `_x` somewhere.
    private static func holdsUnderscoreX(_ text: String) -> Bool {
        func holds(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "x"), previous == UInt8(ascii: "_") { return true }
                previous = byte
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(holds) ?? holds(text.utf8)
    }

    /// Whether `units[index...]` starts with `_x`, four hex digits and `_`.
    private static func looksLikeEscape(_ units: [UInt16], at index: Int) -> Bool {
        guard index + 6 < units.count, units[index + 1] == UInt16(UInt8(ascii: "x")),
              units[index + 6] == underscore else { return false }
        return units[(index + 2)...(index + 5)].allSatisfy { unit in
            guard unit < 128 else { return false }
            return Character(Unicode.Scalar(UInt8(unit))).isHexDigit
        }
    }
}
