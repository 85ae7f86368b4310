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

    @Test("Issue 16: userinfo and suffix domains never pass a startsWith without a trailing slash",
          arguments: ["https://badges.example.org@evil.example/assertions/1",
                      "https://badges.example.org:x@evil.example/assertions/1",
                      "https://badges.example.org.evil.example/assertions/1",
                      "https://badges.example.orgevil.example/1",
                      "https://user@badges.example.org/assertions/1"])
    func userinfoAndSuffix(_ id: String) {
        let bare = Self.profile(startsWith: ["https://badges.example.org"])
        #expect(HostedScope.violation(of: id, issuerID: Self.issuer, profile: bare) != nil)
        let hosts = Self.profile(allowedOrigins: ["badges.example.org"])
        #expect(HostedScope.violation(of: id, issuerID: Self.issuer, profile: hosts) != nil)
        #expect(HostedScope.violation(of: id, issuerID: Self.issuer, profile: nil) != nil)
    }

    @Test("Issue 16: dot segments, %2e%2e and encoded slashes do not escape a path prefix",
          arguments: ["https://badges.example.org/assertions/ddoe/../other/x",
                      "https://badges.example.org/assertions/ddoe/%2e%2e/other/x",
                      "https://badges.example.org/assertions/ddoe/%2E%2E/%2e%2E/x",
                      "https://badges.example.org/assertions/ddoe/./../x",
                      "https://badges.example.org/assertions/ddoe/..%2f..%2fother",
                      "https://badges.example.org/assertions/ddoex/1",
                      "https://badges.example.org/assertions/ddoe",
                      "https://badges.example.org:8443/assertions/ddoe/1"])
    func dotSegments(_ id: String) {
        let prefix = Self.profile(startsWith: ["https://badges.example.org/assertions/ddoe/"])
        #expect(HostedScope.violation(of: id, issuerID: Self.issuer, profile: prefix) != nil)
    }

    @Test("Issue 16: equivalent spellings inside the prefix stay in scope; a prefix without a slash ends on a segment boundary")
    func equivalentSpellings() {
        let prefix = Self.profile(startsWith: ["https://badges.example.org/assertions/ddoe/"])
        for id in ["https://badges.example.org/assertions/ddoe/1", "https://BADGES.example.org:443/assertions/ddoe/1",
                   "https://badges.example.org/assertions/%64doe/1", "https://badges.example.org/assertions/ddoe/x/../1"] {
            #expect(HostedScope.violation(of: id, issuerID: Self.issuer, profile: prefix) == nil, "\(id)")
        }
        let noSlash = Self.profile(startsWith: ["https://badges.example.org/assertions"])
        #expect(HostedScope.violation(of: "https://badges.example.org/assertions/1", issuerID: Self.issuer, profile: noSlash) == nil)
        #expect(HostedScope.violation(of: "https://badges.example.org/assertionsX/1", issuerID: Self.issuer, profile: noSlash) != nil)
    }
}
