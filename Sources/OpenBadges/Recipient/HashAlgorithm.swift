internal import Crypto
import Dispatch
import Foundation

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

    /// The first eight bytes of the digest of each of `forms` followed by `salt`, as numbers, in
    /// the order of `forms`, computed on up to `lanes` threads.
    ///
    /// This is the cost of a salt nothing else shares (Badgr salts each assertion): every
    /// roster address hashed once per award. One hash each, into a buffer reused for the whole
    /// lane and compared as a number, where `digest(of:salt:equals:)` allocates twice per address;
    /// and both cores work on it, each on a contiguous half (issue 15).
    public func digestPrefixes(of forms: [[UInt8]], salt: [UInt8], lanes: Int = Self.lanes) -> [UInt64] {
        guard !forms.isEmpty else { return [] }
        // Below a few thousand addresses a second thread costs more than it saves.
        let lanes = max(1, min(lanes, forms.count / 4_096))
        return [UInt64](unsafeUninitializedCapacity: forms.count) { buffer, initialized in
            let output = LaneOutput(buffer)
            let share = (forms.count + lanes - 1) / lanes
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                let range = (lane * share)..<min(forms.count, (lane + 1) * share)
                var message: [UInt8] = []
                for index in range {
                    message.removeAll(keepingCapacity: true)
                    message.append(contentsOf: forms[index])
                    message.append(contentsOf: salt)
                    output.set(index, message.withUnsafeBytes { prefix(ofDigestOf: $0) })
                }
            }
            initialized = forms.count
        }
    }

    /// Threads `digestPrefixes` uses by default: the machine's cores, at most two (the
    /// database works beside the night on the others).
    public static let lanes = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))

    private func prefix(ofDigestOf message: UnsafeRawBufferPointer) -> UInt64 {
        switch self {
        case .sha256: return SHA256.hash(data: message).withUnsafeBytes { Self.prefix(of: $0) }
        case .md5: return Insecure.MD5.hash(data: message).withUnsafeBytes { Self.prefix(of: $0) }
        }
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

/// Where the lanes of `digestPrefixes` write: each lane its own indexes of one buffer that
/// outlives them, so no two threads touch the same element.
private struct LaneOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt64>
    init(_ buffer: UnsafeMutableBufferPointer<UInt64>) { self.buffer = buffer }
    func set(_ index: Int, _ value: UInt64) { buffer[index] = value }
}
