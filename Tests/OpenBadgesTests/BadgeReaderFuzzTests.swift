import Foundation
import OpenBadges
import Testing

/// Issue 6, item 6, the bounded version for every test run: a seeded mutation fuzzer over the
/// shared fixtures. Whatever the bytes, `BadgeReader.read` returns items and never traps (a
/// trap would end this test process). scripts/fuzz runs libFuzzer, coverage-guided, for longer.
@Suite("Badge readers under a seeded mutation fuzzer")
struct BadgeReaderFuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure is the same on every machine.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    }

    /// Tokens that reach the readers' corner cases quickly.
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", "\"", "\\u0000", "\\ud800", "\\", ",", ":", "1e999999", "-0", "null", "true",
        "\"id\":", "\"type\":\"Assertion\"", "\"issuedOn\":", "\"badge\":", "\"recipient\":", "\"revoked\":true",
        "\"@context\":\"https://w3id.org/openbadges/v2\"", "sha256$", "md5$", "9999-12-31", "0000-00-00",
        "<![CDATA[", "]]>", "<!ENTITY", "openbadges:assertion", "iTXt", "tEXt", "zTXt", "IEND", ".", "==",
        "\n", "\r\n", "\u{FEFF}", "\u{202E}", "\u{FFFF}", "9223372036854775808",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ random: inout Random, donors: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(4) {
            let position = random.below(bytes.count + 1)
            switch random.below(8) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let index = random.below(bytes.count)
                bytes[index] ^= UInt8(1 << random.below(8))
            case 1 where !bytes.isEmpty:  // a random byte
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            case 2:  // insert a token
                bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
            case 3 where position < bytes.count:  // delete a run
                bytes.removeSubrange(position..<min(bytes.count, position + 1 + random.below(16)))
            case 4:  // truncate
                bytes = Array(bytes.prefix(position))
            case 5 where !bytes.isEmpty:  // repeat a run
                let end = min(bytes.count, position + 1 + random.below(64))
                let run = Array(bytes[min(position, bytes.count - 1)..<end])
                for _ in 0..<(1 + random.below(8)) { bytes.insert(contentsOf: run, at: min(position, bytes.count)) }
            case 6:  // splice in part of another seed
                let donor = donors[random.below(donors.count)]
                let start = random.below(donor.count)
                bytes.insert(contentsOf: donor[start..<min(donor.count, start + random.below(256))], at: position)
            default:  // nest deeper
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: random.below(200)), at: position)
            }
        }
        return bytes
    }

    static func seeds() throws -> [(name: String, bytes: [UInt8])] {
        try Fixtures.allFiles().filter { BadgeReader.isBadgeFile($0) || $0.hasSuffix(".jws") }
            .map { ($0, try Fixtures.bytes($0)) }
    }

    @Test("Mutated fixtures, read as every badge format: items come back and nothing traps",
          arguments: ["json", "jsonl", "png", "svg", "jwt"])
    func mutatedFixtures(format: String) throws {
        let seeds = try Self.seeds()
        try #require(seeds.count > 20)
        var random = Random(state: UInt64(format.utf8.reduce(6) { $0 &* 31 &+ UInt64($1) }))
        let limits = ReadLimits(maxFileBytes: 1 << 20, maxDocumentBytes: 1 << 18, maxDepth: 64, maxInflatedBytes: 1 << 18)
        var items = 0
        for _ in 0..<2_000 {
            let seed = seeds[random.below(seeds.count)]
            let input = Self.mutate(seed.bytes, &random, donors: seeds.map(\.bytes))
            let reading = BadgeReader.read(input, fileName: "fuzz." + format, limits: limits)
            for item in reading.items {
                items += 1
                #expect(item.sha256.count == 64)
                if case .invalid(let reason) = item.content { #expect(!reason.code.isEmpty) }
                _ = item.content.assertion?.document.serialized()
            }
        }
        #expect(items >= 2_000)
    }
}
