import Foundation
import RelicensureApp
import TestSigning
import Testing

@Suite("Signed uploads and their issuers' revocation lists (SPEC §4.3, §5 step 3)")
struct UploadRevocationTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openbadges/ob2/1edtech-validator").standardizedFileURL

    static let issuer = "https://example.org/organization-with-revocation-list.json"
    static let revokedID = "https://example.org/beths-robotics-badge-revoked.json"

    /// Beth (nobody@example.org, the fixtures' recipient), licensed when the fixtures were issued,
    /// in a district that counts the fixtures' issuer.
    static func district(_ database: TestDatabase) throws -> SignedUploads {
        let roster = Sample.roster + "\n0040999,Beth,Robotics,nobody@example.org,,31,3101,Dickinson High School,continuing,2015-07-01,2020-06-30,\n"
        return try SignedUploads(database, extraConfig: """
            districts:
              - code: "31"
                name: "Red Clay"
                issuers:
                  - id: "\(issuer)"
                    name: "Example issuer"
                    hours: 5
                    approval: none
            """, roster: roster)
    }

    func copy(_ fixture: String, to path: String, in district: SignedUploads) throws {
        try district.workspace.write(path, try Data(contentsOf: Self.fixtures.appendingPathComponent(fixture)))
    }

    @Test("simple-revoked.jwt, verified with key3 from the inbox, is revoked by its issuer's list from the inbox")
    func revokedByInboxList() throws {
        try withTestDatabase { database in
            let district = try Self.district(database)
            for name in ["organization-with-revocation-list", "key3", "badge-from-organization-with-revocation-list", "revocation-list"] {
                try copy("assets/\(name).json", to: "inbox/example/\(name).json", in: district)
            }
            try copy("simple-revoked.jwt", to: "uploads/beth.jwt", in: district)
            _ = try district.night()
            #expect(try district.scalar("SELECT verification FROM awards WHERE award_id = '\(Self.revokedID)'") == "verified-by-signature")
            #expect(try district.scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(Self.revokedID)'") == "revoked")
            #expect(try district.creditedHours() == "0")
        }
    }

    @Test("The same list handed in through uploads revokes nothing: the verified upload is credited")
    func listInUploadsRevokesNothing() throws {
        try withTestDatabase { database in
            let district = try Self.district(database)
            for name in ["organization-with-revocation-list", "key3", "badge-from-organization-with-revocation-list"] {
                try copy("assets/\(name).json", to: "inbox/example/\(name).json", in: district)
            }
            try copy("assets/revocation-list.json", to: "uploads/revocation-list.json", in: district)
            try copy("simple-revoked.jwt", to: "uploads/beth.jwt", in: district)
            _ = try district.night()
            #expect(try district.scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(Self.revokedID)'") == "credited")
            #expect(try district.creditedHours() == "5")
        }
    }

    @Test("A list entry that names a legacy uid revokes the signed upload that carries it")
    func legacyUID() throws {
        try withTestDatabase { database in
            let ddoe = try TestKey(.p256)
            let district = try SignedUploads.pinning(ddoe, database)
            let payload = SignedUploads.assertion("legacy", badge: 0).replacingOccurrences(of: #""type": "Assertion","#,
                                                                                          with: #""type": "Assertion", "uid": "ddoe-1999","#)
            try district.workspace.write("uploads/legacy.jwt", try TokenForge.signed(payload, by: ddoe))
            try district.workspace.write("inbox/ddoe/revocations.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList", "id": "https://badges.doe.k12.de.us/revoked",
                 "issuer": "\(Sample.ddoe)", "revokedAssertions": [{"uid": "ddoe-1999", "revocationReason": "issued in error"}]}
                """)
            _ = try district.night()
            #expect(try district.outcome("legacy") == "revoked")
        }
    }
}
