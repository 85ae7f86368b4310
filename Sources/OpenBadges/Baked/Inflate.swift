/// DEFLATE decompression (RFC 1951) inside zlib (RFC 1950) or gzip (RFC 1952) wrappers, with a
/// hard cap on the output so a zip bomb stops after `limit` bytes. Written here rather than
/// linking zlib: the inputs are small (baked text chunks, status lists) and untrusted.
public enum Inflate {
    /// Why a compressed stream could not be inflated.
    public enum Failure: Error, Sendable, Equatable {
        /// The stream is not valid (bad header, bad code, bad checksum, truncated).
        case corrupt(String)
        /// The stream inflates to more than the limit.
        case tooLarge(limit: Int)
    }

    /// Inflates a zlib stream, checking its Adler-32.
    public static func zlib(_ bytes: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        guard bytes.count >= 6 else { throw .corrupt("the zlib stream is truncated") }
        let start = bytes.startIndex
        let cmf = bytes[start], flags = bytes[start + 1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7 else { throw .corrupt("the zlib stream does not use deflate") }
        guard (UInt16(cmf) << 8 | UInt16(flags)) % 31 == 0 else { throw .corrupt("the zlib header check fails") }
        guard flags & 0x20 == 0 else { throw .corrupt("the zlib stream needs a preset dictionary") }
        var decoder = Decoder(input: bytes[(start + 2)...], limit: limit)
        try decoder.run()
        let trailer = decoder.remainingAlignedInput()
        guard trailer.count >= 4 else { throw .corrupt("the zlib stream is truncated before its checksum") }
        let t = trailer.startIndex
        let expected = UInt32(trailer[t]) << 24 | UInt32(trailer[t + 1]) << 16 | UInt32(trailer[t + 2]) << 8 | UInt32(trailer[t + 3])
        guard adler32(decoder.output) == expected else { throw .corrupt("the zlib checksum does not match") }
        return decoder.output
    }

    /// Inflates a gzip member, checking its CRC-32 and length.
    public static func gzip(_ bytes: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        let start = bytes.startIndex
        guard bytes.count >= 18, bytes[start] == 0x1F, bytes[start + 1] == 0x8B, bytes[start + 2] == 8 else {
            throw .corrupt("not a gzip stream")
        }
        let flags = bytes[start + 3]
        var position = start + 10
        func need(_ count: Int) throws(Failure) {
            guard position + count <= bytes.endIndex else { throw .corrupt("the gzip header is truncated") }
        }
        if flags & 0x04 != 0 {
            try need(2)
            let extra = Int(bytes[position]) | Int(bytes[position + 1]) << 8
            position += 2
            try need(extra)
            position += extra
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while true {
                try need(1)
                position += 1
                if bytes[position - 1] == 0 { break }
            }
        }
        if flags & 0x02 != 0 {
            try need(2)
            position += 2
        }
        var decoder = Decoder(input: bytes[position...], limit: limit)
        try decoder.run()
        let trailer = decoder.remainingAlignedInput()
        guard trailer.count >= 8 else { throw .corrupt("the gzip stream is truncated before its trailer") }
        func little(_ offset: Int) -> UInt32 {
            let i = trailer.startIndex + offset
            return UInt32(trailer[i]) | UInt32(trailer[i + 1]) << 8 | UInt32(trailer[i + 2]) << 16 | UInt32(trailer[i + 3]) << 24
        }
        guard CRC32.checksum(decoder.output) == little(0) else { throw .corrupt("the gzip CRC does not match") }
        guard UInt32(truncatingIfNeeded: decoder.output.count) == little(4) else { throw .corrupt("the gzip length does not match") }
        return decoder.output
    }

    /// Adler-32 (RFC 1950).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 is the most bytes that can be summed before the 32-bit sums could overflow.
            let end = min(index + 5552, bytes.count)
            while index < end {
                a += UInt32(bytes[index])
                b += a
                index += 1
            }
            a %= 65_521
            b %= 65_521
        }
        return b << 16 | a
    }
}

extension Inflate {
    /// A canonical Huffman code: symbols ordered by code length, and how many codes each length has.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        /// Builds the code for `lengths` (0 = symbol unused). Over-subscribed codes are rejected;
        /// incomplete ones are allowed and fail only if an unused code is met.
        init(lengths: [Int]) throws(Failure) {
            self.init(validLengths: lengths)
            var left = 1
            for length in 1..<16 {
                left <<= 1
                left -= counts[length]
                guard left >= 0 else { throw .corrupt("a Huffman code is over-subscribed") }
            }
        }

        /// Builds a code known to be valid (the fixed codes of RFC 1951 §3.2.6).
        init(validLengths lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    /// The DEFLATE block decoder.
    struct Decoder {
        let input: ArraySlice<UInt8>
        var position: Int
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        let limit: Int
        var output: [UInt8] = []

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                   2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

        init(input: ArraySlice<UInt8>, limit: Int) {
            self.input = input
            self.position = input.startIndex
            self.limit = limit
        }

        /// The input after the last block, from the next byte boundary (where a wrapper's trailer is).
        func remainingAlignedInput() -> ArraySlice<UInt8> {
            // Whole unread bytes still in the bit buffer go back to the input.
            let unread = bitCount / 8
            return input[(position - unread)...]
        }

        mutating func run() throws(Failure) {
            var isLast = false
            while !isLast {
                isLast = try bits(1) == 1
                switch try bits(2) {
                case 0: try storedBlock()
                case 1: try codes(literals: Decoder.fixedLiterals, distances: Decoder.fixedDistances)
                case 2: try dynamicBlock()
                default: throw .corrupt("a deflate block has the reserved type 3")
                }
            }
            // Drop the partial byte so that `remainingAlignedInput` starts on a byte boundary.
            let partial = bitCount % 8
            bitBuffer >>= UInt32(partial)
            bitCount -= partial
        }

        private mutating func bits(_ count: Int) throws(Failure) -> Int {
            while bitCount < count {
                guard position < input.endIndex else { throw .corrupt("the compressed data is truncated") }
                bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
                position += 1
                bitCount += 8
            }
            let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
            bitBuffer >>= UInt32(count)
            bitCount -= count
            return value
        }

        private mutating func append(_ byte: UInt8) throws(Failure) {
            guard output.count < limit else { throw .tooLarge(limit: limit) }
            output.append(byte)
        }

        private mutating func storedBlock() throws(Failure) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.endIndex else { throw .corrupt("a stored block is truncated") }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == ~complement & 0xFFFF else { throw .corrupt("a stored block's length check fails") }
            position += 4
            guard position + length <= input.endIndex else { throw .corrupt("a stored block is truncated") }
            guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        private mutating func decode(_ code: Huffman) throws(Failure) -> Int {
            var value = 0, first = 0, index = 0
            for length in 1..<16 {
                value |= try bits(1)
                let count = code.counts[length]
                if value - first < count { return code.symbols[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw .corrupt("the compressed data uses a Huffman code that is not defined")
        }

        private mutating func codes(literals: Huffman, distances: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    try append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < 29 else { throw .corrupt("the compressed data has an invalid length code") }
                    let length = Decoder.lengthBase[lengthIndex] + (try bits(Decoder.lengthExtra[lengthIndex]))
                    let distanceIndex = try decode(distances)
                    guard distanceIndex < 30 else { throw .corrupt("the compressed data has an invalid distance code") }
                    let distance = Decoder.distanceBase[distanceIndex] + (try bits(Decoder.distanceExtra[distanceIndex]))
                    guard distance <= output.count else { throw .corrupt("the compressed data refers back before its start") }
                    guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
                    let from = output.count - distance
                    for offset in 0..<length { output.append(output[from + offset]) }
                }
            }
        }

        private mutating func dynamicBlock() throws(Failure) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .corrupt("a dynamic block declares too many codes") }
            var codeLengthLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeLengthCount { codeLengthLengths[Decoder.codeLengthOrder[index]] = try bits(3) }
            let codeLengthCode = try Huffman(lengths: codeLengthLengths)
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(codeLengthCode)
                switch symbol {
                case 0...15:
                    lengths.append(symbol)
                case 16:
                    guard let previous = lengths.last else { throw .corrupt("a repeat code has nothing to repeat") }
                    lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
                case 17:
                    lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
                default:
                    lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
                }
            }
            guard lengths.count == literalCount + distanceCount else { throw .corrupt("code lengths overrun their table") }
            guard lengths[256] != 0 else { throw .corrupt("a dynamic block has no end-of-block code") }
            try codes(literals: try Huffman(lengths: Array(lengths[0..<literalCount])),
                      distances: try Huffman(lengths: Array(lengths[literalCount...])))
        }

        static let fixedLiterals = Huffman(validLengths: (0..<288).map { symbol in
            switch symbol {
            case 0..<144: return 8
            case 144..<256: return 9
            case 256..<280: return 7
            default: return 8
            }
        })
        static let fixedDistances = Huffman(validLengths: [Int](repeating: 5, count: 30))
    }
}
