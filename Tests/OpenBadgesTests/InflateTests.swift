import Foundation
import Testing
import OpenBadges

@Suite struct InflateTests {
    /// Python's zlib.compress(text, 9) of `InflateTests.text`: a dynamic-Huffman block.
    static let dynamicStream = "eNqFkN1OxCAQhV+l4boF2t01sVfrE5gYX2CEaUtsgfBTbTb77g7q/lyYeAeHM+d8w4kdlbMJPxPr2ZSSj70QHzujuQujcB7tG+gRo1g7VrO0eSTfU4wYknGWJKPvBn+8XDvk723HNfIcBVzcUSi3+IB0101LswGV8QYtdZ8u2biAmeltgjghZQ8wRyw1ZDNpI4eHxFFnBcmF47WGnWv2Xf8fzu8+aiau4NzSLGBhxKVgUE+MGfWzpZROdodG7pp2/9oeevnYdw+N3PdSkm3FYAZDCOUTbvCTi4mgCQXXQqyK+ILDjKo4K1odtooO1/bq1l7fqcHlZCzGe03lOeWAdQVW/xlQwQjGcnb+AiZXoSo="
    static let text = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://badges.doe.k12.de.us/assertions/compressed-1","recipient":{"type":"email","hashed":false,"identity":"pat.educator@k12.de.us"},"badge":"https://badges.doe.k12.de.us/badges/classroom-management","issuedOn":"2025-03-14T15:09:26-04:00","verification":{"type":"hosted"},"evidence":"Reflection essay on classroom management, classroom routines, classroom culture, and classroom management again."}"#

    static var dynamicBytes: [UInt8] { [UInt8](Data(base64Encoded: dynamicStream) ?? Data()) }

    @Test func dynamicHuffmanStreamsInflate() throws {
        #expect(try Inflate.zlib(Self.dynamicBytes[...], limit: 10_000) == Array(Self.text.utf8))
    }

    @Test func storedAndFixedStreamsInflate() throws {
        let data = Array((0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(try Inflate.zlib(PNGBuilder.zlibStored(data)[...], limit: 100_000) == data)
        #expect(try Inflate.zlib(PNGBuilder.zlibZeros(1_000)[...], limit: 2_000) == [UInt8](repeating: 0, count: 1_033))
    }

    @Test func theOutputCapStopsAZipBomb() {
        let bomb = PNGBuilder.zlibZeros(50_000_000)   // ~315 KB that would inflate to 50 MB
        #expect(bomb.count < 400_000)
        #expect(throws: Inflate.Failure.tooLarge(limit: 1_000_000)) { try Inflate.zlib(bomb[...], limit: 1_000_000) }
    }

    @Test func corruptStreamsAreRejected() {
        var badChecksum = PNGBuilder.zlibStored(Array("hello".utf8))
        badChecksum[badChecksum.count - 1] ^= 1
        var badHeader = Self.dynamicBytes
        badHeader[1] ^= 0x01
        let truncated = Array(Self.dynamicBytes.prefix(100))
        var flipped = Self.dynamicBytes
        flipped[40] ^= 0xFF
        for stream in [badChecksum, badHeader, truncated, flipped, [], [0x78], [0x78, 0x01, 0x07, 0, 0, 0, 0]] {
            do {
                _ = try Inflate.zlib(stream[...], limit: 10_000)
                Issue.record("inflated \(stream.prefix(8))")
            } catch {
                guard case .corrupt = error else { Issue.record("\(error)"); continue }
            }
        }
    }

    @Test func everyTruncationOfAStreamFailsCleanly() {
        let stream = Self.dynamicBytes
        for length in 0..<stream.count {
            #expect((try? Inflate.zlib(stream.prefix(length), limit: 10_000)) == nil)
        }
    }

    @Test func gzipStatusListsInflate() throws {
        let item = try Fixtures.item("ob3/1edtech-validator/bit-string-list/status-list-credential.json")
        guard case .statusList(let list) = item.content else {
            Issue.record("not a status list: \(item.content)")
            return
        }
        #expect(list.isSet(23) == true)
        #expect(list.isSet(22) == false && list.isSet(24) == false && list.isSet(0) == false)
        #expect(list.isSet(131_071) == false)
        #expect(list.isSet(131_072) == nil)
        #expect(list.purpose == "revocation")
        let document = try JSONValue(parsing: try Fixtures.bytes("ob3/1edtech-validator/bit-string-list/status-list-credential.json"))
        let encoded = try #require(document["credentialSubject"]?["encodedList"]?.stringValue)
        #expect(encoded.hasPrefix("u"))
        let compressed = try #require(Base64URL.decode(Array(encoded.utf8.dropFirst())))
        let bits = try Inflate.gzip(compressed[...], limit: 1 << 20)
        #expect(bits.count == 16_384)
        #expect(bits[2] == 0x01)   // index 23: the left-most bit is index 0
        #expect(bits.enumerated().allSatisfy { $0.offset == 2 || $0.element == 0 })
    }

    @Test func checksumsMatchKnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.update(CRC32.checksum(Array("1234".utf8)), with: Array("56789".utf8)) == 0xCBF4_3926)
    }
}
