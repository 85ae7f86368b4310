import CLibPQ

/// What this layer needs to know about a libpq connection string: its password, so that
/// error messages never show it.
enum ConnectionString {
    static let redacted = "********"

    /// `message` with any password from `conninfo` masked.
    ///
    /// When libpq cannot even parse `conninfo` it may quote any part of it, and the password
    /// cannot be located reliably; if the string might hold one, libpq's message is withheld.
    static func safeErrorMessage(_ message: String, conninfo: String) -> String {
        guard let password = parsedPassword(conninfo) else {
            return mightHoldPassword(conninfo)
                ? "the connection string is not valid (libpq's message is withheld because the "
                    + "string holds a password)"
                : message
        }
        return password.isEmpty ? message : message.replacing(password, with: redacted)
    }

    /// The password in `conninfo` (empty if none), or `nil` if libpq cannot parse it.
    private static func parsedPassword(_ conninfo: String) -> String? {
        var parseError: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &parseError) else {
            if let parseError {
                PQfreemem(parseError)
            }
            return nil
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                return String(cString: value)
            }
            option += 1
        }
        return ""
    }

    /// Whether `conninfo` mentions a password or has URI user information (`user:secret@`).
    private static func mightHoldPassword(_ conninfo: String) -> Bool {
        let lowered = conninfo.lowercased()
        if lowered.contains("password") {
            return true
        }
        let isURI = lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
        return isURI && lowered.contains("@")
    }
}
