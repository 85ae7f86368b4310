internal import CLibZ

/// CRC-32 (ISO 3309, as PNG chunks and gzip use it), computed by zlib.
public enum CRC32 {
    /// The CRC of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        update(0, with: bytes)
    }

    /// Continues a CRC over more bytes (`update(checksum(a), with: b) == checksum(a + b)`).
    public static func update(_ crc: UInt32, with bytes: some Sequence<UInt8>) -> UInt32 {
        let contiguous = Array(bytes)
        return contiguous.withUnsafeBufferPointer { buffer in
            // zlib takes the length as a 32-bit count: feed it in pieces no longer than that.
            var value = UInt(crc)
            var start = 0
            while start < buffer.count {
                let length = min(buffer.count - start, Int(UInt32.max))
                value = crc32(value, buffer.baseAddress.map { $0 + start }, UInt32(length))
                start += length
            }
            return UInt32(truncatingIfNeeded: value)
        }
    }
}
