/// A stand-in for swift-crypto's `Crypto` module, used only when scripts/fuzz compiles the
/// OpenBadges sources with `swiftc -sanitize=fuzzer` outside SwiftPM.
///
/// OpenBadges hashes bytes to name documents and match recipients; what the digest is does not
/// change which code paths the readers take, so a fast non-cryptographic digest of the right
/// length keeps the fuzz build free of BoringSSL. Never linked into the product.
public enum SHA256 {
    public static func hash(data: [UInt8]) -> [UInt8] { Digest.fnv(data, length: 32) }
    public static func hash(data: UnsafeRawBufferPointer) -> [UInt8] { Digest.fnv(Array(data), length: 32) }
}

/// See ``SHA256``.
public enum Insecure {
    /// See ``SHA256``.
    public enum MD5 {
        public static func hash(data: [UInt8]) -> [UInt8] { Digest.fnv(data, length: 16) }
    }
}

enum Digest {
    /// FNV-1a, stretched to `length` bytes.
    static func fnv(_ bytes: [UInt8], length: Int) -> [UInt8] {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        var output: [UInt8] = []
        for round in 0..<(length / 8) {
            state ^= UInt64(round)
            for byte in bytes {
                state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            for shift in stride(from: 0, to: 64, by: 8) { output.append(UInt8(truncatingIfNeeded: state >> UInt64(shift))) }
        }
        return output
    }
}
