/// Why a workbook could not be read back: the file, the part inside it, and what was wrong.
public struct XLSXReadError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
