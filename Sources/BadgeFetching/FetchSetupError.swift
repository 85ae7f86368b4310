/// The fetch settings cannot be used: the CA file of `verification.ca_file` is unreadable or
/// holds no certificate. `message` names the file.
public struct FetchSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
