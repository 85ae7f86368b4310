import Crypto
import Foundation
import OpenBadges

/// Makes compact JWS tokens for tests: genuine ones, and the forgeries SPEC §4.4 must refuse.
public enum TokenForge {
    /// `header.payload.signature` with the header and payload as given (JSON text, encoded as is)
    /// and the signature of `key` over the first two segments; `signature` replaces it when given.
    public static func token(header: String, payload: String, key: TestKey?, signature: [UInt8]? = nil) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let bytes = try signature ?? key?.sign(Array(input.utf8)) ?? []
        return input + "." + Base64URL.encode(bytes)
    }

    /// A token signed by `key` with its own algorithm, `kid` when given, and extra header members
    /// (JSON text without braces, e.g. `"jku": "https://evil.example/keys"`).
    public static func signed(_ payload: String, by key: TestKey, kid: String? = nil, extraHeader: String? = nil) throws -> String {
        var header = #"{"alg":"\#(key.algorithm)","typ":"JWT""#
        if let kid { header += #","kid":"\#(kid)""# }
        if let extraHeader { header += "," + extraHeader }
        return try token(header: header + "}", payload: payload, key: key)
    }

    /// An HS256 token keyed with `secret` (the classic attack: the issuer's public key as an HMAC secret).
    public static func hmac(_ payload: String, secret: [UInt8]) -> String {
        let input = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: secret))
        return input + "." + Base64URL.encode(Array(mac))
    }

    /// The token with its payload replaced by `payload` and the signature kept (tampering after signing).
    public static func tampered(_ token: String, payload: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return token }
        return "\(parts[0]).\(Base64URL.encode(Array(payload.utf8))).\(parts[2])"
    }
}
