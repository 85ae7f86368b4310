/// A stand-in for swift-crypto's `Crypto` module, used only when scripts/fuzz compiles the
/// OpenBadges sources with `swiftc -sanitize=fuzzer` outside SwiftPM.
///
/// OpenBadges hashes bytes to name documents and match recipients; what the digest is does not
/// change which code paths the readers take, so a fast non-cryptographic digest of the right
/// length keeps the fuzz build free of BoringSSL. Never linked into the product. It offers the
/// part of swift-crypto's API that OpenBadges uses (one-shot `hash(data:)` and the incremental
/// `HashFunction`); CI builds the fuzz targets, so a new use that it lacks fails there at once.
public import Foundation

/// See ``SHA256``: the incremental interface, as swift-crypto's.
public protocol HashFunction {
    init()
    mutating func update(data: some DataProtocol)
    func finalize() -> [UInt8]
}

/// See the file's comment.
public struct SHA256: HashFunction {
    private var bytes: [UInt8] = []
    public init() {}
    public mutating func update(data: some DataProtocol) { bytes += Array(data) }
    public func finalize() -> [UInt8] { Digest.fnv(bytes, length: 32) }
    public static func hash(data: some DataProtocol) -> [UInt8] { Digest.fnv(Array(data), length: 32) }
    public static func hash(data: UnsafeRawBufferPointer) -> [UInt8] { Digest.fnv(Array(data), length: 32) }
}

/// See ``SHA256``.
public enum Insecure {
    /// See ``SHA256``.
    public struct MD5: HashFunction {
        private var bytes: [UInt8] = []
        public init() {}
        public mutating func update(data: some DataProtocol) { bytes += Array(data) }
        public func finalize() -> [UInt8] { Digest.fnv(bytes, length: 16) }
        public static func hash(data: some DataProtocol) -> [UInt8] { Digest.fnv(Array(data), length: 16) }
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
