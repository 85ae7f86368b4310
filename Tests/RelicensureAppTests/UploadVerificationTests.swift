import Foundation
import OpenBadges
import RelicensureApp
import TestSigning
import Testing

@Suite("Uploads are credited only when proven, on the night they can be (SPEC §4.4)")
struct UploadVerificationTests {
    @Test("RS256, ES256 and EdDSA uploads signed with keys pinned for the issuer are credited; several keys per issuer")
    func pinnedKeys() throws {
        try withTestDatabase { database in
            let rsa = try TestKey(.rsa(bits: 2048)), ec = try TestKey(.p256), ed = try TestKey(.ed25519)
            let district = try SignedUploads(database, pinned: [("ddoe-rsa.pem", rsa.publicPEM),
                                                                ("ddoe-ec.jwk", ec.publicJWK(kid: "ec-2026").serialized()),
                                                                ("ddoe-ed.json", #"{"keys": [\#(ed.publicJWK(kid: "ed-1").serialized())]}"#)])
            try district.workspace.write("uploads/rsa.jwt", try TokenForge.signed(SignedUploads.assertion("u-rsa", badge: 0), by: rsa))
            try district.workspace.write("uploads/ec.jwt", try TokenForge.signed(SignedUploads.assertion("u-ec", badge: 1), by: ec, kid: "ec-2026"))
            try district.workspace.write("uploads/ed.jws", try TokenForge.signed(SignedUploads.assertion("u-ed", badge: 2), by: ed))
            try district.workspace.write("uploads/plain.json", SignedUploads.assertion("u-plain", badge: 3))
            let summary = try district.night()
            #expect(summary.outcomes["credited"] == 3)
            for id in ["u-rsa", "u-ec", "u-ed"] {
                #expect(try district.outcome(id) == "credited")
                #expect(try district.verification(id) == "verified-by-signature")
            }
            #expect(try district.outcome("u-plain") == "unverified")
            #expect(try district.verification("u-plain")?.hasPrefix("unverified: the badge is not signed") == true)
            #expect(try district.creditedHours() == "30")
        }
    }

    @Test("An upload signed with a key the issuer's inbox profile lists is credited; a profile planted in uploads vouches for nothing")
    func profileKeys() throws {
        try withTestDatabase { database in
            let issuerKey = try TestKey(.p256), mallory = try TestKey(.p256)
            let district = try SignedUploads(database)
            let keyID = "https://badges.doe.k12.de.us/keys/2026"
            try district.workspace.write("inbox/ddoe/issuer.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(Sample.ddoe)",
                 "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us", "publicKey": "\(keyID)"}
                """)
            try district.workspace.write("inbox/ddoe/key-2026.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": "\(keyID)",
                 "owner": "\(Sample.ddoe)", "publicKeyPem": \(JSONValue.string(issuerKey.publicPEM).serialized())}
                """)
            try district.workspace.write("uploads/genuine.jwt", try TokenForge.signed(SignedUploads.assertion("g", badge: 0), by: issuerKey, kid: keyID))
            // Mallory's profile for the same issuer id, her key document, and a badge she signed.
            try district.workspace.write("uploads/profile.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(Sample.ddoe)",
                 "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us",
                 "publicKey": [{"id": "https://mallory.example/key", "publicKeyPem": \(JSONValue.string(mallory.publicPEM).serialized())}]}
                """)
            try district.workspace.write("uploads/key.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": "\(keyID)",
                 "owner": "\(Sample.ddoe)", "publicKeyPem": \(JSONValue.string(mallory.publicPEM).serialized())}
                """)
            try district.workspace.write("uploads/forged.jwt", try TokenForge.signed(SignedUploads.assertion("f", badge: 1), by: mallory, kid: keyID))
            try district.workspace.write("uploads/forged-nokid.jwt", try TokenForge.signed(SignedUploads.assertion("f2", badge: 2), by: mallory))
            _ = try district.night()
            #expect(try district.outcome("g") == "credited")
            #expect(try district.outcome("f") == "unverified")
            #expect(try district.outcome("f2") == "unverified")
            #expect(try district.verification("f")?.contains("does not check") == true)
            #expect(try district.creditedHours() == "10")
        }
    }

    @Test("A key that arrives in the inbox a night later takes effect that night")
    func keyArrivesLater() throws {
        try withTestDatabase { database in
            let key = try TestKey(.ed25519)
            let district = try SignedUploads(database)
            try district.workspace.write("uploads/early.jwt", try TokenForge.signed(SignedUploads.assertion("early", badge: 0), by: key, kid: "k1"))
            _ = try district.night()
            #expect(try district.outcome("early") == "unverified")
            #expect(try district.verification("early")?.contains("no EdDSA key") == true)

            try district.workspace.write("inbox/ddoe/issuer.json", """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(Sample.ddoe)",
                 "name": "Delaware Department of Education", "url": "https://www.doe.k12.de.us",
                 "publicKey": [{"id": "k1", "publicKeyJwk": \(key.publicJWK().serialized())}]}
                """)
            let second = try district.night("2026-11-21")
            #expect(second.postings.map(\.awardID) == [SignedUploads.awardID("early")])
            #expect(try district.verification("early") == "verified-by-signature")
        }
    }

    @Test("Best copy: a forged copy first and the genuine one a night later — the genuine one is credited")
    func genuineCopyLater() throws {
        try withTestDatabase { database in
            let key = try TestKey(.rsa(bits: 2048)), mallory = try TestKey(.rsa(bits: 2048))
            let district = try SignedUploads.pinning(key, database)
            try district.workspace.write("uploads/forged.jwt", try TokenForge.signed(SignedUploads.assertion("x", badge: 0), by: mallory))
            try district.workspace.write("uploads/forged.json", SignedUploads.assertion("y", badge: 1))
            _ = try district.night()
            #expect(try district.outcome("x") == "unverified")
            #expect(try district.outcome("y") == "unverified")

            try district.workspace.write("uploads/genuine-x.jwt", try TokenForge.signed(SignedUploads.assertion("x", badge: 0), by: key))
            try district.workspace.write("uploads/genuine-y.jwt", try TokenForge.signed(SignedUploads.assertion("y", badge: 1), by: key))
            _ = try district.night("2026-11-21")
            #expect(try district.outcome("x") == "credited")
            #expect(try district.outcome("y") == "credited")
            #expect(try district.sourcePath("x")?.hasSuffix("genuine-x.jwt") == true)
        }
    }

    @Test("Best copy: a verified upload is never shadowed by a later forged copy; an inbox copy replaces an unverified upload")
    func forgedCopyLater() throws {
        try withTestDatabase { database in
            let key = try TestKey(.ed25519), mallory = try TestKey(.ed25519)
            let district = try SignedUploads.pinning(key, database)
            try district.workspace.write("uploads/genuine.jwt", try TokenForge.signed(SignedUploads.assertion("v", badge: 0), by: key))
            try district.workspace.write("uploads/claim.json", SignedUploads.assertion("w", badge: 1))
            _ = try district.night()
            #expect(try district.outcome("v") == "credited")
            #expect(try district.outcome("w") == "unverified")

            try district.workspace.write("uploads/forged.jwt", try TokenForge.signed(
                SignedUploads.assertion("v", badge: 0, email: "jordan.bishop@k12.de.us"), by: mallory))
            try district.workspace.write("inbox/w.json", SignedUploads.assertion("w", badge: 1))
            let second = try district.night("2026-11-21")
            #expect(second.postings.map(\.awardID) == [SignedUploads.awardID("w")])
            #expect(try district.sourcePath("v")?.hasSuffix("genuine.jwt") == true)
            #expect(try district.verification("w") == "trusted-channel")
            #expect(try district.creditedHours() == "20")
        }
    }

    @Test("A broken key file in verification.keys stops the night with exit 2, naming the file")
    func brokenKeyFile() throws {
        try withTestDatabase { database in
            let district = try SignedUploads(database, pinned: [("ddoe.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")])
            #expect {
                try district.night()
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .usage && error.message.contains("keys/ddoe.pem")
            }
        }
    }
}
