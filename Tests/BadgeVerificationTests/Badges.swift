import Foundation
import OpenBadges
import TestSigning
import Testing

/// Badge payloads and readers shared by the verification tests.
enum Badges {
    static let issuer = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let otherIssuer = "https://badges.example.org/issuers/mallory"

    /// An OB 2.0 assertion with its BadgeClass embedded and the issuer named by id.
    static func assertion(id: String = "https://badges.doe.k12.de.us/assertions/s1", issuer: String = issuer,
                          email: String = "avery.abbott@k12.de.us", creator: String? = nil, revoked: Bool = false) -> String {
        let verification = creator.map { #"{"type": "signed", "creator": "\#($0)"}"# } ?? #"{"type": "signed"}"#
        return """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(id)",
             "recipient": {"type": "email", "hashed": false, "identity": "\(email)"},
             "badge": {"type": "BadgeClass", "id": "https://badges.doe.k12.de.us/badgeclasses/formative-assessment",
                       "name": "Formative Assessment", "criteria": {"narrative": "x"}, "image": "https://x.example/i.png",
                       "issuer": "\(issuer)"},
             "issuedOn": "2026-10-01T12:00:00Z", "verification": \(verification)\(revoked ? #", "revoked": true"# : "")}
            """
    }

    /// An OB 3.0 credential; `claims` are added as top-level JWT claims around it (VC 2.0 JOSE form).
    static func credential(id: String = "urn:uuid:6f3c1d1e-0000-4000-8000-000000000001", issuer: String = issuer,
                           subjectID: String? = "did:example:avery", validFrom: String = "2026-10-01T12:00:00Z",
                           claims: String = "") -> String {
        let subject = subjectID.map { #""id": "\#($0)", "# } ?? ""
        return """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "\(id)", "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": {"id": "\(issuer)", "type": ["Profile"], "name": "Delaware Department of Education"},
             "validFrom": "\(validFrom)", "name": "Formative Assessment",
             "credentialSubject": {\(subject)"type": ["AchievementSubject"],
               "identifier": [{"type": "IdentityObject", "identityHash": "avery.abbott@k12.de.us", "identityType": "emailAddress", "hashed": false}],
               "achievement": {"id": "https://badges.doe.k12.de.us/achievements/fa", "type": ["Achievement"],
                               "name": "Formative Assessment", "criteria": {"narrative": "x"}, "description": "x"}}\(claims)}
            """
    }

    /// The award read from a token exactly as the nightly job reads a `.jwt` file.
    static func read(_ token: String, fileName: String = "upload.jwt") throws -> Assertion {
        let items = BadgeReader.read(Array(token.utf8), fileName: fileName).items
        let item = try #require(items.first)
        guard case .assertion(let assertion) = item.content else {
            Issue.record("not an assertion: \(item.content)")
            throw ReadFailure()
        }
        return assertion
    }

    struct ReadFailure: Error {}
}
