import BadgeVerification
import Foundation
import OpenBadges
import TestSigning
import Testing

@Suite("Forged signed badges are never verified (SPEC §4.4)")
struct ForgeryTests {
    /// The issuer's real key, pinned as a bare PEM, and the verdict for `token` against it.
    func verdict(_ token: String, issuerKey: TestKey) throws -> SignatureVerdict {
        let pinned = try IssuerKeyDecoder.key(pem: issuerKey.publicPEM, id: nil, origin: "ddoe.pem")
        return SignedBadgeVerifier.verify(try Badges.read(token), issuerID: Badges.issuer, keys: [pinned])
    }

    func expectUnverified(_ verdict: SignatureVerdict, mentioning text: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .unverified(let reason) = verdict else {
            Issue.record("expected unverified, got \(verdict)", sourceLocation: sourceLocation)
            return
        }
        if let text {
            #expect(reason.contains(text), "reason: \(reason)", sourceLocation: sourceLocation)
        }
    }

    @Test("Signed by a key that is not the issuer's", arguments: TestKey.Kind.accepted)
    func wrongKey(kind: TestKey.Kind) throws {
        let issuer = try TestKey(kind), mallory = try TestKey(kind)
        expectUnverified(try verdict(try TokenForge.signed(Badges.assertion(), by: mallory), issuerKey: issuer),
                         mentioning: "does not check")
    }

    @Test("The payload changed after signing (recipient swapped)", arguments: TestKey.Kind.accepted)
    func tamperedPayload(kind: TestKey.Kind) throws {
        let issuer = try TestKey(kind)
        let genuine = try TokenForge.signed(Badges.assertion(email: "someone.else@example.org"), by: issuer)
        let forged = TokenForge.tampered(genuine, payload: Badges.assertion(email: "avery.abbott@k12.de.us"))
        expectUnverified(try verdict(forged, issuerKey: issuer), mentioning: "does not check")
    }

    @Test("Algorithms other than RS256, ES256 and EdDSA are refused before any key is tried", arguments: [
        "none", "None", "NONE", "HS256", "HS512", "RS512", "PS256", "ES384", "ES256K", "Ed25519", "",
    ])
    func refusedAlgorithms(name: String) throws {
        let issuer = try TestKey(.rsa(bits: 2048))
        let withSignature = try TokenForge.token(header: #"{"alg":"\#(name)"}"#, payload: Badges.assertion(), key: issuer)
        expectUnverified(try verdict(withSignature, issuerKey: issuer), mentioning: "is not accepted")
        let unsigned = try TokenForge.token(header: #"{"alg":"\#(name)"}"#, payload: Badges.assertion(), key: nil)
        expectUnverified(try verdict(unsigned, issuerKey: issuer), mentioning: "is not accepted")
    }

    @Test("A header without alg, or with alg that is not a string")
    func missingAlgorithm() throws {
        let issuer = try TestKey(.ed25519)
        for header in [#"{"typ":"JWT"}"#, #"{"alg":256}"#] {
            let token = try TokenForge.token(header: header, payload: Badges.assertion(), key: issuer)
            expectUnverified(try verdict(token, issuerKey: issuer))
        }
    }

    @Test("A header with critical extensions (crit, e.g. an unencoded payload) is not understood, so not verified")
    func criticalExtensions() throws {
        let issuer = try TestKey(.ed25519)
        let token = try TokenForge.signed(Badges.assertion(), by: issuer, extraHeader: #""b64":false,"crit":["b64"]"#)
        expectUnverified(try verdict(token, issuerKey: issuer), mentioning: "critical")
    }

    @Test("HS256 keyed with the issuer's public key (algorithm confusion)")
    func hmacWithPublicKey() throws {
        let issuer = try TestKey(.rsa(bits: 2048))
        let token = TokenForge.hmac(Badges.assertion(), secret: Array(issuer.publicPEM.utf8))
        expectUnverified(try verdict(token, issuerKey: issuer), mentioning: "HS256")
    }

    @Test("A header that names another algorithm than the issuer's key (EdDSA against an RSA key)")
    func algorithmAgainstKeyType() throws {
        let issuer = try TestKey(.rsa(bits: 2048)), mallory = try TestKey(.ed25519)
        expectUnverified(try verdict(try TokenForge.signed(Badges.assertion(), by: mallory), issuerKey: issuer),
                         mentioning: "no EdDSA key")
    }

    @Test("A key carried in the token itself (jwk, x5c, jku) is ignored", arguments: ["jwk", "x5c", "jku"])
    func keyInHeader(member: String) throws {
        let issuer = try TestKey(.p256), mallory = try TestKey(.p256)
        let extra: String = switch member {
        case "jwk": #""jwk":\#(mallory.publicJWK().serialized())"#
        case "x5c": #""x5c":["\#(mallory.publicPEM.split(separator: "\n").dropFirst().dropLast().joined())"]"#
        default: #""jku":"https://mallory.example/jwks.json""#
        }
        let token = try TokenForge.signed(Badges.assertion(), by: mallory, extraHeader: extra)
        expectUnverified(try verdict(token, issuerKey: issuer), mentioning: "does not check")
        // With no key on file for the issuer, the carried key still proves nothing.
        expectUnverified(SignedBadgeVerifier.verify(try Badges.read(token), issuerID: Badges.issuer, keys: []),
                         mentioning: "no ES256 key")
    }

    @Test("Another issuer's key does not vouch for this issuer's badge")
    func anotherIssuersKey() throws {
        let mallory = try TestKey(.ed25519)
        let keyring = IssuerKeyring(pinned: [Badges.otherIssuer: [try IssuerKeyDecoder.key(pem: mallory.publicPEM, id: nil, origin: "mallory.pem")]],
                                    trustedProfiles: [], trustedKeys: [])
        let assertion = try Badges.read(try TokenForge.signed(Badges.assertion(issuer: Badges.issuer), by: mallory))
        let issuerID = AwardIssuer.id(of: assertion, trustedBadgeIssuers: [:])
        #expect(issuerID == Badges.issuer)
        expectUnverified(SignedBadgeVerifier.verify(assertion, issuerID: issuerID, keys: keyring.keys(for: Badges.issuer ))
                         , mentioning: "no EdDSA key")
    }

    @Test("A kid that names no key of the issuer finds only the keys without an id")
    func unknownKid() throws {
        let issuer = try TestKey(.p256)
        let keys = [try IssuerKeyDecoder.key(jwk: issuer.publicJWK(kid: "2026"), id: nil, origin: "ddoe.jwk")]
        let token = try TokenForge.signed(Badges.assertion(), by: issuer, kid: "2099")
        expectUnverified(SignedBadgeVerifier.verify(try Badges.read(token), issuerID: Badges.issuer, keys: keys),
                         mentioning: "with id 2099")
    }

    @Test("No trusted source names the issuer (a BadgeClass known only from uploads)")
    func unknownIssuer() throws {
        let issuer = try TestKey(.ed25519)
        let payload = Badges.assertion().replacingOccurrences(
            of: #"{"type": "BadgeClass", "id": "https://badges.doe.k12.de.us/badgeclasses/formative-assessment","#,
            with: #""https://badges.doe.k12.de.us/badgeclasses/formative-assessment", "unused": {"#)
        let assertion = try Badges.read(try TokenForge.signed(payload, by: issuer))
        let issuerID = AwardIssuer.id(of: assertion, trustedBadgeIssuers: [:])
        #expect(issuerID == nil)
        let pinned = try IssuerKeyDecoder.key(pem: issuer.publicPEM, id: nil, origin: "ddoe.pem")
        expectUnverified(SignedBadgeVerifier.verify(assertion, issuerID: issuerID, keys: [pinned]), mentioning: "no trusted source")
    }

    @Test("VC-JWT claims that disagree with the credential", arguments: [
        #", "iss": "https://badges.example.org/issuers/mallory""#,
        #", "jti": "urn:uuid:00000000-0000-4000-8000-00000000dead""#,
        #", "sub": "did:example:mallory""#,
        #", "nbf": 1790859600"#,
        #", "iss": 42"#,
    ])
    func disagreeingClaims(claims: String) throws {
        let issuer = try TestKey(.ed25519)
        let token = try TokenForge.signed(Badges.credential(claims: claims), by: issuer)
        expectUnverified(try verdict(token, issuerKey: issuer), mentioning: "does not match")
    }

    @Test("A VC-JWT whose subject has no id may carry any sub; an expired one still verifies")
    func subjectWithoutID() throws {
        let issuer = try TestKey(.ed25519)
        let token = try TokenForge.signed(Badges.credential(subjectID: nil, claims: #", "sub": "did:example:anyone", "exp": 1"#), by: issuer)
        #expect(try verdict(token, issuerKey: issuer) == .verified(keyID: nil, origin: "ddoe.pem", rsaBits: nil))
    }

    @Test("An accepted algorithm with a token that is not a compact JWS is malformed")
    func malformed() throws {
        let issuer = try TestKey(.rsa(bits: 2048))
        let empty = try TokenForge.token(header: #"{"alg":"RS256"}"#, payload: Badges.assertion(), key: nil)
        let assertion = try Badges.read(empty)
        #expect(SignedBadgeVerifier.malformation(of: assertion) != nil)
        guard case .malformed = try verdict(empty, issuerKey: issuer) else {
            Issue.record("an empty signature with RS256 must be malformed")
            return
        }
        let impossibleLength = empty + "A"
        guard case .malformed = try verdict(impossibleLength, issuerKey: issuer) else {
            Issue.record("a signature segment of impossible length must be malformed")
            return
        }
        let none = try Badges.read(try TokenForge.token(header: #"{"alg":"none"}"#, payload: Badges.assertion(), key: nil))
        #expect(SignedBadgeVerifier.malformation(of: none) == nil)
    }

    @Test("An ES256 signature in DER form (not r ‖ s) does not check")
    func derSignature() throws {
        let issuer = try TestKey(.p256)
        let genuine = try TokenForge.signed(Badges.assertion(), by: issuer)
        let raw = try #require(Base64URL.decode(genuine.split(separator: ".")[2].utf8))
        var der: [UInt8] = [0x30, 0x44, 0x02, 0x20] + raw[0..<32]
        der += [0x02, 0x20] + raw[32..<64]
        let forged = genuine.split(separator: ".").prefix(2).joined(separator: ".") + "." + Base64URL.encode(der)
        expectUnverified(try verdict(forged, issuerKey: issuer), mentioning: "does not check")
    }
}
