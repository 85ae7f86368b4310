internal import CXLSXWriter

/// libxlsxwriter's status codes, turned into `XLSXError`s that carry the library's own words.
enum LibraryError {
    /// The code as it is reported in `XLSXError.code`.
    static func code(_ error: lxw_error) -> Int32 {
        Int32(clamping: error.rawValue)
    }

    /// libxlsxwriter's sentence for `error`, e.g. "Worksheet name is already in use.".
    static func text(_ error: lxw_error) -> String {
        guard let text = lxw_strerror(error) else { return "libxlsxwriter error \(error.rawValue)." }
        return String(cString: text)
    }

    /// `nil` when `error` is `LXW_NO_ERROR`; otherwise an error whose message is
    /// "<context>: <library's sentence>".
    static func check(_ error: lxw_error, _ context: @autoclosure () -> String) -> XLSXError? {
        guard error != LXW_NO_ERROR else { return nil }
        return XLSXError(message: "\(context()): \(text(error))", code: code(error))
    }

    /// Whether libxlsxwriter leaves the system's reason for `error` in `errno`.
    static func setsErrno(_ error: lxw_error) -> Bool {
        error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE
            || error == LXW_ERROR_READING_TMPFILE || error == LXW_ERROR_ZIP_FILE_OPERATION
    }
}
