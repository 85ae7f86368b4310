import Foundation
import TestHTTPS

/// A district (SignedUploads) whose DDOE profile in the inbox allows hosted assertions on the
/// tests' own HTTPS server at 127.0.0.1, with that server's CA as `verification.ca_file`.
struct HostedUploads {
    let district: SignedUploads
    let server: LocalHTTPSServer

    /// `allowPrivate`: whether `verification.allow_private` is set (the server is on loopback).
    /// `verification`: the profile's `verification` member, given the server's origin (by
    /// default its host and `/assertions/`); `fetching`: more lines of `verification:`.
    init(_ database: TestDatabase, routes: [String: Reply], allowPrivate: Bool = true,
         verification: ((LocalHTTPSServer) -> String)? = nil, fetching: String = "") throws {
        let server = try LocalHTTPSServer(routes: routes)
        self.server = server
        district = try SignedUploads(database, fetching: "  fetch: true\n  ca_file: ./ca.pem\n  allow_private: \(allowPrivate)\n" + fetching)
        try district.workspace.write("ca.pem", server.certificates.authorityPEM)
        let scope = verification?(server)
            ?? #"{"allowedOrigins": ["127.0.0.1:\#(server.port)"], "startsWith": ["\#(server.origin)/assertions/"]}"#
        try district.workspace.write("inbox/ddoe/issuer.json", """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(Sample.ddoe)",
             "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us",
             "verification": \(scope)}
            """)
    }

    /// The id of the hosted assertion at `path` on the server.
    func id(_ path: String) -> String { server.origin + path }

    /// A DDOE hosted assertion with id `id` for `email`, of the `index`th badge.
    static func assertion(_ id: String, badge index: Int, email: String = "avery.abbott@k12.de.us", extra: String = "") -> String {
        let slug = SignedUploads.badges[index % SignedUploads.badges.count].0
        return """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(id)",
             "recipient": \(Sample.plain(email)), "badge": "\(Sample.badgeBase)\(slug)",
             "issuedOn": "2026-10-01T12:00:00Z", "verification": {"type": "hosted"}\(extra)}
            """
    }

    /// Hands in the hosted assertion at `path` as an upload.
    func upload(_ path: String, badge: Int, email: String = "avery.abbott@k12.de.us") throws {
        try district.workspace.write("uploads\(path).json", Self.assertion(id(path), badge: badge, email: email))
    }

    func column(_ column: String, of path: String) throws -> String? {
        try district.scalar("SELECT \(column) FROM awards WHERE award_id = '\(id(path))'")
    }

    func outcome(_ path: String) throws -> String? {
        try district.scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(id(path))'")
    }
}
