import Foundation
import Testing
import OpenBadges

@Suite struct OpenBadges3Tests {
    private func credential(_ members: String, subject: String = #""id":"did:example:1""#,
                            achievement: String = #","achievement":{"id":"https://i.example/a","type":"Achievement","name":"A"}"#) -> String {
        """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "type":["VerifiableCredential","AchievementCredential"],"issuer":{"id":"https://i.example","type":["Profile"],"name":"I"},
         "credentialSubject":{"type":["AchievementSubject"],\(subject)\(achievement)}\(members)}
        """
    }

    private func read(_ json: String) -> ReadItem? {
        BadgeReader.read(Array(json.utf8), fileName: "c.json").items.first
    }

    @Test func theCompleteCredentialKeepsCreditsAndExpiry() throws {
        let assertion = try Fixtures.assertion("ob3/1edtech-validator/complete.json")
        #expect(assertion.creditsEarned == 42)
        let badge = try #require(assertion.badge.embedded)
        #expect(badge.creditsAvailable == 36)
        #expect(badge.id == "https://1edtech.edu/achievements/degree")
        #expect(badge.issuer.id == "https://1edtech.edu/issuers/565049")
        #expect(assertion.issuerID == "https://1edtech.edu/issuers/565049")
        #expect(utcDay(assertion.expires) == "2030-01-01")
        #expect(assertion.verification.kind == .embeddedProof)
        #expect(assertion.document["credentialStatus"]?["type"]?.stringValue == "1EdTechRevocationList")
        let unsigned = try Fixtures.assertion("ob3/spec/complete-openbadgecredential.json")
        #expect(unsigned.verification.kind == .none)
        #expect(unsigned.creditsEarned == 42)
    }

    @Test func awardedDateComesBeforeIssuanceDate() throws {
        let assertion = try Fixtures.assertion("ob3/1edtech-validator/credential-status-revoked.json")
        #expect(assertion.awardedAt == .instant(Date(timeIntervalSince1970: 1_684_750_860)))  // 2023-05-22T10:21:00Z
        #expect(assertion.issuerID == "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c")
        #expect(assertion.recipient?.type == "id")
    }

    @Test func vc11IssuanceDateAndExpirationDateAreRead() throws {
        let item = try #require(read(credential(#","issuanceDate":"2024-07-01T00:00:00Z","expirationDate":"2029-06-30","id":"urn:c""#)))
        let assertion = try #require(item.content.assertion)
        #expect(utcDay(assertion.awardedAt) == "2024-07-01")
        #expect(assertion.expires == .day(try #require(CalendarDate("2029-06-30"))))
        #expect(assertion.awardID == "urn:c")
    }

    @Test func validFromIsUsedWithoutAwardedDate() throws {
        let assertion = try #require(read(credential(#","validFrom":"2025-01-31T23:30:00-05:00","validUntil":"2030-01-01T00:00:00Z""#))?.content.assertion)
        #expect(utcDay(assertion.awardedAt) == "2025-02-01")
        #expect(assertion.awardedAt.calendarDate(in: TimeZone(identifier: "America/New_York") ?? .current).description == "2025-01-31")
        #expect(utcDay(assertion.expires) == "2030-01-01")
    }

    @Test func aCredentialWithoutIDIsIdentifiedByItsBytes() throws {
        let item = try #require(read(credential(#","validFrom":"2025-01-01T00:00:00Z""#)))
        #expect(item.content.assertion?.awardID == "sha256:" + item.sha256)
    }

    @Test func aMailtoSubjectIsAnEmailRecipient() throws {
        let assertion = try #require(read(credential(#","validFrom":"2025-01-01T00:00:00Z""#, subject: #""id":"mailto:Pat@K12.de.us""#))?.content.assertion)
        #expect(assertion.recipient == RecipientIdentity(type: "email", identity: "Pat@K12.de.us", hashed: false, salt: nil))
        #expect(assertion.recipient?.matches(email: "pat@k12.de.us") == true)
    }

    @Test func aCredentialWithoutAnyIdentityHasNoRecipient() throws {
        let assertion = try #require(read(credential(#","validFrom":"2025-01-01T00:00:00Z""#, subject: #""type2":"x""#))?.content.assertion)
        #expect(assertion.recipient == nil)
        #expect(assertion.recipients.isEmpty)
    }

    @Test(arguments: [
        (#","id":"urn:c""#, "missing_field:validFrom"),
        (#","validFrom":"2025-02-30T00:00:00Z""#, "bad_date"),
        (#","validFrom":"2025-01-01T00:00:00Z","validUntil":"later""#, "bad_date"),
    ])
    func badCredentialDates(members: String, code: String) {
        #expect(read(credential(members))?.content.invalidReason?.code == code)
    }

    @Test func missingPartsAreNamed() {
        let noAchievementName = credential(#","validFrom":"2025-01-01T00:00:00Z""#, achievement: #","achievement":{"type":"Achievement"}"#)
        #expect(read(noAchievementName)?.content.invalidReason?.code == "missing_field:credentialSubject.achievement.name")
        let byID = credential(#","validFrom":"2025-01-01T00:00:00Z""#, achievement: #","achievement":{"id":"https://i.example/a"}"#)
        #expect(read(byID)?.content.assertion?.badge.id == "https://i.example/a")
        let noIssuer = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"validFrom":"2025-01-01T00:00:00Z","credentialSubject":{"achievement":{"id":"a","name":"A"}}}"#
        #expect(read(noIssuer)?.content.invalidReason?.code == "missing_field:issuer")
        let noSubject = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":"https://i.example","validFrom":"2025-01-01T00:00:00Z"}"#
        #expect(read(noSubject)?.content.invalidReason?.code == "missing_field:credentialSubject")
    }

    @Test func standaloneAchievementsAndProfilesAreCatalogDocuments() throws {
        let achievement = #"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"https://i.example/a","type":["Achievement"],"name":"A","creator":{"id":"https://i.example","type":["Profile"],"name":"I"},"creditsAvailable":"1.5"}"#
        guard case .badgeClass(let badge)? = read(achievement)?.content else { Issue.record("not a badge"); return }
        #expect(badge.id == "https://i.example/a")
        #expect(badge.issuer.id == "https://i.example")
        #expect(badge.creditsAvailable == 1.5)
        let profile = #"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"https://i.example","type":"Profile","name":"I","url":"https://i.example/home"}"#
        guard case .issuer(let issuer)? = read(profile)?.content else { Issue.record("not an issuer"); return }
        #expect(issuer.url == "https://i.example/home")
        let orphan = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"https://i.example/a","type":["Achievement"],"name":"A"}"#
        #expect(read(orphan)?.content.invalidReason?.code == "missing_field:creator")
    }
}
