/// Why some text is not a public key this product can use; `message` is one sentence.
public struct KeyDecodingError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
