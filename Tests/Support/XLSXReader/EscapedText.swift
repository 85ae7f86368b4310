/// Excel's `_xHHHH_` escapes in cell text (ECMA-376 ST_Xstring), decoded as Excel shows them.
enum EscapedText {
    /// `a_x0001_b` becomes "a\u{1}b"; `_x005F_x0041_` becomes "_x0041_".
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            if let value = escape(units, at: index) {
                result.append(value)
                index += 7
            } else {
                result.append(units[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// The code unit of an escape starting at `index`, or `nil` when none starts there.
    private static func escape(_ units: [UInt16], at index: Int) -> UInt16? {
        let underscore = UInt16(UInt8(ascii: "_"))
        guard index + 6 < units.count, units[index] == underscore, units[index + 1] == UInt16(UInt8(ascii: "x")),
              units[index + 6] == underscore else { return nil }
        let digits = String(decoding: units[(index + 2)...(index + 5)], as: UTF16.self)
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt16(digits, radix: 16)
    }
}
