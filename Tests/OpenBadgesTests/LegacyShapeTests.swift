import Testing
import OpenBadges

@Suite struct LegacyShapeTests {
    @Test func openBadges05IsUpgradedAsTheValidatorDoes() throws {
        let assertion = try Fixtures.assertion("legacy/badgr/0_5_basic_instance.json")
        #expect(assertion.specVersion == .v0_5)
        #expect(assertion.recipient == RecipientIdentity(type: "email", identity: "test@example.com", hashed: false, salt: nil))
        #expect(assertion.verification.kind == .hosted)
        let badge = try #require(assertion.badge.embedded)
        #expect(badge.id == nil)
        #expect(badge.name == "Basic McBadge")
        let issuer = try #require(badge.issuer.embedded)
        #expect(issuer.name == "Basic Issuer")
        #expect(issuer.url == "http://oldstyle.com")
    }

    @Test func openBadges05OrganisationAndContactAreUpgraded() throws {
        let json = #"{"recipient":"a@b.c","issued_on":"1409337600","badge":{"version":"0.5.0","name":"N","issuer":{"origin":"https://o.example","name":"Dept","org":"Org","contact":"c@o.example"}}}"#
        let assertion = try #require(BadgeReader.read(Array(json.utf8), fileName: "x.json").items.first?.content.assertion)
        let issuer = try #require(assertion.badge.embedded?.issuer.embedded)
        #expect(issuer.name == "Dept: Org")
        #expect(issuer.email == "c@o.example")
        #expect(issuer.url == "https://o.example")
        #expect(utcDay(assertion.awardedAt) == "2014-08-29")
    }

    @Test func openBadges10HostedAssertionsAreIdentifiedByTheirURL() throws {
        let assertion = try Fixtures.assertion("legacy/validator-core/1_0_basic_assertion.json")
        #expect(assertion.awardID == "http://a.com/instance")
        #expect(assertion.legacyUID == "123abc")
        #expect(assertion.verification == VerificationHint(kind: .hosted, url: "http://a.com/instance"))
        #expect(assertion.badge.id == "http://a.com/badgeclass")
        #expect(assertion.awardedAt == .day(try #require(CalendarDate("2015-04-30"))))
    }

    @Test func openBadges10SignedAssertionsWithoutIDFallBackToTheHash() throws {
        let json = #"{"uid":"u1","recipient":{"identity":"a@b.c","type":"email","hashed":false},"badge":"http://a.com/b","issuedOn":1430352000,"verify":{"type":"signed","url":"http://a.com/key"}}"#
        let item = try #require(BadgeReader.read(Array(json.utf8), fileName: "x.json").items.first)
        let assertion = try #require(item.content.assertion)
        #expect(assertion.awardID == "sha256:" + item.sha256)
        #expect(assertion.verification.kind == .signed)
        #expect(utcDay(assertion.awardedAt) == "2015-04-30")
    }

    @Test func thePreReleaseIdentityShapeIsExplained() {
        let json = #"{"uid":"abc","identity":{"recipient":"sha256$cbb08ce07dd7345341b9358abb810d29eb790fed","type":"email","hashed":true},"verify":{"type":"hosted","url":"https://example.org/assertion.json"},"issuedOn":"2013-11-05","badge":"https://example.org/badge.json"}"#
        let reason = BadgeReader.read(Array(json.utf8), fileName: "x.json").items.first?.content.invalidReason
        #expect(reason?.code == "missing_field:recipient")
        #expect(reason?.message.contains("identity") == true)
    }
}
