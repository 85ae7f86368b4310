internal import Crypto

/// SHA-256 of received bytes, as lower-case hex: the identity of files, lines and documents.
public enum ContentHash {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    public static func sha256Hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { Hex.encode(SHA256.hash(data: $0)) }
    }
}
