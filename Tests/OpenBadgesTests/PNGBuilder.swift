import OpenBadges

/// Builds PNG files and zlib streams for tests, using the module's CRC-32.
enum PNGBuilder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// length, type, data, CRC over type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(CRC32.checksum(typeBytes + data))
    }

    static let header = chunk("IHDR", bigEndian(1) + bigEndian(1) + [8, 0, 0, 0, 0])
    static let pixels = chunk("IDAT", zlibStored([0, 0]))
    static let end = chunk("IEND", [])

    /// A 1×1 grey PNG with `chunks` between IHDR and IDAT (or after IDAT).
    static func png(_ chunks: [[UInt8]], afterImageData: [[UInt8]] = []) -> [UInt8] {
        signature + header + chunks.flatMap { $0 } + pixels + afterImageData.flatMap { $0 } + end
    }

    static func iTXt(_ keyword: String, _ text: [UInt8], compressed: Bool = false,
                     language: String = "", translated: String = "") -> [UInt8] {
        let body = compressed ? zlibStored(text) : text
        return chunk("iTXt", Array(keyword.utf8) + [0, compressed ? 1 : 0, 0] + Array(language.utf8) + [0]
                     + Array(translated.utf8) + [0] + body)
    }

    static func iTXtCompressed(_ keyword: String, zlib: [UInt8]) -> [UInt8] {
        chunk("iTXt", Array(keyword.utf8) + [0, 1, 0, 0, 0] + zlib)
    }

    static func tEXt(_ keyword: String, _ text: [UInt8]) -> [UInt8] {
        chunk("tEXt", Array(keyword.utf8) + [0] + text)
    }

    static func zTXt(_ keyword: String, zlib: [UInt8]) -> [UInt8] {
        chunk("zTXt", Array(keyword.utf8) + [0, 0] + zlib)
    }

    /// A zlib stream of stored (uncompressed) blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let isLast = offset + length == data.count
            output.append(isLast ? 1 : 0)
            output += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
            output += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        return output + bigEndian(adler32(data))
    }

    /// A fixed-Huffman zlib stream of `count` zero bytes: one literal, then 258-byte copies.
    /// About 13 bits per 258 bytes: a zip bomb.
    static func zlibZeros(_ count: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)          // last block
        writer.write(1, bits: 2)          // fixed Huffman
        writer.writeCode(0x30, length: 8) // literal 0
        var produced = 1
        while produced < count {
            writer.writeCode(0xC5, length: 8)   // length code 285 = 258
            writer.writeCode(0, length: 5)      // distance code 0 = 1
            produced += 258
        }
        writer.writeCode(0, length: 7)    // end of block
        // Adler-32 of n zeros: a = 1, b = n.
        return [0x78, 0x01] + writer.bytes + bigEndian(UInt32(produced % 65_521) << 16 | 1)
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 0

        mutating func write(_ value: Int, bits: Int) {
            for bit in 0..<bits { append((value >> bit) & 1) }
        }

        /// Huffman codes are written most significant bit first.
        mutating func writeCode(_ code: Int, length: Int) {
            for bit in (0..<length).reversed() { append((code >> bit) & 1) }
        }

        private mutating func append(_ bit: Int) {
            if used == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(bit << used)
            used = (used + 1) % 8
        }
    }
}
