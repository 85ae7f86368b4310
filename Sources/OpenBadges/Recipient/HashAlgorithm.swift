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

    /// Lower-case hex digest of `bytes`.
    public func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        let data = Array(bytes)
        switch self {
        case .sha256: return Hex.encode(SHA256.hash(data: data))
        case .md5: return Hex.encode(Insecure.MD5.hash(data: data))
        }
    }
}

/// SHA-256 of received bytes, as lower-case hex: the identity of files, lines and documents.
public enum ContentHash {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    public static func sha256Hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { Hex.encode(SHA256.hash(data: $0)) }
    }
}
