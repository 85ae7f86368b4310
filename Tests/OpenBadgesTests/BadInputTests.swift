import Foundation
import Testing
import OpenBadges

/// The bad-input corpus: every one is an `invalid` item that says what is wrong; nothing crashes.
@Suite struct BadInputTests {
    private func code(_ bytes: [UInt8], _ name: String, limits: ReadLimits = .standard) -> String? {
        let items = BadgeReader.read(bytes, fileName: name, limits: limits).items
        guard items.count == 1 else { return "items: \(items.count)" }
        return items.first?.content.invalidReason?.code
    }

    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ob-\(UUID().uuidString)-\(name)").path
    }

    @Test func aTwoHundredMegabyteFileIsRefusedWithoutLoadingIt() throws {
        let path = temporaryFile("huge.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 << 20)   // sparse: no 200 MB written, none read into memory
        try handle.close()
        let items = BadgeReader.read(contentsOfFile: path).items
        #expect(items.count == 1)
        let reason = try #require(items.first?.content.invalidReason)
        #expect(reason.code == "too_large")
        #expect(reason.message.contains("209715200 bytes"))
        #expect(items.first?.sha256.count == 64)
    }

    @Test func filesWithinTheLimitAreReadFromDisk() throws {
        let path = temporaryFile("ok.JSON")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(BundleTests.good1.utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(BadgeReader.read(contentsOfFile: path).items.first?.content.assertion?.awardID == "urn:a1")
        #expect(BadgeReader.read(contentsOfFile: path + ".missing.json").items.first?.content.invalidReason?.code == "unreadable_file")
        guard case .notABadgeFile = BadgeReader.read(contentsOfFile: "/etc/hostname") else { Issue.record("read"); return }
    }

    @Test func anOverSizeByteArrayIsNotParsed() {
        var limits = ReadLimits.standard
        limits.maxFileBytes = 1 << 20
        let big = [UInt8](repeating: UInt8(ascii: "["), count: (1 << 20) + 1)
        for name in ["a.json", "a.jsonl", "a.png", "a.svg", "a.jwt"] {
            #expect(code(big, name, limits: limits) == "too_large", "\(name)")
        }
    }

    @Test func tenThousandDeepJSONIsTooDeepEverywhere() throws {
        let deep = Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(code(deep, "deep.json") == "too_deep")
        #expect(code(deep, "deep.jsonl") == "too_deep")
        let deepObject = Array(("{\"a\":" + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_001)).utf8)
        #expect(code(deepObject, "deep.json") == "too_deep")
        #expect(code(PNGBuilder.png([PNGBuilder.iTXt("openbadges", deepObject)]), "deep.png") == "too_deep")
        let token = Base64URL.encode(Array(#"{"alg":"RS256"}"#.utf8)) + "." + Base64URL.encode(deepObject) + ".c2ln"
        #expect(code(Array(token.utf8), "deep.jwt") == "too_deep")
    }

    @Test func nonUTF8TextIsNamed() {
        let latin1 = Array(#"{"type":"Issuer","id":"urn:i","name":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(code(latin1, "latin1.json") == "not_utf8")
        let utf16LE: [UInt8] = Array(BundleTests.good1.utf8).flatMap { byte -> [UInt8] in [byte, 0] }
        let utf16: [UInt8] = [0xFF, 0xFE] + utf16LE
        #expect(code(utf16, "utf16.json") == "not_utf8")
        #expect(code(utf16LE, "utf16.json") == "not_utf8")
        let binary: [UInt8] = [0x00, 0x01, 0xFE, 0xFF, 0x80, 0x81]
        #expect(code(binary, "binary.json") == "not_utf8")
        #expect(code(Array("eyJhbGciOiJSUzI1NiJ9.".utf8) + [0xC3] + Array(".x".utf8), "t.jwt") == "bad_token")
    }

    @Test func malformedAndTruncatedJSONIsMalformed() {
        let text = Array(BundleTests.good1.utf8)
        for length in [1, 10, text.count / 2, text.count - 1] {
            #expect(code(Array(text.prefix(length)), "cut.json") == "malformed_json", "\(length)")
        }
        #expect(code(Array("   \n\t ".utf8), "blank.json") == "malformed_json")
    }

    @Test func theBadFilesOfTheIssueAllSayWhatIsWrong() throws {
        let png = try Fixtures.bytes("baked/ob2-1edtech-simple-badge.png")
        var corrupt = png
        corrupt[200] ^= 0xFF
        let cases: [(String, [UInt8], String)] = [
            ("empty.json", [], "empty_file"),
            ("empty.png", [], "empty_file"),
            ("malformed.json", Array("{\"id\": }".utf8), "malformed_json"),
            ("truncated.png", Array(png.prefix(png.count / 2)), "bad_png"),
            ("corrupt.png", corrupt, "bad_png"),
            ("notpng.png", Array(BundleTests.good1.utf8), "bad_png"),
            ("xxe.svg", Array("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion>&x;</openbadges:assertion></svg>".utf8), "svg_external_entity"),
            ("notsvg.svg", Array("just some text".utf8), "no_badge_data"),
            ("bad.jwt", Array("not.a.token".utf8), "bad_token"),
        ]
        for (name, bytes, expected) in cases {
            let items = BadgeReader.read(bytes, fileName: name).items
            #expect(items.count == 1, "\(name)")
            let reason = items.first?.content.invalidReason
            #expect(reason?.code == expected, "\(name): \(String(describing: reason))")
            #expect((reason?.message.count ?? 0) > 20, "\(name)")
            #expect(items.first?.sha256 == ContentHash.sha256Hex(bytes), "\(name)")
        }
    }

    /// Thousands of mutated fixtures (flipped bytes, cuts, insertions): every read returns.
    @Test func mutatedFixturesNeverCrash() throws {
        var generator = SplitMix64(seed: 20_261_122)
        var reads = 0
        for path in try Fixtures.allFiles() where BadgeReader.isBadgeFile(path) {
            let original = try Fixtures.bytes(path)
            for round in 0..<25 {
                var bytes = original
                switch round % 4 {
                case 0:
                    for _ in 0..<3 where !bytes.isEmpty {
                        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                    }
                case 1:
                    bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
                case 2:
                    let at = Int(generator.next() % UInt64(bytes.count + 1))
                    bytes.insert(contentsOf: [0x7B, 0x22, 0x5C, 0x26, 0x3C, 0x00, 0xFF], at: at)
                default:
                    if !bytes.isEmpty {
                        let at = Int(generator.next() % UInt64(bytes.count))
                        bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 64)))
                    }
                }
                let reading = BadgeReader.read(bytes, fileName: path)
                #expect(!reading.items.isEmpty)
                for item in reading.items { #expect(item.sha256.count == 64) }
                reads += 1
            }
        }
        #expect(reads > 2_000)
    }
}

/// A small deterministic random number generator, so failures can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
