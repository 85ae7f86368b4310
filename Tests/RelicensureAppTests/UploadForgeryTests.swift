import Foundation
import OpenBadges
import RelicensureApp
import TestSigning
import Testing

@Suite("A forged badge is never credited (issue 7, SPEC §4.4)")
struct UploadForgeryTests {
    static let nea = "https://api.badgr.io/public/issuers/nea"

    @Test("Wrong key, tampering, alg none, HS256 with the public key, header keys, another issuer's key, disagreeing claims, another person's hash")
    func corpus() throws {
        try withTestDatabase { database in
            let ddoe = try TestKey(.rsa(bits: 2048)), nea = try TestKey(.ed25519), mallory = try TestKey(.rsa(bits: 2048))
            let district = try SignedUploads(database, pinned: [("ddoe.pem", ddoe.publicPEM)],
                                             pinnedElsewhere: [(Self.nea, "nea.pem", nea.publicPEM)])
            func a(_ id: String, _ badge: Int, _ email: String) -> String { SignedUploads.assertion(id, badge: badge, email: email) }
            var forged: [String: String] = [:]
            forged["wrong-key"] = try TokenForge.signed(a("wrong-key", 0, "avery.abbott@k12.de.us"), by: mallory)
            forged["tampered"] = TokenForge.tampered(try TokenForge.signed(a("tampered", 1, "someone.else@example.org"), by: ddoe),
                                                     payload: a("tampered", 1, "avery.abbott@k12.de.us"))
            forged["none"] = try TokenForge.token(header: #"{"alg":"none"}"#, payload: a("none", 2, "avery.abbott@k12.de.us"), key: nil)
            forged["none-signed"] = try TokenForge.token(header: #"{"alg":"nOnE"}"#, payload: a("none-signed", 3, "avery.abbott@k12.de.us"), key: ddoe)
            forged["hs256"] = TokenForge.hmac(a("hs256", 4, "avery.abbott@k12.de.us"), secret: Array(ddoe.publicPEM.utf8))
            forged["jwk"] = try TokenForge.signed(a("jwk", 5, "avery.abbott@k12.de.us"), by: mallory,
                                                  extraHeader: #""jwk":\#(mallory.publicJWK().serialized())"#)
            forged["jku"] = try TokenForge.signed(a("jku", 0, "jordan.bishop@k12.de.us"), by: mallory,
                                                  extraHeader: #""jku":"https://mallory.example/jwks.json","x5u":"https://mallory.example/c.pem""#)
            forged["x5c"] = try TokenForge.signed(a("x5c", 1, "jordan.bishop@k12.de.us"), by: mallory,
                                                  extraHeader: #""x5c":["MIIB"]"#)
            forged["other-issuer"] = try TokenForge.signed(a("other-issuer", 2, "jordan.bishop@k12.de.us"), by: nea)
            forged["claims"] = try TokenForge.signed(SignedUploads.credential("claims", extra: #", "iss": "\#(Self.nea)""#), by: ddoe)
            let hashedElsewhere = Sample.assertion("hash-swap", recipient: Sample.hashed("someone.else@example.org", salt: "s"),
                                                   badge: "data-driven-instruction")
            forged["hash-swap"] = TokenForge.tampered(try TokenForge.signed(hashedElsewhere, by: ddoe), payload: Sample.assertion(
                "hash-swap", recipient: Sample.hashed("avery.abbott@k12.de.us", salt: "s"), badge: "data-driven-instruction"))
            for (name, token) in forged { try district.workspace.write("uploads/\(name).jwt", token) }
            // Genuine, but for a person who is not on the roster: verified, and credits no one.
            try district.workspace.write("uploads/elsewhere.jwt", try TokenForge.signed(Sample.assertion(
                "elsewhere", recipient: Sample.hashed("someone.else@example.org", salt: "s"), badge: "culturally-responsive"), by: ddoe))
            // A genuine VC-JWT whose claims agree, to show the corpus is judged, not refused wholesale.
            try district.workspace.write("uploads/vc.jwt", try TokenForge.signed(SignedUploads.credential(
                "vc", extra: #", "iss": "\#(Sample.ddoe)", "jti": "\#(SignedUploads.awardID("vc"))", "nbf": 1790856000"#), by: ddoe))

            let summary = try district.night()
            for name in forged.keys.sorted() {
                #expect(try district.outcome(name) == "unverified", "\(name)")
                #expect(try district.verification(name)?.hasPrefix("unverified: ") == true, "\(name)")
            }
            #expect(try district.outcome("elsewhere") == "unmatched_recipient")
            #expect(try district.verification("elsewhere") == "verified-by-signature")
            #expect(try district.outcome("vc") == "credited")
            #expect(summary.postings.map(\.awardID) == [SignedUploads.awardID("vc")])
        }
    }

    @Test("A malformed token with a genuine award's id is invalid under its own hash and shadows nothing")
    func malformedDoesNotShadow() throws {
        try withTestDatabase { database in
            let ddoe = try TestKey(.p256)
            let district = try SignedUploads(database, pinned: [("ddoe.jwk", ddoe.publicJWK().serialized())])
            let payload = SignedUploads.assertion("m", badge: 0)
            try district.workspace.write("uploads/a-broken.jwt", try TokenForge.token(header: #"{"alg":"ES256"}"#, payload: payload, key: nil))
            _ = try district.night()
            #expect(try district.outcome("m") == nil)
            #expect(try district.scalar("SELECT invalid_detail FROM awards WHERE source_path LIKE '%a-broken.jwt'") == "bad_token")
            try district.workspace.write("uploads/b-genuine.jwt", try TokenForge.signed(payload, by: ddoe))
            _ = try district.night("2026-11-21")
            #expect(try district.outcome("m") == "credited")
        }
    }

    @Test("A signed upload its issuer says is revoked — in the assertion itself, or by a revocation-only notice in the inbox — is never credited")
    func revokedAssertions() throws {
        try withTestDatabase { database in
            let ddoe = try TestKey(.ed25519)
            let district = try SignedUploads.pinning(ddoe, database)
            let selfRevoked = SignedUploads.assertion("self-revoked", badge: 0).replacingOccurrences(
                of: #""verification": {"type": "hosted"}"#, with: #""verification": {"type": "signed"}, "revoked": true"#)
            try district.workspace.write("uploads/self-revoked.jwt", try TokenForge.signed(selfRevoked, by: ddoe))
            try district.workspace.write("uploads/noticed.jwt", try TokenForge.signed(SignedUploads.assertion("noticed", badge: 1), by: ddoe))
            try district.workspace.write("inbox/notice.json", #"{"id": "\#(SignedUploads.awardID("noticed"))", "revoked": true}"#)
            // A revocation notice in uploads revokes nothing: this one stays credited.
            try district.workspace.write("uploads/kept.jwt", try TokenForge.signed(SignedUploads.assertion("kept", badge: 2), by: ddoe))
            try district.workspace.write("uploads/notice.json", #"{"id": "\#(SignedUploads.awardID("kept"))", "revoked": true}"#)
            _ = try district.night()
            #expect(try district.outcome("self-revoked") == "revoked")
            #expect(try district.outcome("noticed") == "revoked")
            #expect(try district.outcome("kept") == "credited")
            #expect(try district.creditedHours() == "10")
        }
    }
}
