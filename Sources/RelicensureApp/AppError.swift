/// A failure the command line turns into an exit code and one sentence on standard error.
public struct AppError: Error, CustomStringConvertible, Sendable {
    /// SPEC §7 exit codes.
    public enum Kind: Int32, Sendable {
        case failed = 1
        case usage = 2
        case locked = 3
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
