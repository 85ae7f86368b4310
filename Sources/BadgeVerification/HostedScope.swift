public import OpenBadges

/// Where an issuer's hosted assertions may live (OB 2.0 "Hosted verification", SPEC §4.4): the
/// hosts its trusted profile lists in `verification.allowedOrigins` and the prefixes it lists in
/// `verification.startsWith` (each, when present, must hold), else the origin (scheme, host,
/// port) of the issuer's own id.
///
/// Every comparison is made on parsed URLs (`ScopedURL`), never on the raw text: a raw prefix
/// test lets `https://badges.example.org@evil.example/` or `…/assertions/ddoe/../other` pass.
public enum HostedScope {
    /// `nil` when `assertionID` (or a redirect hop on the way to it) lies within the scope of
    /// issuer `issuerID`, else the reason it does not. `profile` is the issuer's profile from a
    /// trusted source, if there is one.
    public static func violation(of assertionID: String, issuerID: String, profile: IssuerProfile?) -> String? {
        let url: ScopedURL
        switch ScopedURL.parse(assertionID) {
        case .success(let parsed): url = parsed
        case .failure(let problem): return "\(assertionID) \(problem.rawValue)"
        }
        let allowedOrigins = profile?.allowedOrigins ?? []
        let startsWith = profile?.startsWith ?? []
        if !allowedOrigins.isEmpty, !allowedOrigins.contains(where: { url.isOnOrigin(allowedEntry: $0) }) {
            return "\(assertionID) is not on a host that issuer \(issuerID) allows (allowedOrigins \(allowedOrigins.joined(separator: ", ")))"
        }
        if !startsWith.isEmpty, !startsWith.contains(where: { url.starts(withPrefix: $0) }) {
            return "\(assertionID) does not start with a prefix that issuer \(issuerID) allows (startsWith \(startsWith.joined(separator: ", ")))"
        }
        if allowedOrigins.isEmpty, startsWith.isEmpty, ScopedURL.origin(of: issuerID) != url.origin {
            return "\(assertionID) is not on the origin of issuer \(issuerID), and its profile names no other"
        }
        return nil
    }
}
