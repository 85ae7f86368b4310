import CRosterDigests
import Dispatch
import Foundation
public import OpenBadges

/// Every form of every roster address (SPEC §5 step 2), as bytes in one buffer, and their
/// digests under one salt at a time.
///
/// A salt that nothing else shares (Badgr salts each assertion) costs a hash of every roster
/// address per award, whatever is done. So this is the one loop of the night worth writing
/// for the machine: the forms lie end to end, libcrypto hashes them from a C loop (57 ns a
/// SHA-256 here, against about 240 ns through swift-crypto's per-hash objects), and both cores
/// take half each (issue 15; docs/PERFORMANCE.md).
public struct AddressForms: Sendable {
    /// Form i is bytes[offsets[i] ..< offsets[i + 1]]. The first byte belongs to no form: it
    /// keeps the buffer from being empty, so that it always has an address to hand to C.
    private var bytes: [UInt8] = [0]
    private var offsets: [Int] = [1]

    public init() {}

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ form: String) {
        bytes.append(contentsOf: form.utf8)
        offsets.append(bytes.count)
    }

    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[offsets[index]..<offsets[index + 1]] }

    /// The first eight bytes of each form's digest (the form followed by `salt`) as a number,
    /// in the order of the forms, computed on up to `lanes` threads.
    public func digestPrefixes(_ algorithm: HashAlgorithm, salt: [UInt8], lanes: Int = Self.lanes) -> [UInt64] {
        let count = self.count
        guard count > 0 else { return [] }
        // Below a few thousand forms a second thread costs more than it saves.
        let lanes = max(1, min(lanes, count / 4_096))
        let hash: relicensure_hash = algorithm == .md5 ? RELICENSURE_MD5 : RELICENSURE_SHA256
        return [UInt64](unsafeUninitializedCapacity: count) { output, initialized in
            let share = (count + lanes - 1) / lanes
            bytes.withUnsafeBufferPointer { bytes in
                offsets.withUnsafeBufferPointer { offsets in
                    salt.withUnsafeBufferPointer { salt in
                        let lane = Lanes(bytes: bytes, offsets: offsets, salt: salt, output: output)
                        DispatchQueue.concurrentPerform(iterations: lanes) { index in
                            let first = index * share
                            lane.hash(hash, forms: first..<min(count, first + share))
                        }
                    }
                }
            }
            initialized = count
        }
    }

    /// Threads `digestPrefixes` uses by default: two, the database taking its turn on them
    /// between batches; one where the machine has one core.
    public static let lanes = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))
}

/// What the lanes of `digestPrefixes` share: buffers that outlive them, read by all, and an
/// output each lane writes only its own range of.
private struct Lanes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int>
    let salt: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutableBufferPointer<UInt64>

    func hash(_ hash: relicensure_hash, forms: Range<Int>) {
        guard !forms.isEmpty, let base = bytes.baseAddress, let offsets = offsets.baseAddress,
              let output = output.baseAddress else { return }
        relicensure_digest_prefixes(hash, base, offsets + forms.lowerBound, forms.count, salt.baseAddress,
                                    salt.count, output + forms.lowerBound)
    }
}
