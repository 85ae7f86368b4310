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
