import Foundation

/// An https URL as hosted-assertion scope sees it (SPEC §4.4): scheme, host and port, and the
/// path as segments with dot segments removed and percent-encoding normalised — so that two
/// spellings of one resource compare equal, and no spelling escapes a prefix that a server
/// would resolve outside it.
struct ScopedURL: Equatable {
    /// Why a URL can never be in scope.
    enum Problem: String, Error {
        case notHTTPS = "is not an https URL"
        case userinfo = "carries a user name or password before its host, which no issuer's scope allows"
        case encodedSeparator = "has an encoded / or \\ in its path, which a server may read as a separator"
    }

    /// Scheme, host (lowercased) and port (443 when none is written).
    struct Origin: Equatable {
        let scheme: String
        let host: String
        let port: Int
    }

    let origin: Origin
    /// Path segments after normalisation; `/a/b/` is `["a", "b", ""]`, `/` is `[""]`.
    let segments: [String]

    static func parse(_ text: String) -> Result<ScopedURL, Problem> {
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "https",
              let host = components.host, !host.isEmpty else { return .failure(.notHTTPS) }
        // A userinfo part makes the host the text after `@`, which a reader of the id misses.
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil || host.contains("@") {
            return .failure(.userinfo)
        }
        let raw = components.percentEncodedPath
        let upper = raw.uppercased()
        if upper.contains("%2F") || upper.contains("%5C") || raw.contains("\\") { return .failure(.encodedSeparator) }
        let origin = Origin(scheme: "https", host: host.lowercased(), port: components.port ?? 443)
        return .success(ScopedURL(origin: origin, segments: normalised(raw)))
    }

    /// The origin of `text`, or `nil` when it is not an https URL without userinfo.
    static func origin(of text: String) -> Origin? {
        guard case .success(let url) = parse(text) else { return nil }
        return url.origin
    }

    /// An `allowedOrigins` entry: a host name with an optional port (`badges.example.org`,
    /// `badges.example.org:8443`), or written as an origin (`https://badges.example.org`).
    /// The host must be equal, never merely end alike (`badges.example.org.evil.example`).
    func isOnOrigin(allowedEntry entry: String) -> Bool {
        let written = entry.contains("://") ? entry : "https://" + entry
        guard case .success(let allowed) = Self.parse(written) else { return false }
        return allowed.origin == origin
    }

    /// A `startsWith` entry: same origin, and the entry's path segments begin this URL's path
    /// on a segment boundary (`/assertions/` holds `/assertions/1`, `/assertions` holds
    /// `/assertions` and `/assertions/1`, neither holds `/assertionsX`).
    func starts(withPrefix entry: String) -> Bool {
        guard case .success(let prefix) = Self.parse(entry), prefix.origin == origin else { return false }
        var wanted = prefix.segments
        // A prefix ending in `/` asks for something below it: its empty last segment is dropped,
        // and at least one segment must follow.
        if wanted.last == "" {
            wanted.removeLast()
            guard segments.count > wanted.count else { return false }
        }
        return segments.count >= wanted.count && Array(segments.prefix(wanted.count)) == wanted
    }

    /// Percent-encoding normalised per segment (unreserved characters decoded, other escapes in
    /// upper case), then dot segments removed (RFC 3986 §5.2.4) — after decoding, so `%2e%2e`
    /// is `..`.
    private static func normalised(_ path: String) -> [String] {
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(path.hasPrefix("/") ? 1 : 0)
        var output: [String] = []
        let decoded = pieces.map { normalisedEscapes(String($0)) }
        for (index, segment) in decoded.enumerated() {
            let isLast = index == decoded.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.isEmpty ? [""] : output
    }

    private static func normalisedEscapes(_ segment: String) -> String {
        let bytes = Array(segment.utf8)
        var result = ""
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                if isUnreserved(value) {
                    result.unicodeScalars.append(Unicode.Scalar(value))
                } else {
                    result += "%" + String(value, radix: 16, uppercase: true).leftPadded
                }
                index += 3
            } else {
                result.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

private extension String {
    /// A one-digit hex byte written with two digits (`%0A`, not `%A`).
    var leftPadded: String { count == 1 ? "0" + self : self }
}
