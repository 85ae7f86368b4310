import Testing
import OpenBadges

@Suite struct RecipientIdentityTests {
    @Test func theValidatorFixtureHashIsNobodyWithSaltDeadsea() throws {
        let assertion = try Fixtures.assertion("ob2/1edtech-validator/basic-assertion.json")
        let recipient = try #require(assertion.recipient)
        #expect(recipient.hashed)
        #expect(recipient.salt == "deadsea")
        #expect(recipient.hashAlgorithm == .sha256)
        #expect(recipient.identity.hasPrefix("sha256$ecf5409f"))
        #expect(recipient.matches(email: "nobody@example.org"))
        #expect(recipient.matches(email: "  Nobody@Example.ORG "))
        #expect(!recipient.matches(email: "somebody@example.org"))
        #expect(RecipientIdentity.hash("nobody@example.org", salt: "deadsea", algorithm: .sha256) == recipient.hashHex)
    }

    @Test func theTokenPayloadsCarryTheSameHash() throws {
        for path in ["ob2/1edtech-validator/simple.jwt", "ob2/1edtech-validator/simple-revoked.jwt",
                     "legacy/validator-core/1_1_basic_assertion.json", "legacy/validator-core/2_0_basic_assertion.json"] {
            let assertion = try Fixtures.assertion(path)
            #expect(assertion.recipient?.matches(email: "nobody@example.org") == true, "\(path)")
        }
    }

    @Test func legacySaltOnTheAssertionIsUsed() throws {
        let assertion = try Fixtures.assertion("legacy/validator-core/0_5_1_assertion.json")
        #expect(assertion.recipient?.salt == "sel gris")
        #expect(assertion.recipient?.matches(email: "test@example.com") == true)
    }

    @Test func plainIdentitiesCompareWithoutCaseAfterTrimming() {
        let identity = RecipientIdentity(type: "email", identity: " Alice@Example.org", hashed: false, salt: nil)
        #expect(identity.matches(email: "alice@example.ORG "))
        #expect(!identity.matches(email: "alice@example.com"))
        #expect(identity.hashAlgorithm == nil)
    }

    @Test func hashesWithoutSaltAndInUpperCaseHexMatch() throws {
        let hex = RecipientIdentity.hash("Dana@District.k12.de.us", salt: nil, algorithm: .md5).uppercased()
        let document = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:x","recipient":{"type":"email","hashed":true,"identity":"MD5$\#(hex)"},"badge":"urn:b","issuedOn":"2024-01-02"}"#
        let assertion = try #require(BadgeReader.read(Array(document.utf8), fileName: "a.json").items.first?.content.assertion)
        let recipient = try #require(assertion.recipient)
        #expect(recipient.identity == "md5$" + hex.lowercased())
        // Given as written in the roster:
        #expect(recipient.matches(email: "Dana@District.k12.de.us"))
        #expect(!recipient.matches(email: "dana@district.k12.de.us"))
        #expect(RecipientIdentity.candidates(for: " A@B.c ") == [" A@B.c ", "A@B.c", "a@b.c"])
    }

    @Test("An address already trimmed and in lower case is its only form: the shortcut gives what trimming and lower-casing give")
    func alreadyNormalShortcut() {
        // Every byte of ASCII and a few beyond, alone, at either end and inside an address.
        let pieces = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\u{A0}", "\u{2003}", "É", "é", "ß", "İ"]
        let addresses = pieces.flatMap { piece in [piece, piece + "a@b.c", "a@b.c" + piece, "a" + piece + "@b.c"] }
            + ["", "a@b.c", "educator0@k12.de.us", "Educator0@k12.de.us"]
        for address in addresses {
            var forms = [address]
            let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed != address { forms.append(trimmed) }
            if !forms.contains(trimmed.lowercased()) { forms.append(trimmed.lowercased()) }
            #expect(RecipientIdentity.candidates(for: address) == forms, "\(address.debugDescription)")
            if RecipientIdentity.isTrimmedLowercaseASCII(address) { #expect(forms == [address]) }
        }
        #expect(RecipientIdentity.isTrimmedLowercaseASCII("educator0@k12.de.us"))
        #expect(!RecipientIdentity.isTrimmedLowercaseASCII("Educator0@k12.de.us"))
        #expect(!RecipientIdentity.isTrimmedLowercaseASCII(" educator0@k12.de.us"))
    }

    @Test(arguments: [
        (#"{"identity":"sha256$abc","hashed":true}"#, "bad_recipient"),
        (#"{"identity":"sha512$\#(String(repeating: "a", count: 128))","hashed":true}"#, "bad_recipient"),
        (#"{"identity":"nobody","hashed":true}"#, "bad_recipient"),
        (#"{"type":"email"}"#, "missing_field:recipient.identity"),
        (#"42"#, "bad_field:recipient"),
    ])
    func malformedRecipientsAreInvalid(recipient: String, code: String) {
        let document = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:x","recipient":\#(recipient),"badge":"urn:b","issuedOn":"2024-01-02"}"#
        let content = BadgeReader.read(Array(document.utf8), fileName: "a.json").items.first?.content
        #expect(content?.invalidReason?.code == code, "\(String(describing: content))")
    }

    @Test func openBadges3IdentifiersAreAllKept() throws {
        let assertion = try Fixtures.assertion("ob3/spec/complete-openbadgecredential.json")
        #expect(assertion.recipients.map(\.identity) == ["student@1edtech.edu", "somebody@gmail.com"])
        #expect(assertion.recipients.allSatisfy { $0.type == "email" && !$0.hashed })
        #expect(assertion.recipient?.matches(email: "Student@1EdTech.edu") == true)
    }

    @Test func openBadges3HashedIdentifiersMatch() throws {
        let hash = RecipientIdentity.hash("educator@k12.de.us", salt: "pepper", algorithm: .sha256)
        let document = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"urn:uuid:1","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"https://i.example","type":"Profile","name":"I"},
         "validFrom":"2025-03-01T12:00:00Z",
         "credentialSubject":{"type":"AchievementSubject","identifier":[{"type":"IdentityObject","identityHash":"sha256$\(hash)","identityType":"emailAddress","hashed":true,"salt":"pepper"}],
           "achievement":{"id":"https://i.example/a","type":"Achievement","name":"A","criteria":{"narrative":"n"}}}}
        """
        let assertion = try #require(BadgeReader.read(Array(document.utf8), fileName: "c.json").items.first?.content.assertion)
        #expect(assertion.recipient?.matches(email: "Educator@k12.de.us ") == true)
    }
}
