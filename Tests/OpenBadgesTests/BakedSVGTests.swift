import Testing
import OpenBadges

@Suite struct BakedSVGTests {
    private func read(_ svg: String) -> ReadItem? {
        BadgeReader.read(Array(svg.utf8), fileName: "badge.SVG").items.first
    }

    private func svg(_ inner: String, root: String = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">"#,
                     prolog: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> String {
        "\(prolog)\n\(root)\n<!-- a comment with <tags> -->\n<rect width=\"10\" height='10'/>\n\(inner)\n<circle r=\"1\"/>\n</svg>\n"
    }

    @Test func theBodyIsPreferredAndItsTrimmedTextIsTheDocument() throws {
        let item = try #require(read(svg("<openbadges:assertion verify=\"https://x.example/a\">\n  <![CDATA[\(BundleTests.good1)]]>\n</openbadges:assertion>")))
        #expect(item.content.assertion?.awardID == "urn:a1")
        #expect(item.sha256 == ContentHash.sha256Hex(Array(BundleTests.good1.utf8)))
    }

    @Test func anyPrefixOrTheDefaultNamespaceMayBeUsed() {
        let prefixed = svg("<ob:assertion xmlns:ob=\"http://openbadges.org/\"><![CDATA[\(BundleTests.good1)]]></ob:assertion>")
        #expect(read(prefixed)?.content.assertion?.awardID == "urn:a1")
        let byDefault = svg("<g><assertion xmlns=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA[\(BundleTests.good1)]]></assertion></g>")
        #expect(read(byDefault)?.content.assertion?.awardID == "urn:a1")
    }

    @Test func theNamespaceNotThePrefixDecides() {
        let wrongNamespace = svg("<openbadges:assertion><![CDATA[\(BundleTests.good1)]]></openbadges:assertion>",
                                 root: #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.com/not-badges">"#)
        #expect(read(wrongNamespace)?.content.invalidReason?.code == "no_badge_data")
        let unbound = svg("<badge:assertion><![CDATA[\(BundleTests.good1)]]></badge:assertion>")
        #expect(read(unbound)?.content.invalidReason?.code == "no_badge_data")
        let outOfScope = svg("<g xmlns:ob=\"http://openbadges.org\"></g><ob:assertion><![CDATA[\(BundleTests.good1)]]></ob:assertion>")
        #expect(read(outOfScope)?.content.invalidReason?.code == "no_badge_data")
    }

    @Test func textBodiesHaveTheirReferencesDecoded() {
        let escaped = BundleTests.good1.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "a1", with: "&#x61;&#49;")
        #expect(read(svg("<openbadges:assertion>\(escaped)</openbadges:assertion>"))?.content.assertion?.awardID == "urn:a1")
    }

    @Test func withoutABodyTheVerifyAttributeIsUsed() throws {
        let url = read(svg(#"<openbadges:assertion verify="https://badges.example/a/1?x=1&amp;y=2"/>"#))?.content
        guard case .assertionURL(let address)? = url else { Issue.record("\(String(describing: url))"); return }
        #expect(address == "https://badges.example/a/1?x=1&y=2")
        let token = String(decoding: try Fixtures.bytes("ob2/1edtech-validator/simple.jwt"), as: UTF8.self)
        let signed = read(svg("<openbadges:assertion verify=\"\(token)\">   </openbadges:assertion>"))
        #expect(signed?.content.assertion?.signedToken == token.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(read(svg("<openbadges:assertion/>"))?.content.invalidReason?.code == "no_badge_data")
    }

    @Test func theJWTFixtureIsJudgedByItsToken() throws {
        let assertion = try Fixtures.assertion("baked/ob3-1edtech-simple-jwt_v1.svg")
        #expect(assertion.signedToken?.split(separator: ".").count == 3)
        #expect(assertion.tokenClaims?["vc"] != nil)
        #expect(assertion.document["issuanceDate"]?.stringValue == "2010-01-01T00:00:00Z")
    }

    @Test func anExternalEntityIsNeverLoaded() {
        let xxe = svg("<openbadges:assertion>&xxe;</openbadges:assertion>",
                      prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>")
        let reason = read(xxe)?.content.invalidReason
        #expect(reason?.code == "svg_external_entity")
        #expect(reason?.message.contains("XXE") == true)
        let parameter = svg("<openbadges:assertion/>", prolog: "<!DOCTYPE svg [<!ENTITY % p PUBLIC \"x\" \"http://evil.example/x.dtd\"> %p;]>")
        #expect(read(parameter)?.content.invalidReason?.code == "svg_external_entity")
    }

    @Test func internalEntitiesAreRefused() {
        let laughs = svg("<openbadges:assertion>&lol2;</openbadges:assertion>",
                         prolog: "<!DOCTYPE svg [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>")
        #expect(read(laughs)?.content.invalidReason?.code == "svg_entity_declaration")
    }

    @Test func anUndeclaredEntityIsNotExpanded() {
        #expect(read(svg("<openbadges:assertion>&secret;</openbadges:assertion>"))?.content.invalidReason?.code == "bad_svg")
    }

    @Test func anExternalDTDAloneIsHarmless() {
        let prolog = #"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">"#
        #expect(read(svg("<openbadges:assertion><![CDATA[\(BundleTests.good1)]]></openbadges:assertion>", prolog: prolog))?
            .content.assertion?.awardID == "urn:a1")
    }

    @Test(arguments: [
        "<openbadges:assertion><![CDATA[{}",                          // unterminated CDATA
        "<openbadges:assertion>{\"a\":1}",                            // element not closed
        "<g><openbadges:assertion>x</g></openbadges:assertion>",     // crossed tags
        "</g><openbadges:assertion>x</openbadges:assertion>",        // end tag before any start
        "<g attr=\"unterminated><openbadges:assertion>x</openbadges:assertion>",
        "<g attr=noquotes><openbadges:assertion>x</openbadges:assertion>",
        "<g a=\"1\" a=\"2\"/><openbadges:assertion>x</openbadges:assertion>",
        "<!-- never closed <openbadges:assertion>x</openbadges:assertion>",
        "<openbadges:assertion>a & b</openbadges:assertion>",
        "<openbadges:assertion>&#0;</openbadges:assertion>",
        "<openbadges:assertion>&#xD800;</openbadges:assertion>",
        "< openbadges:assertion>x</openbadges:assertion>",
    ])
    func malformedMarkupIsBadSVG(inner: String) {
        let reason = read(svg(inner))?.content.invalidReason
        #expect(reason?.code == "bad_svg", "\(inner): \(String(describing: reason))")
    }

    /// Cut before the badge element closes, an SVG is invalid; after it, the rest is not needed.
    @Test func everyTruncationOfABakedSVGIsHandled() throws {
        let bytes = try Fixtures.bytes("baked/ob3-1edtech-simple-json.svg")
        let closing = Array("</openbadges:credential>".utf8)
        let closeStart = try #require((0...(bytes.count - closing.count)).first { bytes[$0..<($0 + closing.count)].elementsEqual(closing) })
        let elementEnd = closeStart + closing.count
        for length in 1..<bytes.count {
            let content = BadgeReader.read(Array(bytes.prefix(length)), fileName: "x.svg").items.first?.content
            if length < elementEnd {
                #expect(content?.invalidReason != nil, "length \(length)")
            } else {
                #expect(content?.assertion?.awardID == "http://example.com/credentials/3527", "length \(length)")
            }
        }
    }

    @Test func nonUTF8SVGsAreRejected() {
        let bytes = Array(svg("<openbadges:assertion>x</openbadges:assertion>").utf8) + [0xFF]
        #expect(BadgeReader.read(bytes, fileName: "x.svg").items.first?.content.invalidReason?.code == "not_utf8")
        let utf16 = [0xFF, 0xFE] + Array("<svg/>".utf8)
        #expect(BadgeReader.read(utf16, fileName: "x.svg").items.first?.content.invalidReason?.code == "not_utf8")
    }

    @Test func anSVGWithoutBadgeIsJustAnImage() {
        #expect(read(svg("<text>hello</text>"))?.content.invalidReason?.code == "no_badge_data")
    }
}
