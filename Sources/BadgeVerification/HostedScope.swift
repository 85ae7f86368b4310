import Foundation
public import OpenBadges

/// Where an issuer's hosted assertions may live (OB 2.0 "Hosted verification", SPEC §4.4): the
/// hosts its trusted profile lists in `verification.allowedOrigins` and the prefixes it lists in
/// `verification.startsWith` (each, when present, must hold), else the origin (scheme, host,
/// port) of the issuer's own id.
public enum HostedScope {
    /// `nil` when `assertionID` lies within the scope of issuer `issuerID`, else the reason it
    /// does not. `profile` is the issuer's profile from a trusted source, if there is one.
    public static func violation(of assertionID: String, issuerID: String, profile: IssuerProfile?) -> String? {
        guard let url = Origin(assertionID), url.scheme == "https" else {
            return "the assertion id \(assertionID) is not an https URL"
        }
        let allowedOrigins = profile?.allowedOrigins ?? []
        let startsWith = profile?.startsWith ?? []
        if !allowedOrigins.isEmpty, !allowedOrigins.contains(where: { url.matches(allowedOrigin: $0) }) {
            return "\(assertionID) is not on a host that issuer \(issuerID) allows (allowedOrigins \(allowedOrigins.joined(separator: ", ")))"
        }
        if !startsWith.isEmpty, !startsWith.contains(where: { assertionID.hasPrefix($0) }) {
            return "\(assertionID) does not start with a prefix that issuer \(issuerID) allows (startsWith \(startsWith.joined(separator: ", ")))"
        }
        if allowedOrigins.isEmpty, startsWith.isEmpty, Origin(issuerID) != url {
            return "\(assertionID) is not on the origin of issuer \(issuerID), and its profile names no other"
        }
        return nil
    }

    /// The scheme, host and port of a URL, compared without regard to case.
    struct Origin: Equatable {
        let scheme: String
        let host: String
        let port: Int

        init?(_ text: String) {
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                  let host = components.host?.lowercased(), !host.isEmpty else { return nil }
            self.scheme = scheme
            self.host = host
            port = components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        }

        /// An `allowedOrigins` entry: a host name with an optional port (`badges.example.org`,
        /// `badges.example.org:8443`), or written as an origin (`https://badges.example.org`).
        func matches(allowedOrigin entry: String) -> Bool {
            if entry.contains("://") {
                return Origin(entry) == self
            }
            guard let parsed = Origin("https://" + entry) else { return false }
            return parsed.host == host && (!entry.contains(":") || parsed.port == port)
        }
    }
}
