import Testing
import OpenBadges

@Suite struct BadgeReaderTests {
    @Test(arguments: [("a.json", true), ("A.JSON", true), ("dir.x/b.JsonL", true), ("c.ndjson", true), ("d.PNG", true),
                      ("e.svg", true), ("f.jwt", true), ("g.JWS", true), ("h.svg.txt", false), ("i.pdf", false),
                      ("json", false), (".json", false), ("noext", false), ("x.jsonld", false)])
    func extensionsAreMatchedWithoutCase(name: String, isBadge: Bool) {
        #expect(BadgeReader.isBadgeFile(name) == isBadge, "\(name)")
    }

    @Test func otherFilesAreNotBadgeFiles() {
        guard case .notABadgeFile(let ext) = BadgeReader.read(Array("hello".utf8), fileName: "notes/Read.Me.PDF") else {
            Issue.record("read as a badge"); return
        }
        #expect(ext == "pdf")
        guard case .notABadgeFile(let none) = BadgeReader.read([], fileName: "Makefile") else { Issue.record("read"); return }
        #expect(none == "")
    }

    @Test(arguments: ["a.json", "a.jsonl", "a.png", "a.svg", "a.jwt"])
    func anEmptyFileIsOneInvalidItem(name: String) {
        let items = BadgeReader.read([], fileName: name).items
        #expect(items.count == 1)
        #expect(items.first?.content.invalidReason?.code == "empty_file")
        #expect(items.first?.sha256 == ContentHash.sha256Hex([]))
    }

    @Test func aFileOverTheLimitIsNotParsed() {
        var limits = ReadLimits.standard
        limits.maxFileBytes = 10
        let bytes = Array(#"{"type":"Assertion"}"#.utf8)
        let items = BadgeReader.read(bytes, fileName: "big.json", limits: limits).items
        #expect(items.count == 1)
        #expect(items.first?.content.invalidReason?.code == "too_large")
        #expect(items.first?.sha256 == ContentHash.sha256Hex(bytes))
    }

    @Test func aByteOrderMarkIsTolerated() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"type":"Issuer","id":"urn:i","name":"I"}"#.utf8)
        let item = try #require(BadgeReader.read(bytes, fileName: "bom.json").items.first)
        guard case .issuer(let issuer) = item.content else { Issue.record("\(item.content)"); return }
        #expect(issuer.id == "urn:i")
        #expect(item.sha256 == ContentHash.sha256Hex(bytes))
    }
}
