import Foundation
import Relicensure
import RelicensureStore

/// The roster as crediting reads it — every educator with their addresses, by id, and the
/// recipient directory made of them — decoded and indexed on a thread of its own while the
/// night reads its files, the approvals, and chooses tonight's awards. On the million-award
/// ledger's normal night the roster is the largest of the inputs (50,000 educators: decoding
/// and indexing them took about 0.1 s of one core), and the server's work on the rest about
/// as long.
///
/// Only the decoding moves: the rows are read on the night's own connection, under its lock
/// (a second connection's read could wait behind someone else's lock request that waits for
/// the night's, and neither would ever give way).
struct RosterReading {
    /// What the other thread made.
    struct Read: Sendable {
        let roster: [Educator]
        /// By id, the first row of an id.
        let educatorsByID: [String: Educator]
        let directory: RecipientDirectory
    }

    private let finished = DispatchSemaphore(value: 0)
    private let box = ResultBox()

    init(_ rows: Store.RosterRows) {
        let finished = self.finished, box = self.box
        Thread.detachNewThread {
            box.result = Result {
                let roster = try rows.educators()
                var byID: [String: Educator] = [:]
                byID.reserveCapacity(roster.count)
                for educator in roster where byID[educator.id] == nil { byID[educator.id] = educator }
                return Read(roster: roster, educatorsByID: byID, directory: RecipientDirectory(roster))
            }
            finished.signal()
        }
    }

    /// Waits for the roster; rethrows what stopped its decoding.
    func read() throws -> Read {
        finished.wait()
        finished.signal()   // a second call returns at once
        guard let result = box.result else { throw AppError(.failed, "the roster was not read") }
        return try result.get()
    }

    /// Takes what the other thread made out of this reading, for the caller to be its last
    /// holder (the night frees it on another thread); a later `read()` throws.
    func take() -> Result<Read, any Error>? {
        finished.wait()
        finished.signal()
        defer { box.result = nil }
        return box.result
    }

    /// Written by the decoding thread before it signals `finished`, read only after waiting for
    /// it: the semaphore orders the two, so no lock is needed.
    private final class ResultBox: @unchecked Sendable {
        var result: Result<Read, any Error>?
    }
}
