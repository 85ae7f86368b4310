import BadgeVerification
import Foundation
import OpenBadges
import Testing

@Suite("The 1EdTech validator's signed OB 2.0 assertions verify against their issuers' inbox keys")
struct FixtureSignatureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openbadges/ob2/1edtech-validator").standardizedFileURL

    static func content(_ name: String) throws -> ReadContent {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        return try #require(BadgeReader.read(bytes, fileName: name).items.first).content
    }

    /// The issuer profiles, keys and BadgeClasses of the fixtures, as if delivered to the inbox.
    static func inbox() throws -> (keyring: IssuerKeyring, badgeIssuers: [String: String]) {
        var profiles: [IssuerProfile] = [], keys: [CryptographicKey] = [], badgeIssuers: [String: String] = [:]
        for name in ["organization", "organization-with-revocation-list", "organization-with-empty-revocation-list",
                     "key1", "key2", "key3", "robotics-badge", "badge-from-organization-with-revocation-list",
                     "badge-from-organization-with-empty-revocation-list"] {
            switch try content("assets/\(name).json") {
            case .issuer(let profile): profiles.append(profile)
            case .cryptographicKey(let key): keys.append(key)
            case .badgeClass(let badge): badgeIssuers[badge.id ?? ""] = badge.issuer.id
            default: Issue.record("assets/\(name).json is not a catalog document")
            }
        }
        let keyring = IssuerKeyring(pinned: [:], trustedProfiles: profiles, trustedKeys: keys)
        #expect(keyring.problems.isEmpty)
        return (keyring, badgeIssuers)
    }

    @Test("simple.jwt, simple-revoked.jwt, simple-not-revoked.jwt: key1, key3, key2", arguments: [
        ("simple.jwt", "http://example.org/key1.json"),
        ("simple-revoked.jwt", "http://example.org/key3.json"),
        ("simple-not-revoked.jwt", "http://example.org/key2.json"),
    ])
    func verifies(file: String, keyID: String) throws {
        let (keyring, badgeIssuers) = try Self.inbox()
        guard case .assertion(let assertion) = try Self.content(file) else {
            Issue.record("\(file) is not an assertion")
            return
        }
        let issuerID = try #require(AwardIssuer.id(of: assertion, trustedBadgeIssuers: badgeIssuers))
        let verdict = SignedBadgeVerifier.verify(assertion, issuerID: issuerID, keys: keyring.keys(for: issuerID))
        #expect(verdict == .verified(keyID: keyID, origin: "the profile of \(issuerID)", rsaBits: 2048))
    }

    @Test("Against another issuer's keys, the same tokens do not verify")
    func crossed() throws {
        let (keyring, _) = try Self.inbox()
        guard case .assertion(let assertion) = try Self.content("simple.jwt") else {
            Issue.record("simple.jwt is not an assertion")
            return
        }
        let other = "https://example.org/organization-with-revocation-list.json"
        guard case .unverified = SignedBadgeVerifier.verify(assertion, issuerID: other, keys: keyring.keys(for: other)) else {
            Issue.record("key3 must not verify simple.jwt")
            return
        }
    }

    @Test("A key document whose owner is another issuer is not used for this one")
    func ownerMismatch() throws {
        guard case .cryptographicKey(let key1) = try Self.content("assets/key1.json"),
              case .issuer(var profile) = try Self.content("assets/organization-with-revocation-list.json") else {
            Issue.record("fixtures changed")
            return
        }
        profile.publicKeyIDs = ["http://example.org/key1.json"]
        let keyring = IssuerKeyring(pinned: [:], trustedProfiles: [profile], trustedKeys: [key1])
        #expect(keyring.keys(for: profile.id ?? "").isEmpty)
        #expect(keyring.problems.count == 1)
    }
}
