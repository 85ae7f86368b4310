import OpenBadges

/// The outcome every file under Tests/Fixtures/openbadges must read as.
enum FixtureExpectations {
    static let bethHash = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"
    static let specHash = "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5"
    static let selGrisHash = "sha256$85c4196c5516561cef673642157499b70066cb1070852b2a37fdbf3cc599b087"
    static let did = "did:example:ebfeb1f712ebc6f1c276e12ec21"
    static let beth = "https://example.org/beths-robotics-badge.json"
    static let wellspring = "https://dc.1edtech.org/wellspring2022/wellspring-portal/credential/54418d3f-ec01-4652-800a-861c890a51a1"
    static let wellspringLearner = "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:learner:6896f98f-6b42-4c75-98ec-8befd0dc0b29"

    static let all: [String: ExpectedReading] = documents.merging(baked) { first, _ in first }

    /// JSON documents, tokens and files that are not badges.
    static let documents: [String: ExpectedReading] = [
        "SOURCES.md": .notABadgeFile(ext: "md"),

        "contexts/ob-v1-context.json": .invalid(code: "unsupported_format"),
        "contexts/ob-v2-context.json": .invalid(code: "unsupported_format"),
        "contexts/ob-v3p0-context-3.0.3.json": .invalid(code: "unsupported_format"),
        "contexts/ob-v3p0-extensions.json": .invalid(code: "unsupported_format"),
        "contexts/w3c-2018-credentials-v1.jsonld": .notABadgeFile(ext: "jsonld"),
        "contexts/w3c-credentials-v2.jsonld": .notABadgeFile(ext: "jsonld"),
        "contexts/w3id-data-integrity-v1.jsonld": .notABadgeFile(ext: "jsonld"),

        "legacy/badgr/0_5_basic_instance.json": .assertionByHash(version: .v0_5, day: "2011-12-31", recipient: "test@example.com"),
        "legacy/badgr/1_0_basic_badgeclass.json": .badgeClass(id: nil, name: "Basic Badge"),
        "legacy/badgr/1_0_basic_instance.json": .assertion(id: "http://a.com/instance", version: .v1_0, day: "2015-04-30", recipient: "test@example.com"),
        "legacy/badgr/1_0_basic_instance_missing_badge_prop.json": .invalid(code: "missing_field:badge"),
        "legacy/badgr/1_0_basic_instance_with_bad_date.json": .invalid(code: "bad_date"),
        "legacy/badgr/1_0_basic_issuer.json": .issuer(id: nil, name: "Basic Issuer"),
        "legacy/badgr/2_0_assertion_embedded_badgeclass.json": .assertion(id: "http://a.com/assertion-embedded1", version: .v2_0, day: "2017-06-29", recipient: "test@example.com"),
        "legacy/validator-core/0_5_1_assertion.json": .assertionByHash(version: .v0_5, day: "2011-06-01", recipient: selGrisHash),
        "legacy/validator-core/0_5_assertion.json": .invalid(code: "missing_field:issued_on"),
        "legacy/validator-core/1_0_basic_assertion.json": .assertion(id: "http://a.com/instance", version: .v1_0, day: "2015-04-30", recipient: "test@example.com"),
        "legacy/validator-core/1_0_basic_badgeclass.json": .badgeClass(id: nil, name: "Basic Badge"),
        "legacy/validator-core/1_0_basic_issuer.json": .issuer(id: nil, name: "Basic Issuer"),
        "legacy/validator-core/1_1_basic_assertion.json": .assertion(id: beth, version: .v1_1, day: "2016-12-31", recipient: bethHash),
        "legacy/validator-core/1_1_basic_badgeclass.json": .badgeClass(id: "https://example.org/robotics-badge.json", name: "Awesome Robotics Badge"),
        "legacy/validator-core/1_1_basic_issuer.json": .issuer(id: "https://example.org/organization.json", name: "An Example Badge Issuer"),
        "legacy/validator-core/2_0_basic_assertion.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "legacy/validator-core/2_0_basic_badgeclass.json": .badgeClass(id: "https://example.org/robotics-badge.json", name: "Awesome Robotics Badge"),
        "legacy/validator-core/2_0_basic_issuer.json": .issuer(id: "https://example.org/organization.json", name: "An Example Badge Issuer"),

        "ob2/1edtech-validator/assets/badge-from-organization-with-empty-revocation-list.json": .badgeClass(id: "https://example.org/badge-from-organization-with-empty-revocation-list.json", name: "Awesome Robotics Badge"),
        "ob2/1edtech-validator/assets/badge-from-organization-with-revocation-list.json": .badgeClass(id: "https://example.org/badge-from-organization-with-revocation-list.json", name: "Awesome Robotics Badge"),
        "ob2/1edtech-validator/assets/badgeclass-with-verification-invalid-starts-with.json": .badgeClass(id: "http://example.org/badgeclass-with-verification-invalid-starts-with", name: "Example Badge"),
        "ob2/1edtech-validator/assets/badgeclass-with-verification.json": .badgeClass(id: "http://example.org/badgeclass-with-verification", name: "Example Badge"),
        "ob2/1edtech-validator/assets/empty-revocation-list.json": .revocationList(id: "http://example.org/empty-revocation-list.json", entries: 0),
        "ob2/1edtech-validator/assets/issuer-with-allowed-origins-invalid-starts-with.json": .issuer(id: "http://example.org/issuer-with-allowed-origins", name: "Example Issuer"),
        "ob2/1edtech-validator/assets/issuer-with-allowed-origins.json": .issuer(id: "http://example.org/issuer-with-allowed-origins", name: "Example Issuer"),
        "ob2/1edtech-validator/assets/key1.json": .key(id: "http://example.org/key1.json"),
        "ob2/1edtech-validator/assets/key2.json": .key(id: "http://example.org/key2.json"),
        "ob2/1edtech-validator/assets/key3.json": .key(id: "http://example.org/key3.json"),
        "ob2/1edtech-validator/assets/organization-with-empty-revocation-list.json": .issuer(id: "https://example.org/organization-with-empty-revocation-list.json", name: "An Example Badge Issuer"),
        "ob2/1edtech-validator/assets/organization-with-revocation-list.json": .issuer(id: "https://example.org/organization-with-revocation-list.json", name: "An Example Badge Issuer"),
        "ob2/1edtech-validator/assets/organization.json": .issuer(id: "https://example.org/organization.json", name: "An Example Badge Issuer"),
        "ob2/1edtech-validator/assets/revocation-list.json": .revocationList(id: "http://example.org/revocation-list.json", entries: 3),
        "ob2/1edtech-validator/assets/robotics-badge.json": .badgeClass(id: "https://example.org/robotics-badge.json", name: "Awesome Robotics Badge"),
        "ob2/1edtech-validator/basic-assertion-expired-before-issued.json": .assertion(id: beth, version: .v2_0, day: "2022-12-31", recipient: bethHash),
        "ob2/1edtech-validator/basic-assertion-expired.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/basic-assertion-in-future.json": .assertion(id: beth, version: .v2_0, day: "2100-12-31", recipient: bethHash),
        "ob2/1edtech-validator/basic-assertion-invalid-context.json": .invalid(code: "unknown_context"),
        "ob2/1edtech-validator/basic-assertion-with-allowed-origins-invalid-starts-with.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/basic-assertion-with-allowed-origins.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/basic-assertion.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/redirected-validation-subject.json": .invalid(code: "malformed_json"),
        "ob2/1edtech-validator/simple-not-revoked.jwt": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/simple-revoked.jwt": .assertion(id: "https://example.org/beths-robotics-badge-revoked.json", version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/simple.jwt": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "ob2/1edtech-validator/warning-issuer-non-http.json": .assertion(id: "https://example.org/warning-issuer-non-http.json", version: .v2_0, day: "2016-12-31", recipient: bethHash),

        "ob2/spec/assertion-embedded-badgeclass-issuer.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: specHash),
        "ob2/spec/assertion-hosted-hashed.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: specHash),
        "ob2/spec/badgeclass.json": .badgeClass(id: "https://example.org/robotics-badge.json", name: "Awesome Robotics Badge"),
        "ob2/spec/baking-spec-example-fragment.svg.txt": .notABadgeFile(ext: "txt"),
        "ob2/spec/cryptographic-key-abbreviated.json": .key(id: "https://example.org/publicKey.json"),
        "ob2/spec/endorsement-of-issuer.json": .invalid(code: "unsupported_format"),
        "ob2/spec/intro-assertion-embedded-allowedOrigins.json": .assertion(id: "https://example.org/assertions/123", version: .v2_0, day: "2016-12-31", recipient: "alice@example.org"),
        "ob2/spec/issuer.json": .issuer(id: "https://example.org/organization.json", name: "An Example Badge Issuer"),
        "ob2/spec/revocation-list.json": .revocationList(id: "https://example.org/revocationList.json", entries: 3),
        "ob2/spec/revoked-hosted-assertion.json": .notice(beth),
        "ob2/spec/signed-assertion-example.jws": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: specHash),
        "ob2/spec/signed-assertion-example.jws.payload.json": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: specHash),
        "ob2/spec/signed-assertion-payload-as-shown-in-spec.json": .assertion(id: "urn:uuid:a953081a-4bbd-4927-9653-7219bca00e3b", version: .v2_0, day: "2016-12-31", recipient: specHash),

        "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json": .assertion(id: wellspring, version: .v3_0, day: "2023-05-22", recipient: wellspringLearner),
        "ob3/1edtech-validator/bit-string-list/status-list-credential.json": .statusList(id: "https://example.com/credentials/status/3"),
        "ob3/1edtech-validator/complete.json": .assertion(id: "http://1edtech.edu/credentials/3732", version: .v3_0, day: "2010-01-01", recipient: "student@1edtech.edu"),
        "ob3/1edtech-validator/credential-status-revoked.json": .assertion(id: wellspring, version: .v3_0, day: "2023-05-22", recipient: wellspringLearner),
        "ob3/1edtech-validator/endorsement-valid.json": .invalid(code: "unsupported_format"),
        "ob3/1edtech-validator/simple-did-key-method.json": .assertion(id: "urn:uuid:280c19b6-9680-4a37-ba84-e38b1a4e4584", version: .v3_0, day: "2022-11-10", recipient: "urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164"),
        "ob3/1edtech-validator/simple-eddsa-2022.json": .assertion(id: "http://www.1edtech.org/ob/1", version: .v3_0, day: "2022-11-27", recipient: "did:1edtech:1"),
        "ob3/1edtech-validator/simple-err-expired.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/1edtech-validator/simple-err-issued.json": .invalid(code: "missing_field:credentialSubject.achievement"),
        "ob3/1edtech-validator/simple-err-proof-value.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/1edtech-validator/simple-multiple-proofs.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/1edtech-validator/simple-noproof.json": .invalid(code: "missing_field:credentialSubject.achievement"),
        "ob3/1edtech-validator/simple.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/1edtech-validator/simple.jwt": .invalid(code: "missing_field:credentialSubject.achievement"),
        "ob3/1edtech-validator/simple_v1.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/schema/achievementcredential.schema.json": .invalid(code: "unsupported_format"),
        "ob3/spec/basic-openbadgecredential.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/spec/complete-openbadgecredential.json": .assertion(id: "http://1edtech.edu/credentials/3732", version: .v3_0, day: "2010-01-01", recipient: "student@1edtech.edu"),
        "ob3/spec/docformat-sample-openbadgecredential.json": .assertion(id: "http://example.edu/credentials/3732", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/test-vectors/eddsa-rdfc-2022/document-canon.nq": .notABadgeFile(ext: "nq"),
        "ob3/test-vectors/eddsa-rdfc-2022/proof-canon.nq": .notABadgeFile(ext: "nq"),
        "ob3/test-vectors/eddsa-rdfc-2022/signed-credential.json": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "ob3/test-vectors/eddsa-rdfc-2022/vector.json": .invalid(code: "unsupported_format"),
    ]

    /// Baked images.
    static let baked: [String: ExpectedReading] = [
        "baked/ob1-bakery-baked_example.svg": .invalid(code: "missing_field:recipient"),
        "baked/ob1-bakery-baked_heart.png": .assertion(id: "http://example.org/badgeinstance1", version: .v1_0, day: "2015-04-01", recipient: "test@example.com"),
        "baked/ob2-1edtech-simple-badge.png": .assertion(id: beth, version: .v2_0, day: "2016-12-31", recipient: bethHash),
        "baked/ob2-badgr-baked_image.png": .assertion(id: "http://a.com/instance", version: .v1_0, day: "2015-04-30", recipient: "test@example.com"),
        "baked/ob2-badgr-unbaked_image.png": .invalid(code: "no_badge_data"),
        "baked/ob3-1edtech-simple-json.png": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "baked/ob3-1edtech-simple-json.svg": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "baked/ob3-1edtech-simple-jwt.png": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "baked/ob3-1edtech-simple-jwt.svg": .assertion(id: "http://example.com/credentials/3527", version: .v3_0, day: "2010-01-01", recipient: did),
        "baked/ob3-1edtech-simple-jwt_v1.png": .assertion(id: "http://example.edu/credentials/3732", version: .v3_0, day: "2010-01-01", recipient: did),
        "baked/ob3-1edtech-simple-jwt_v1.svg": .assertion(id: "http://example.edu/credentials/3732", version: .v3_0, day: "2010-01-01", recipient: did),
    ]
}
