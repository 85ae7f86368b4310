/// A problem in the configuration file, located by file and line so the operator can open
/// the file at the right place (SPEC §3: the message starts with `FILE:LINE:`).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
