import Foundation
import Testing
import OpenBadges

@Suite struct OpenBadges2Tests {
    private func read(_ json: String, name: String = "doc.json") -> ReadContent? {
        BadgeReader.read(Array(json.utf8), fileName: name).items.first?.content
    }

    @Test func embeddedBadgeClassAndIssuerAreRead() throws {
        let assertion = try Fixtures.assertion("ob2/spec/intro-assertion-embedded-allowedOrigins.json")
        let badge = try #require(assertion.badge.embedded)
        #expect(badge.id == "https://example.org/badges/5")
        #expect(badge.name == "3-D Printmaster")
        let issuer = try #require(badge.issuer.embedded)
        #expect(issuer.id == "https://example.org/issuer")
        #expect(issuer.allowedOrigins == ["example.org"])
        #expect(issuer.email == "contact@example.org")
        #expect(assertion.issuerID == "https://example.org/issuer")
        #expect(assertion.verification.kind == .hosted)
        #expect(assertion.recipient == RecipientIdentity(type: "email", identity: "alice@example.org", hashed: false, salt: nil))
    }

    @Test func theVerifyAliasAndSignedBadgeTypeAreRead() throws {
        let assertion = try Fixtures.assertion("ob2/spec/signed-assertion-example.jws.payload.json")
        #expect(assertion.verification.kind == .signed)
        #expect(assertion.verification.creator == "https://example.org/publicKey")
        let badgr = try Fixtures.assertion("legacy/badgr/2_0_assertion_embedded_badgeclass.json")
        #expect(badgr.verification == VerificationHint(kind: .hosted, url: "http://a.com/assertion-embedded1"))
        #expect(badgr.badge.embedded?.issuer.embedded?.name == "Basic Issuer")
        #expect(badgr.issuerID == nil)
    }

    @Test func expiresIsKept() throws {
        let assertion = try Fixtures.assertion("ob2/spec/assertion-hosted-hashed.json")
        #expect(assertion.expires == .instant(Date(timeIntervalSince1970: 1_498_867_199)))
        #expect(assertion.revoked == false)
    }

    @Test func issuerProfilesNameTheirKeysAndRevocationList() throws {
        let item = try Fixtures.item("ob2/spec/issuer.json")
        guard case .issuer(let issuer) = item.content else { Issue.record("\(item.content)"); return }
        #expect(issuer.publicKeyIDs == ["https://example.org/publicKey.json"])
        #expect(issuer.revocationListID == "https://example.org/revocationList.json")
        #expect(issuer.url == "https://example.org")
        #expect(issuer.embeddedKeys.isEmpty)
        let startsWith = try Fixtures.item("ob2/1edtech-validator/assets/issuer-with-allowed-origins-invalid-starts-with.json")
        guard case .issuer(let other) = startsWith.content else { Issue.record("\(startsWith.content)"); return }
        #expect(other.startsWith == ["https://example.org/NOT"])
    }

    @Test func embeddedKeysAreSeparateFromKeyIDs() throws {
        let json = """
        {"@context":"https://w3id.org/openbadges/v2","type":"Profile","id":"https://i.example/p","name":"I",
         "publicKey":["https://i.example/k1",{"id":"https://i.example/k2"},{"id":"https://i.example/k3","type":"CryptographicKey","publicKeyPem":"PEM"}]}
        """
        guard case .issuer(let issuer)? = read(json) else { Issue.record("not an issuer"); return }
        #expect(issuer.publicKeyIDs == ["https://i.example/k1", "https://i.example/k2"])
        #expect(issuer.embeddedKeys.map(\.id) == ["https://i.example/k3"])
        #expect(issuer.embeddedKeys.first?.publicKeyPem == "PEM")
    }

    @Test func revocationListsReadEveryEntryForm() throws {
        let item = try Fixtures.item("ob2/spec/revocation-list.json")
        guard case .revocationList(let list) = item.content else { Issue.record("\(item.content)"); return }
        #expect(list.issuerID == "https://example.org/issuer")
        #expect(list.revoked == [
            RevokedEntry(id: "urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e", reason: nil),
            RevokedEntry(id: "urn:uuid:e79a6c18-787e-4868-8e65-e6a4530fb418", reason: "Honor code violation"),
            RevokedEntry(id: "abc123", reason: "Issued in error.", isLegacyUID: true),
        ])
        #expect(list.unreadableEntries == 0)
        guard case .revocationList(let messy)? = read(#"{"type":"RevocationList","revokedAssertions":["a",7,{"x":1}]}"#) else {
            Issue.record("not a list"); return
        }
        #expect(messy.revoked.map(\.id) == ["a"])
        #expect(messy.unreadableEntries == 2)
    }

    @Test func keysAreRead() throws {
        let item = try Fixtures.item("ob2/1edtech-validator/assets/key1.json")
        guard case .cryptographicKey(let key) = item.content else { Issue.record("\(item.content)"); return }
        #expect(key.owner == "https://example.org/organization.json")
        #expect(key.publicKeyPem?.hasPrefix("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh") == true)
        guard case .cryptographicKey(let jwk)? = read(#"{"kty":"OKP","crv":"Ed25519","x":"abc","kid":"https://i.example/k#1"}"#) else {
            Issue.record("not a key"); return
        }
        #expect(jwk.id == "https://i.example/k#1")
        #expect(jwk.jwk?["crv"]?.stringValue == "Ed25519")
    }

    @Test func aRevokedOnlyDocumentIsARevocationNotice() {
        guard case .revocationNotice(let id)? = read(#"{"id":"urn:uuid:9","revoked":true}"#) else { Issue.record("not a notice"); return }
        #expect(id == "urn:uuid:9")
        #expect(read(#"{"revoked":true}"#)?.invalidReason?.code == "missing_field:id")
    }

    @Test func aRevokedAssertionStaysAnAssertion() throws {
        let json = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"type":"email","identity":"a@b.c"},"badge":"urn:b","issuedOn":"2020-01-01T00:00:00Z","revoked":true,"revocationReason":"oops"}"#
        let assertion = try #require(read(json)?.assertion)
        #expect(assertion.revoked)
        #expect(assertion.revocationReason == "oops")
    }

    @Test func idsMayBeObjectsAndTypesArrays() throws {
        let json = """
        {"@context":["https://w3id.org/openbadges/v2","https://w3id.org/openbadges/extensions#"],"type":["Assertion","extensions:X"],
         "id":"urn:a","recipient":{"type":"email","identity":"a@b.c","hashed":"false"},
         "badge":{"id":"https://i.example/badge","type":"BadgeClass"},"issuedOn":"2020-01-01T00:00:00Z",
         "verification":{"type":"HostedBadge"}}
        """
        let assertion = try #require(read(json)?.assertion)
        #expect(assertion.badge.id == "https://i.example/badge")
        #expect(assertion.badge.embedded == nil)
        #expect(assertion.verification.kind == .hosted)
        #expect(assertion.recipient?.hashed == false)

        let issuerByObject = #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"urn:b","name":"B","issuer":{"id":"urn:i"}}"#
        guard case .badgeClass(let badge)? = read(issuerByObject) else { Issue.record("not a badge"); return }
        #expect(badge.issuer.id == "urn:i")
        #expect(badge.issuer.embedded == nil)
    }

    @Test(arguments: [
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","badge":"urn:b","issuedOn":"2020-01-01"}"#, "missing_field:recipient"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"issuedOn":"2020-01-01"}"#, "missing_field:badge"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":"urn:b"}"#, "missing_field:issuedOn"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":"urn:b","issuedOn":"soon"}"#, "bad_date"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":"urn:b","issuedOn":"2020-01-01","expires":"never"}"#, "bad_date"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":{"type":"BadgeClass"},"issuedOn":"2020-01-01"}"#, "missing_field:badge.name"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":{"name":"B"},"issuedOn":"2020-01-01"}"#, "missing_field:badge.issuer"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":{"name":"B","issuer":{"url":"https://x"}},"issuedOn":"2020-01-01"}"#, "missing_field:badge.issuer.name"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a","recipient":{"identity":"a@b.c"},"badge":7,"issuedOn":"2020-01-01"}"#, "bad_field:badge"),
        (#"{"@context":"https://w3id.org/openbadges/v2","type":"Issuer","id":"urn:i"}"#, "missing_field:name"),
        (#"{"@context":"https://example.com/mine","type":"Assertion"}"#, "unknown_context"),
        (#"{"type":"Widget"}"#, "unsupported_format"),
        (#"[{"type":"Assertion"}]"#, "unsupported_format"),
        (#""just a string""#, "unsupported_format"),
        (#"{}"#, "unsupported_format"),
    ])
    func incompleteDocumentsSayWhatIsMissing(json: String, code: String) {
        let reason = read(json)?.invalidReason
        #expect(reason?.code == code, "\(json) → \(String(describing: reason))")
        #expect(reason?.message.isEmpty == false)
    }

    @Test func theAwardIDOfLastResortIsTheHashOfTheBytes() throws {
        let item = try Fixtures.item("legacy/badgr/0_5_basic_instance.json")
        let bytes = try Fixtures.bytes("legacy/badgr/0_5_basic_instance.json")
        #expect(item.sha256 == ContentHash.sha256Hex(bytes))
        #expect(item.content.assertion?.awardID == "sha256:" + item.sha256)
        #expect(item.sha256.count == 64)
    }
}
