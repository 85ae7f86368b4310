import BadgeVerification
import OpenBadges
import TestSigning
import Testing

@Suite("Genuine signed badges verify with a key of their own issuer (SPEC §4.4)")
struct GenuineSignatureTests {
    @Test("OB 2.0 signed assertions: RS256, ES256 and EdDSA with a pinned PEM (no id)", arguments: TestKey.Kind.accepted)
    func pinnedPEM(kind: TestKey.Kind) throws {
        let key = try TestKey(kind)
        let assertion = try Badges.read(try TokenForge.signed(Badges.assertion(), by: key))
        let pinned = try IssuerKeyDecoder.key(pem: key.publicPEM, id: nil, origin: "ddoe.pem")
        let verdict = SignedBadgeVerifier.verify(assertion, issuerID: Badges.issuer, keys: [pinned])
        #expect(verdict == .verified(keyID: nil, origin: "ddoe.pem", rsaBits: pinned.rsaBits))
    }

    @Test("OB 3.0 VC-JWTs whose claims agree, with a kid that selects a JWK among several", arguments: TestKey.Kind.accepted)
    func credentialWithKid(kind: TestKey.Kind) throws {
        let key = try TestKey(kind), other = try TestKey(kind)
        let claims = #", "iss": "\#(Badges.issuer)", "jti": "urn:uuid:6f3c1d1e-0000-4000-8000-000000000001", "sub": "did:example:avery", "nbf": 1790856000, "exp": 1000"#
        let token = try TokenForge.signed(Badges.credential(claims: claims), by: key, kid: "2026")
        let assertion = try Badges.read(token)
        let keys = [try IssuerKeyDecoder.key(jwk: other.publicJWK(kid: "2025"), id: nil, origin: "old.jwk"),
                    try IssuerKeyDecoder.key(jwk: key.publicJWK(kid: "2026"), id: nil, origin: "new.jwk")]
        let verdict = SignedBadgeVerifier.verify(assertion, issuerID: Badges.issuer, keys: keys)
        #expect(verdict == .verified(keyID: "2026", origin: "new.jwk", rsaBits: keys[1].rsaBits))
    }

    @Test("Algorithm names are matched without regard to case", arguments: ["rs256", "Rs256", "RS256"])
    func algorithmCase(name: String) throws {
        let key = try TestKey(.rsa(bits: 2048))
        let token = try TokenForge.token(header: #"{"alg":"\#(name)"}"#, payload: Badges.assertion(), key: key)
        let pinned = try IssuerKeyDecoder.key(pem: key.publicPEM, id: nil, origin: "ddoe.pem")
        #expect(SignedBadgeVerifier.verify(try Badges.read(token), issuerID: Badges.issuer, keys: [pinned])
                == .verified(keyID: nil, origin: "ddoe.pem", rsaBits: 2048))
    }

    @Test("OB 2.0 verification.creator selects the key when there is no kid; the kid wins when both are there")
    func creatorSelects() throws {
        let key = try TestKey(.p256), other = try TestKey(.p256)
        let keys = [try IssuerKeyDecoder.key(jwk: other.publicJWK(), id: "https://ddoe.example/keys/1", origin: "profile"),
                    try IssuerKeyDecoder.key(jwk: key.publicJWK(), id: "https://ddoe.example/keys/2", origin: "profile")]
        let byCreator = try Badges.read(try TokenForge.signed(Badges.assertion(creator: "https://ddoe.example/keys/2"), by: key))
        #expect(SignedBadgeVerifier.verify(byCreator, issuerID: Badges.issuer, keys: keys)
                == .verified(keyID: "https://ddoe.example/keys/2", origin: "profile", rsaBits: nil))
        let kidWins = try Badges.read(try TokenForge.signed(Badges.assertion(creator: "https://ddoe.example/keys/2"), by: key,
                                                            kid: "https://ddoe.example/keys/1"))
        guard case .unverified = SignedBadgeVerifier.verify(kidWins, issuerID: Badges.issuer, keys: keys) else {
            Issue.record("the kid must select key 1, which did not sign")
            return
        }
    }

    @Test("A 1024-bit RSA key verifies and says its size, so that it can be logged")
    func weakRSA() throws {
        let key = try TestKey(.rsa(bits: 1024))
        let pinned = try IssuerKeyDecoder.key(pem: key.publicPEM, id: nil, origin: "old.pem")
        let assertion = try Badges.read(try TokenForge.signed(Badges.assertion(), by: key))
        #expect(SignedBadgeVerifier.verify(assertion, issuerID: Badges.issuer, keys: [pinned])
                == .verified(keyID: nil, origin: "old.pem", rsaBits: 1024))
    }

    @Test("White space around the token is ignored, and a baked SVG's verify token is judged alone")
    func whiteSpaceAndSVG() throws {
        let key = try TestKey(.ed25519)
        let token = try TokenForge.signed(Badges.assertion(), by: key)
        let pinned = try IssuerKeyDecoder.key(pem: key.publicPEM, id: nil, origin: "ddoe.pem")
        let spaced = try Badges.read("\n  \(token) \r\n")
        #expect(SignedBadgeVerifier.verify(spaced, issuerID: Badges.issuer, keys: [pinned]) == .verified(keyID: nil, origin: "ddoe.pem", rsaBits: nil))
        let forgedBody = Badges.assertion(email: "mallory@example.org").replacingOccurrences(of: "\"verification\": {\"type\": \"signed\"}", with: "\"verification\": {\"type\": \"hosted\"}")
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
            <openbadges:assertion verify="\(token)"><![CDATA[\(forgedBody)]]></openbadges:assertion></svg>
            """
        let baked = try Badges.read(svg, fileName: "badge.svg")
        #expect(baked.recipient?.identity == "avery.abbott@k12.de.us")
        #expect(SignedBadgeVerifier.verify(baked, issuerID: Badges.issuer, keys: [pinned]) == .verified(keyID: nil, origin: "ddoe.pem", rsaBits: nil))
    }
}
