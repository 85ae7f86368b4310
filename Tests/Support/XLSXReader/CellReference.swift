/// A zero-based cell position, and Excel's `A1` names for it.
public struct CellPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an `A1`-style name (`$` signs allowed); `nil` when it is not one.
    public init?(_ reference: String) {
        var letters = 0
        var digits = 0
        var column = 0
        var row = 0
        for character in reference.uppercased() where character != "$" {
            guard let ascii = character.asciiValue else { return nil }
            switch ascii {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(ascii - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(ascii - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// Excel's name, e.g. `B3`.
    public var description: String { CellPosition.columnName(column) + String(row + 1) }

    /// Excel's letters for a zero-based column: 0 is `A`, 26 is `AA`.
    public static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var remaining = column + 1
        while remaining > 0 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + (remaining - 1) % 26))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    public static func < (lhs: CellPosition, rhs: CellPosition) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
