/// Why a workbook could not be built or written.
///
/// `message` is one sentence a person can act on: it names the workbook's path, the sheet or cell
/// when there is one, and libxlsxwriter's own explanation (`lxw_strerror`) when the library
/// refused. `code` is libxlsxwriter's `lxw_error` number, or `nil` when the refusal came from this
/// layer's own checks or from the file system.
public struct XLSXError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public let code: Int32?

    public init(message: String, code: Int32? = nil) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
