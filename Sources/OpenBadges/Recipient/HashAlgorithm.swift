internal import Crypto

/// The hash functions Open Badges uses for recipient identities (`sha256$…`, `md5$…`).
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha256
    case md5

    /// Length of the hex digest.
    public var hexLength: Int {
        switch self {
        case .sha256: return 64
        case .md5: return 32
        }
    }

    /// Whether the digest of `bytes` followed by `salt` is `expected` (raw bytes): for trying
    /// many addresses against one identity without building text for each.
    public func digest(of bytes: [UInt8], salt: [UInt8], equals expected: [UInt8]) -> Bool {
        withDigest(of: bytes, salt: salt) { $0.elementsEqual(expected) }
    }

    /// Hashes `bytes` then `salt` without joining them, and hands the digest's bytes to `body`.
    private func withDigest<T>(of bytes: [UInt8], salt: [UInt8], _ body: ([UInt8]) -> T) -> T {
        func digest<H: HashFunction>(_ hasher: H) -> [UInt8] {
            var hasher = hasher
            hasher.update(data: bytes)
            hasher.update(data: salt)
            return Array(hasher.finalize())
        }
        switch self {
        case .sha256: return body(digest(SHA256()))
        case .md5: return body(digest(Insecure.MD5()))
        }
    }

    /// The first eight bytes of a digest as a number.
    public static func prefix(of digest: some Sequence<UInt8>) -> UInt64 {
        digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Lower-case hex digest of `bytes`.
    public func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        let data = Array(bytes)
        switch self {
        case .sha256: return Hex.encode(SHA256.hash(data: data))
        case .md5: return Hex.encode(Insecure.MD5.hash(data: data))
        }
    }
}
