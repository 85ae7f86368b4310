import Foundation
import Testing
import OpenBadges

@Suite struct BakedPNGTests {
    static let assertionText = Array(BundleTests.good1.utf8)

    private func read(_ png: [UInt8], limits: ReadLimits = .standard) -> ReadItem? {
        BadgeReader.read(png, fileName: "badge.png", limits: limits).items.first
    }

    @Test(arguments: ["openbadges", "openbadgecredential"])
    func anITXtChunkIsRead(keyword: String) throws {
        let item = try #require(read(PNGBuilder.png([PNGBuilder.iTXt(keyword, Self.assertionText)])))
        #expect(item.content.assertion?.awardID == "urn:a1")
        #expect(item.sha256 == ContentHash.sha256Hex(Self.assertionText))
    }

    @Test func theLanguageTagAndTranslatedKeywordAreSkipped() throws {
        let chunk = PNGBuilder.iTXt("openbadges", Self.assertionText, language: "en-US", translated: "Offene Abzeichen")
        #expect(read(PNGBuilder.png([chunk]))?.content.assertion?.awardID == "urn:a1")
    }

    @Test func compressedITXtAndZTXtAreInflated() throws {
        let stored = PNGBuilder.iTXt("openbadges", Self.assertionText, compressed: true)
        #expect(read(PNGBuilder.png([stored]))?.content.assertion?.awardID == "urn:a1")
        let dynamic = PNGBuilder.iTXtCompressed("openbadges", zlib: InflateTests.dynamicBytes)
        let item = try #require(read(PNGBuilder.png([dynamic])))
        #expect(item.content.assertion?.awardID == "https://badges.doe.k12.de.us/assertions/compressed-1")
        #expect(item.sha256 == ContentHash.sha256Hex(Array(InflateTests.text.utf8)))  // of the inflated text
        let zTXt = PNGBuilder.zTXt("openbadges", zlib: InflateTests.dynamicBytes)
        #expect(read(PNGBuilder.png([zTXt]))?.content.assertion?.awardID == "https://badges.doe.k12.de.us/assertions/compressed-1")
    }

    @Test func tEXtIsTheFallbackAndITXtIsPreferred() throws {
        let other = Array(BundleTests.good1.replacingOccurrences(of: "urn:a1", with: "urn:a2").utf8)
        #expect(read(PNGBuilder.png([PNGBuilder.tEXt("openbadges", other)]))?.content.assertion?.awardID == "urn:a2")
        let both = PNGBuilder.png([PNGBuilder.tEXt("openbadges", other)], afterImageData: [PNGBuilder.iTXt("openbadges", Self.assertionText)])
        #expect(read(both)?.content.assertion?.awardID == "urn:a1")
    }

    @Test func otherTextChunksAreIgnored() {
        let png = PNGBuilder.png([PNGBuilder.tEXt("Software", Array("GIMP".utf8)), PNGBuilder.iTXt("Comment", Array("{}".utf8))])
        #expect(read(png)?.content.invalidReason?.code == "no_badge_data")
    }

    @Test func aLatin1TEXtIsConverted() throws {
        let latin1 = Array(#"{"type":"Issuer","id":"urn:i","name":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        guard case .issuer(let issuer)? = read(PNGBuilder.png([PNGBuilder.tEXt("openbadges", latin1)]))?.content else {
            Issue.record("not read"); return
        }
        #expect(issuer.name == "Café")
    }

    @Test func aBakedURLIsAHostedAssertionToFetch() throws {
        let png = PNGBuilder.png([PNGBuilder.tEXt("openbadges", Array("https://badges.example/assertions/9 ".utf8))])
        guard case .assertionURL(let url)? = read(png)?.content else { Issue.record("not a URL"); return }
        #expect(url == "https://badges.example/assertions/9")
        let junk = PNGBuilder.png([PNGBuilder.iTXt("openbadges", Array("hello".utf8))])
        #expect(read(junk)?.content.invalidReason?.code == "unsupported_format")
    }

    @Test func aBakedTokenKeepsItsToken() throws {
        let assertion = try Fixtures.assertion("baked/ob3-1edtech-simple-jwt.png")
        #expect(assertion.signedToken?.hasPrefix("eyJhbGciOiJSUzI1") == true)
        #expect(assertion.tokenHeader?["jwk"]?["kty"]?.stringValue == "RSA")
        #expect(assertion.tokenClaims?["iss"]?.stringValue == "https://1edtech.edu/issuers/565049")
        #expect(assertion.tokenClaims?["sub"] == nil)
        #expect(assertion.verification.kind == .signed)
    }

    @Test func theSameAwardBakedBundledOrPlainHasTheSameID() throws {
        let withID = BundleTests.good1
        let withoutID = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","recipient":{"type":"email","identity":"a@b.c"},"badge":"urn:b","issuedOn":"2024-09-01T12:00:00Z"}"#
        for text in [withID, withoutID] {
            let bytes = Array(text.utf8)
            let plain = try #require(BadgeReader.read(bytes, fileName: "a.json").items.first?.content.assertion)
            let bundled = try #require(BadgeReader.read(Array("\(BundleTests.good2)\n\(text)\r\n".utf8), fileName: "a.jsonl").items.last?.content.assertion)
            let baked = try #require(read(PNGBuilder.png([PNGBuilder.iTXt("openbadges", bytes)]))?.content.assertion)
            let zipped = try #require(read(PNGBuilder.png([PNGBuilder.zTXt("openbadges", zlib: PNGBuilder.zlibStored(bytes))]))?.content.assertion)
            #expect(plain.awardID == bundled.awardID)
            #expect(plain.awardID == baked.awardID)
            #expect(plain.awardID == zipped.awardID)
        }
    }

    // MARK: - Broken images

    @Test func aBadCRCIsReported() {
        var png = PNGBuilder.png([PNGBuilder.iTXt("openbadges", Self.assertionText)])
        png[60] ^= 0x20   // inside the iTXt text
        let reason = read(png)?.content.invalidReason
        #expect(reason?.code == "bad_png")
        #expect(reason?.message.contains("CRC") == true)
    }

    @Test func aChunkLengthPastTheEndIsReported() {
        var png = PNGBuilder.png([PNGBuilder.iTXt("openbadges", Self.assertionText)])
        let offset = PNGBuilder.signature.count + PNGBuilder.header.count
        png.replaceSubrange(offset..<offset + 4, with: PNGBuilder.bigEndian(0x7FFF_FFF0))
        let reason = read(png)?.content.invalidReason
        #expect(reason?.code == "bad_png")
        #expect(reason?.message.contains("remain") == true)
        png.replaceSubrange(offset..<offset + 4, with: PNGBuilder.bigEndian(0xFFFF_FFFF))
        #expect(read(png)?.content.invalidReason?.code == "bad_png")
    }

    @Test func everyTruncationIsBadAndNothingCrashes() throws {
        let png = try Fixtures.bytes("baked/ob2-1edtech-simple-badge.png")
        for length in 1..<png.count {
            let reason = read(Array(png.prefix(length)))?.content.invalidReason
            #expect(reason?.code == "bad_png", "length \(length)")
        }
    }

    @Test func structuralErrorsAreBadPNGs() {
        let text = PNGBuilder.iTXt("openbadges", Self.assertionText)
        let cases: [[UInt8]] = [
            Array("GIF89a not a png".utf8),
            PNGBuilder.signature + text + PNGBuilder.end,                            // no IHDR first
            PNGBuilder.signature + PNGBuilder.header + text,                         // no IEND
            PNGBuilder.png([PNGBuilder.chunk("iT1t", [1, 2, 3])]),                   // bad chunk type
            PNGBuilder.png([PNGBuilder.chunk("iTXt", Array("openbadges".utf8) + [0, 1])]),          // truncated iTXt
            PNGBuilder.png([PNGBuilder.chunk("iTXt", Array("openbadges".utf8) + [0, 2, 0, 0, 0, 1])]), // bad flag
            PNGBuilder.png([PNGBuilder.iTXtCompressed("openbadges", zlib: [0x78, 0x01, 0xFF, 0xFF])]), // corrupt zlib
            PNGBuilder.png([PNGBuilder.zTXt("openbadges", zlib: Array(InflateTests.dynamicBytes.prefix(50)))]),
            PNGBuilder.png([text, PNGBuilder.iTXt("openbadges", Array(BundleTests.good2.utf8))]),     // two different
        ]
        for png in cases {
            let reason = read(png)?.content.invalidReason
            #expect(reason?.code == "bad_png", "\(String(describing: reason))")
        }
    }

    @Test func aZipBombInZTXtIsRefused() {
        let bomb = PNGBuilder.png([PNGBuilder.zTXt("openbadges", zlib: PNGBuilder.zlibZeros(100_000_000))])
        #expect(bomb.count < 700_000)   // inflates to 100 MB
        let reason = read(bomb)?.content.invalidReason
        #expect(reason?.code == "too_large")
        #expect(reason?.message.contains("zip bomb") == true)
    }

    @Test func nonUTF8InITXtIsNotUTF8() {
        let bytes = Array(#"{"type":"Issuer","id":"urn:i","name":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(read(PNGBuilder.png([PNGBuilder.iTXt("openbadges", bytes)]))?.content.invalidReason?.code == "not_utf8")
    }

    @Test func aBadPNGIsHashedWhole() throws {
        let png = Array(PNGBuilder.png([]).dropLast(3))
        let item = try #require(read(png))
        #expect(item.sha256 == ContentHash.sha256Hex(png))
    }
}
