import Foundation
import Testing
import OpenBadges

@Suite struct BundleTests {
    static let good1 = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:a1","recipient":{"type":"email","identity":"a@b.c"},"badge":"urn:b","issuedOn":"2024-09-01T12:00:00Z"}"#
    static let good2 = #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"urn:b","name":"B","issuer":"urn:i"}"#

    @Test func everyLineIsOneItemAndABadLineDoesNotStopTheRest() throws {
        let text = "\(Self.good1)\r\n\n   \n{\"type\": \"Assertion\", oops}\n\(Self.good2)\n"
        let items = BadgeReader.read(Array(text.utf8), fileName: "inbox/export.ndjson").items
        #expect(items.map(\.line) == [1, 4, 5])
        #expect(items[0].content.assertion?.awardID == "urn:a1")
        #expect(items[0].sha256 == ContentHash.sha256Hex(Array(Self.good1.utf8)))  // without CR LF
        let reason = try #require(items[1].content.invalidReason)
        #expect(reason.code == "malformed_json")
        #expect(reason.message.hasPrefix("inbox/export.ndjson, line 4: "))
        #expect(items[1].sha256 == ContentHash.sha256Hex(Array("{\"type\": \"Assertion\", oops}".utf8)))
        guard case .badgeClass(let badge) = items[2].content else { Issue.record("\(items[2].content)"); return }
        #expect(badge.id == "urn:b")
    }

    @Test func aLastLineWithoutNewlineIsRead() {
        let items = BadgeReader.read(Array("\(Self.good2)\n\(Self.good1)".utf8), fileName: "x.JSONL").items
        #expect(items.count == 2)
        #expect(items.last?.content.assertion != nil)
    }

    @Test func awardsWithoutIDAreIdentifiedByTheirLine() throws {
        let line = #"{"recipient":"a@b.c","issued_on":"2012-01-01","badge":{"version":"0.5.0","name":"N","issuer":{"origin":"https://o","name":"O"}}}"#
        let items = BadgeReader.read(Array("\(line)\n\(line)\n".utf8), fileName: "x.jsonl").items
        #expect(items.count == 2)
        let expected = "sha256:" + ContentHash.sha256Hex(Array(line.utf8))
        #expect(items.allSatisfy { $0.content.assertion?.awardID == expected })
    }

    @Test func tokensMayBeBundled() throws {
        let token = String(decoding: try Fixtures.bytes("ob2/1edtech-validator/simple.jwt"), as: UTF8.self)
        let items = BadgeReader.read(Array("\(token)\n\(Self.good2)\n".utf8), fileName: "x.jsonl").items
        #expect(items.first?.content.assertion?.signedToken == token.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func aBundleOfBlankLinesIsEmpty() {
        let items = BadgeReader.read(Array("\n  \r\n\n".utf8), fileName: "x.jsonl").items
        #expect(items.count == 1)
        #expect(items.first?.content.invalidReason?.code == "empty_file")
    }

    @Test func anOverlongLineIsTooLargeAndTheOthersAreRead() {
        var limits = ReadLimits.standard
        limits.maxDocumentBytes = 200
        let long = #"{"type":"Issuer","name":""# + String(repeating: "x", count: 300) + #""}"#
        let items = BadgeReader.read(Array("\(long)\n\(Self.good1)\n".utf8), fileName: "x.jsonl", limits: limits).items
        #expect(items.map { $0.content.invalidReason?.code } == ["too_large", nil])
    }

    @Test func aBundleLineWithInvalidUTF8IsNotUTF8() {
        let bytes = Array(#"{"type":"Issuer","name":""#.utf8) + [0xE9] + Array("\"}\n\(Self.good2)".utf8)
        let items = BadgeReader.read(bytes, fileName: "x.jsonl").items
        #expect(items.first?.content.invalidReason?.code == "not_utf8")
        #expect(items.count == 2)
    }
}
