import Foundation
import OpenBadges
import RelicensureApp
import TestSigning
import Testing

@Suite("OB 3.0 credentials revoked by status lists and 1EdTech revocation lists from trusted sources (SPEC §5 step 3)")
struct StatusListRevocationTests {
    static let listID = "https://badges.doe.k12.de.us/status/1"
    /// The 1EdTech validator's test list: 131,072 bits, only bit 23 set.
    static let bitstring = "uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA"

    /// A DDOE credential for Avery naming `status` (JSON text).
    static func credential(_ id: String, status: String) -> String {
        SignedUploads.credential(id, extra: #", "credentialStatus": \#(status)"#)
    }

    static func entry(_ index: Int, type: String = "BitstringStatusListEntry", list: String = listID) -> String {
        #"{"id": "\#(list)#\#(index)", "type": "\#(type)", "statusPurpose": "revocation", "statusListIndex": "\#(index)", "statusListCredential": "\#(list)"}"#
    }

    static func statusList(id: String = listID, issuer: String = Sample.ddoe, type: String = "BitstringStatusListCredential",
                           encoded: String = bitstring) -> String {
        """
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "\(id)", "type": ["VerifiableCredential", "\(type)"],
         "issuer": "\(issuer)", "validFrom": "2026-01-01T00:00:00Z",
         "credentialSubject": {"id": "\(id)#list", "type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": "\(encoded)"}}
        """
    }

    @Test("A set bit revokes, a clear bit does not; a list from uploads or from another issuer revokes nothing")
    func bitstringStatusList() throws {
        try withTestDatabase { database in
            let district = try SignedUploads(database)
            let other = "https://badges.doe.k12.de.us/status/other"
            let fromUploads = "https://badges.doe.k12.de.us/status/uploaded"
            try district.workspace.write("inbox/status/list.json", Self.statusList())
            try district.workspace.write("inbox/status/other.json", Self.statusList(id: other, issuer: "https://mallory.example/issuer"))
            try district.workspace.write("uploads/list.json", Self.statusList(id: fromUploads))
            try district.workspace.write("inbox/set.json", Self.credential("set", status: Self.entry(23)))
            try district.workspace.write("inbox/clear.json", Self.credential("clear", status: Self.entry(22)))
            try district.workspace.write("inbox/other.json", Self.credential("other", status: Self.entry(23, list: other)))
            try district.workspace.write("inbox/uploaded.json", Self.credential("uploaded", status: Self.entry(23, list: fromUploads)))
            try district.workspace.write("inbox/many.json", Self.credential("many", status: "[\(Self.entry(22)), \(Self.entry(23))]"))
            _ = try district.night()
            #expect(try district.outcome("set") == "revoked")
            #expect(try district.outcome("many") == "revoked")
            #expect(try district.outcome("clear") == "credited")
            #expect(try district.outcome("other") == "credited")
            #expect(try district.outcome("uploaded") == "credited")
        }
    }

    @Test("StatusList2021 (base64 without the multibase prefix) and a 1EdTech revocation list (revokedCredentials)")
    func olderForms() throws {
        try withTestDatabase { database in
            let district = try SignedUploads(database)
            let list2021 = "https://badges.doe.k12.de.us/status/2021"
            try district.workspace.write("inbox/status/2021.json", Self.statusList(id: list2021, type: "StatusList2021Credential",
                                                                                    encoded: String(Self.bitstring.dropFirst())))
            try district.workspace.write("inbox/a2021.json", Self.credential("a2021", status: Self.entry(23, type: "StatusList2021Entry", list: list2021)))
            try district.workspace.write("inbox/status/1edtech.json", """
                {"id": "https://badges.doe.k12.de.us/revocations", "issuer": "\(Sample.ddoe)",
                 "revokedCredentials": [{"id": "\(SignedUploads.awardID("listed"))", "revocationReason": "awarded in error"}]}
                """)
            try district.workspace.write("inbox/listed.json", Self.credential("listed", status: """
                {"id": "https://badges.doe.k12.de.us/revocations", "type": "1EdTechRevocationList"}
                """))
            _ = try district.night()
            #expect(try district.outcome("a2021") == "revoked")
            #expect(try district.outcome("listed") == "revoked")
        }
    }

    @Test("A signed upload is revoked by its issuer's status list; a list arriving a night later reverses a posted credit")
    func signedUploadAndLaterList() throws {
        try withTestDatabase { database in
            let key = try TestKey(.ed25519)
            let district = try SignedUploads.pinning(key, database)
            try district.workspace.write("uploads/vc.jwt", try TokenForge.signed(Self.credential("vc", status: Self.entry(23)), by: key))
            let first = try district.night()
            #expect(first.postings.map(\.awardID) == [SignedUploads.awardID("vc")])
            try district.workspace.write("inbox/status/list.json", Self.statusList())
            let second = try district.night("2026-11-21")
            #expect(second.postings.map(\.action) == [.reverse])
            #expect(try district.outcome("vc") == "revoked")
        }
    }
}
