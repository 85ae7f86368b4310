internal import Crypto
public import Foundation

/// SHA-256 of received bytes, as lower-case hex: the identity of files, lines and documents,
/// and the checksums of the configuration and the migrations. The one place the product hashes
/// content, so every identity is computed the same way.
public enum ContentHash {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    public static func sha256Hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { Hex.encode(SHA256.hash(data: $0)) }
    }

    public static func sha256Hex(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }

    /// A file's hash read in 1 MiB pieces, so a file of any size is hashed in flat memory.
    public static func sha256Hex(ofFileAt path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
            hasher.update(data: piece)
        }
        return Hex.encode(hasher.finalize())
    }
}
