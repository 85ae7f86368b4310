import Foundation

extension ReportRows {
    /// Calls `body` with each chunk of rows made ready by `prepare` (given the chunk and the
    /// number of its first row in the table), in order. The rows are produced and prepared on a
    /// thread of their own, up to `chunks` chunks ahead of `body`: while `body` writes one chunk
    /// to the workbook, the next is read from the database (and, when the rows are observed,
    /// written to its CSV file), so that a report uses both cores.
    ///
    /// The producer then runs on that thread alone, so it must share nothing with the caller:
    /// rows read through a connection of their own, files that only it writes. This returns
    /// only after the thread has finished, even when either side fails, so that what the
    /// producer holds is never touched by two threads at once.
    func forEachChunk<Prepared: Sendable>(
        preparedAhead prepare: @escaping @Sendable (_ chunk: [[ReportValue]], _ firstRow: Int) -> Prepared,
        by chunks: Int = 2, _ body: (Prepared) throws -> Void
    ) throws {
        let handOff = ProducerHandOff(produce)
        let channel = ChunkChannel<Prepared>(capacity: max(chunks, 1))
        let thread = Thread {
            var failure: (any Error)?
            do {
                var firstRow = 0
                try handOff.run { chunk in
                    try channel.put(prepare(chunk, firstRow))
                    firstRow += chunk.count
                }
            } catch {
                failure = error
            }
            // What the producer held (its connection, its CSV file) is let go by now, before
            // the caller hears that it has finished.
            channel.finish(failure: failure)
        }
        thread.start()
        defer { channel.stopAndWait() }
        while let prepared = try channel.take() { try body(prepared) }
    }
}

/// Hands a producer to the thread that runs it, which lets go of it (and of what it captured)
/// as soon as it has run. Unchecked because a producer captures what it reads from (a database
/// connection, which is not `Sendable`); safe because from then on only that thread touches
/// it, and the caller waits for the thread to finish before it returns (see
/// `forEachChunk(preparedAhead:)`).
private final class ProducerHandOff: @unchecked Sendable {
    private var produce: ((_ emit: ([[ReportValue]]) throws -> Void) throws -> Void)?

    init(_ produce: @escaping (_ emit: ([[ReportValue]]) throws -> Void) throws -> Void) {
        self.produce = produce
    }

    /// Runs the producer once, then drops it.
    func run(_ emit: ([[ReportValue]]) throws -> Void) throws {
        guard let produce else { return }
        self.produce = nil
        try produce(emit)
    }
}

/// Chunks on their way from a producer thread to the consumer, at most `capacity` at a time.
/// Every stored property is read and written only with `condition` locked, which is what makes
/// the unchecked `Sendable` safe.
private final class ChunkChannel<Chunk: Sendable>: @unchecked Sendable {
    /// Thrown in the producer when the consumer has stopped taking chunks.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [Chunk] = []
    /// Set by the producer when it has produced everything, or failed.
    private var finished = false
    private var failure: (any Error)?
    /// Set by the consumer when it takes no more chunks.
    private var stopped = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds a chunk, waiting while the channel is full; throws `Stopped` once the consumer has
    /// stopped.
    func put(_ chunk: Chunk) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity, !stopped { condition.wait() }
        if stopped { throw Stopped() }
        chunks.append(chunk)
        condition.broadcast()
    }

    func finish(failure: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        self.failure = failure
        condition.broadcast()
    }

    /// The next chunk, waiting for one; `nil` when the producer has finished, or the producer's
    /// error when it failed.
    func take() throws -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop (if it has not finished) and waits until it has.
    func stopAndWait() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        chunks.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
