/// A number of re-licensure clock hours, held exactly in hundredths of an hour so that sums
/// and caps never drift the way binary floating point would (7.5 + 2.5 is exactly 10).
public struct ClockHours: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Hundredths of an hour.
    public let hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Whole hours.
    public init(_ hours: Int) { self.hundredths = hours * 100 }

    /// Hours from a decimal value, rounded to the nearest hundredth; `nil` when not finite or
    /// too large to be a real number of hours.
    public init?(exactly value: Double) {
        guard value.isFinite, abs(value) < 1_000_000 else { return nil }
        self.hundredths = Int((value * 100).rounded())
    }

    /// Parses a decimal such as `10`, `7.5` or `7.25`; `nil` for anything else (including more
    /// than two decimals, more than 12 whole digits, signs other than a leading `-`, and empty
    /// text). Sums over a statewide report run to millions of hours, so the whole part is not
    /// limited further here; inputs (approvals, the configuration) check their own ranges.
    public init?(_ text: some StringProtocol) {
        var digits = Substring(text.trimmingSpaces)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, !wholePart.isEmpty, wholePart.count <= 12,
              wholePart.allSatisfy(\.isASCIIDigit), let whole = Int(wholePart) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let fractionPart = parts[1]
            guard !fractionPart.isEmpty, fractionPart.count <= 2, fractionPart.allSatisfy(\.isASCIIDigit),
                  let value = Int(fractionPart) else { return nil }
            fraction = fractionPart.count == 1 ? value * 10 : value
        }
        let total = whole * 100 + fraction
        self.hundredths = negative ? -total : total
    }

    public static let zero = ClockHours(hundredths: 0)

    public var isPositive: Bool { hundredths > 0 }

    /// `10`, `7.5`, `7.25`: the shortest exact decimal, as PDMS and people expect.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The value as a Double, for spreadsheets and JSON numbers.
    public var doubleValue: Double { Double(hundredths) / 100 }

    public static func + (lhs: ClockHours, rhs: ClockHours) -> ClockHours {
        ClockHours(hundredths: lhs.hundredths + rhs.hundredths)
    }

    public static func - (lhs: ClockHours, rhs: ClockHours) -> ClockHours {
        ClockHours(hundredths: lhs.hundredths - rhs.hundredths)
    }

    public static func += (lhs: inout ClockHours, rhs: ClockHours) { lhs = lhs + rhs }
    public static func -= (lhs: inout ClockHours, rhs: ClockHours) { lhs = lhs - rhs }

    public static func < (lhs: ClockHours, rhs: ClockHours) -> Bool { lhs.hundredths < rhs.hundredths }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self), let hours = ClockHours(exactly: number) {
            self = hours
        } else {
            let text = try container.decode(String.self)
            guard let hours = ClockHours(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "'\(text)' is not a number of hours"))
            }
            self = hours
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: SubSequence {
        // "\r\n" is one Character, equal to neither "\r" nor "\n": a line break all the same.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}
