import Foundation
import Testing
import OpenBadges

@Suite struct TokenTests {
    private func token(header: String = #"{"alg":"RS256"}"#, payload: String, signature: String = "c2ln") -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + signature
    }

    private func read(_ text: String, name: String = "t.jwt") -> ReadContent? {
        BadgeReader.read(Array(text.utf8), fileName: name).items.first?.content
    }

    @Test func aSignedOpenBadges2AssertionKeepsItsToken() throws {
        let bytes = try Fixtures.bytes("ob2/1edtech-validator/simple.jwt")
        let assertion = try Fixtures.assertion("ob2/1edtech-validator/simple.jwt")
        #expect(assertion.signedToken == String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(assertion.tokenHeader?["alg"]?.stringValue == "RS256")
        #expect(assertion.verification.kind == .signed)
        #expect(assertion.verification.creator == "http://example.org/key1.json")
        #expect(assertion.document["type"]?.stringValue == "Assertion")
        #expect(assertion.tokenClaims == assertion.document)
    }

    @Test func theSpecExamplePayloadIsTheOneInsideTheToken() throws {
        let fromToken = try Fixtures.assertion("ob2/spec/signed-assertion-example.jws")
        let fromFile = try Fixtures.assertion("ob2/spec/signed-assertion-example.jws.payload.json")
        #expect(fromToken.document == fromFile.document)
        #expect(fromToken.verification.creator == "https://example.org/publicKey")
    }

    @Test func aVC11TokenTakesMissingPropertiesFromItsClaims() throws {
        let vc = #"{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","OpenBadgeCredential"],"credentialSubject":{"achievement":{"id":"https://i.example/a","name":"A"}}}"#
        let payload = #"{"vc":\#(vc),"iss":"https://i.example","nbf":1262304000,"jti":"urn:uuid:77","sub":"did:example:42","exp":1893456000}"#
        let assertion = try #require(read(token(payload: payload))?.assertion)
        #expect(assertion.awardID == "urn:uuid:77")
        #expect(assertion.issuerID == "https://i.example")
        #expect(utcDay(assertion.awardedAt) == "2010-01-01")
        #expect(utcDay(assertion.expires) == "2030-01-01")
        #expect(assertion.recipient?.identity == "did:example:42")
        #expect(assertion.document == (try JSONValue(parsing: vc)))
        #expect(assertion.tokenClaims?["jti"]?.stringValue == "urn:uuid:77")
        #expect(assertion.verification.kind == .signed)
    }

    @Test func theLegacyOpenBadges3TokenHasNoAchievement() throws {
        let reason = try Fixtures.item("ob3/1edtech-validator/simple.jwt").content.invalidReason
        #expect(reason?.code == "missing_field:credentialSubject.achievement")
    }

    @Test func surroundingWhiteSpaceIsIgnored() {
        let text = "\n  " + token(payload: BundleTests.good1) + " \r\n"
        #expect(read(text)?.assertion?.signedToken == token(payload: BundleTests.good1))
    }

    @Test(arguments: [
        ("abc.def", "bad_token"),
        ("a.b.c.d", "bad_token"),
        ("eyJhbGciOiJSUzI1NiJ9..c2ln", "bad_token"),
        ("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ==.c2ln", "bad_token"),
        ("eyJhbGciOiJSUzI1NiJ9.eyJhI+oxfQ.c2ln", "bad_token"),
        ("e.eyJhIjoxfQ.c2ln", "bad_token"),
        ("bm90IGpzb24.eyJhIjoxfQ.c2ln", "bad_token"),
        ("WzFd.eyJhIjoxfQ.c2ln", "bad_token"),
        ("eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln", "bad_token"),
        ("   ", "bad_token"),
    ])
    func malformedTokensAreBadTokens(text: String, code: String) {
        let reason = read(text)?.invalidReason
        #expect(reason?.code == code, "\(text): \(String(describing: reason))")
    }

    @Test func aTokenWithoutSignatureIsReadForVerificationToJudge() {
        let unsigned = token(header: #"{"alg":"none"}"#, payload: BundleTests.good1, signature: "")
        #expect(read(unsigned)?.assertion?.tokenHeader?["alg"]?.stringValue == "none")
    }

    @Test func aTokenSavedAsJSONIsExplained() throws {
        let reason = read(token(payload: BundleTests.good1), name: "t.json")?.invalidReason
        #expect(reason?.code == "malformed_json")
        #expect(reason?.message.contains(".jwt") == true)
    }

    @Test func base64URLRoundTrips() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Array(Base64URL.encode(bytes).utf8)) == bytes)
        }
        #expect(Base64URL.encode(Array("{\"alg\":\"RS256\"}".utf8)) == "eyJhbGciOiJSUzI1NiJ9")
        #expect(Base64URL.decode(Array("a".utf8)) == nil)
    }
}
