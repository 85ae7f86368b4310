import Foundation
import OpenBadges

/// Reads, hashes and parses tonight's files on a second thread, a few files ahead of the
/// night that records and stages them, so that parsing runs on one core while PostgreSQL
/// ingests the previous file's rows on the other (issue 8). Files come back in the order given;
/// at most `capacity` read files wait in memory (one by default: a parsed bundle of 10,000
/// assertions holds about 60 MB), so memory follows a file or two, not the folder.
final class FileReadAhead: @unchecked Sendable {
    /// A file to read: its path and the stamp it had when it was chosen.
    struct Job: Sendable {
        let path: String
        let stamp: FileStamp
    }

    /// What reading one file found.
    enum Outcome: Sendable {
        /// It could not be opened or read: tried again next night.
        case unreadable
        /// Its size or modification time changed while it was read: read whole on a later night.
        case changedWhileRead
        /// Larger than a badge file may be: hashed in pieces, never parsed.
        case tooLarge(digest: String)
        case read(digest: String, reading: FileReading)
        /// Hashing failed in a way that stops the night (the message says how).
        case failed(String)
    }

    private let jobs: [Job]
    private let limits: ReadLimits
    private let capacity: Int
    // All below are guarded by `condition`.
    private let condition = NSCondition()
    private var done: [Int: Outcome] = [:]
    private var taken = 0
    private var cancelled = false

    /// With `capacity` 0 nothing is read ahead: each file is read when it is asked for.
    init(_ jobs: [Job], limits: ReadLimits, capacity: Int = 1) {
        self.jobs = jobs
        self.limits = limits
        self.capacity = max(capacity, 0)
    }

    /// Files read ahead: `RELICENSURE_READ_AHEAD`, else none. Measured on the 1M backfill (docs/PERFORMANCE.md)
    /// one file ahead saved no time here (PostgreSQL and the staging keep both cores busy) and
    /// cost 100 MB, so it is off unless asked for.
    static func capacity(environment: [String: String]) -> Int {
        environment["RELICENSURE_READ_AHEAD"].flatMap { Int($0) }.map { max($0, 0) } ?? 0
    }

    /// Starts reading on another thread.
    func start() {
        guard capacity > 0 else { return }
        Thread.detachNewThread { [self] in produce() }
    }

    /// The outcome for job `index`, waiting for it if need be; call with 0, 1, 2, … in turn.
    func outcome(_ index: Int) -> Outcome {
        guard capacity > 0 else { return read(jobs[index]) }
        condition.lock()
        defer { condition.unlock() }
        while done[index] == nil && !cancelled { condition.wait() }
        let outcome = done.removeValue(forKey: index) ?? .unreadable
        taken = index + 1
        condition.broadcast()
        return outcome
    }

    /// Stops the reading thread (the night failed or finished early).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce() {
        for (index, job) in jobs.enumerated() {
            condition.lock()
            while index - taken >= capacity && !cancelled { condition.wait() }
            let stop = cancelled
            condition.unlock()
            if stop { return }
            let outcome = read(job)
            condition.lock()
            done[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    private func read(_ job: Job) -> Outcome {
        let outcome: Outcome
        if job.stamp.size > limits.maxFileBytes {
            do {
                outcome = .tooLarge(digest: try ContentHash.sha256Hex(ofFileAt: job.path))
            } catch {
                return .failed("\(job.path): \(error)")
            }
        } else {
            guard let data = FileManager.default.contents(atPath: job.path) else { return .unreadable }
            let bytes = [UInt8](data)
            guard bytes.count == job.stamp.size else { return .changedWhileRead }
            let name = (job.path as NSString).lastPathComponent
            outcome = .read(digest: ContentHash.sha256Hex(data), reading: BadgeReader.read(bytes, fileName: name, limits: limits))
        }
        // A file that grew or was rewritten while we read it was read half: leave it.
        guard FileStamp(path: job.path) == job.stamp else { return .changedWhileRead }
        return outcome
    }
}
