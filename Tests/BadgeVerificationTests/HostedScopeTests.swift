import BadgeVerification
import OpenBadges
import Testing

@Suite("Where an issuer's hosted assertions may live (OB 2.0 hosted verification)")
struct HostedScopeTests {
    static let issuer = "https://badges.example.org/issuers/1"

    static func profile(allowedOrigins: [String] = [], startsWith: [String] = []) -> IssuerProfile {
        IssuerProfile(id: issuer, name: "Example", allowedOrigins: allowedOrigins, startsWith: startsWith, document: .null)
    }

    @Test("Without a profile or its lists: the issuer's own origin, port and scheme included")
    func ownOrigin() {
        #expect(HostedScope.violation(of: "https://badges.example.org/a/1", issuerID: Self.issuer, profile: nil) == nil)
        #expect(HostedScope.violation(of: "https://BADGES.example.org:443/a/1", issuerID: Self.issuer, profile: Self.profile()) == nil)
        #expect(HostedScope.violation(of: "https://badges.example.org:8443/a/1", issuerID: Self.issuer, profile: nil) != nil)
        #expect(HostedScope.violation(of: "https://evil.example/a/1", issuerID: Self.issuer, profile: nil) != nil)
        #expect(HostedScope.violation(of: "http://badges.example.org/a/1", issuerID: Self.issuer, profile: nil) != nil)
    }

    @Test("allowedOrigins names hosts (with an optional port); startsWith names prefixes; both must hold when both are given")
    func lists() {
        let hosts = Self.profile(allowedOrigins: ["cdn.example.net", "127.0.0.1:8443"])
        #expect(HostedScope.violation(of: "https://cdn.example.net/x", issuerID: Self.issuer, profile: hosts) == nil)
        #expect(HostedScope.violation(of: "https://127.0.0.1:8443/x", issuerID: Self.issuer, profile: hosts) == nil)
        #expect(HostedScope.violation(of: "https://127.0.0.1:9443/x", issuerID: Self.issuer, profile: hosts) != nil)
        #expect(HostedScope.violation(of: "https://badges.example.org/x", issuerID: Self.issuer, profile: hosts) != nil)
        let prefixes = Self.profile(startsWith: ["https://badges.example.org/assertions/"])
        #expect(HostedScope.violation(of: "https://badges.example.org/assertions/1", issuerID: Self.issuer, profile: prefixes) == nil)
        #expect(HostedScope.violation(of: "https://badges.example.org/other/1", issuerID: Self.issuer, profile: prefixes) != nil)
        let both = Self.profile(allowedOrigins: ["https://cdn.example.net"], startsWith: ["https://cdn.example.net/a/"])
        #expect(HostedScope.violation(of: "https://cdn.example.net/a/1", issuerID: Self.issuer, profile: both) == nil)
        #expect(HostedScope.violation(of: "https://cdn.example.net/b/1", issuerID: Self.issuer, profile: both) != nil)
    }
}
