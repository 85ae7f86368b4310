import Foundation

/// A thread that hands a COPY's encoded rows to libpq while the producer goes on encoding.
///
/// libpq sends in blocking mode: once the socket's buffer is full, `PQputCopyData` waits for
/// the server to read. A producer that reads a large file and then writes its rows waited for
/// the server at every file (100,000 awards: 0.4 s of a 2 s reading). Queued here, the rows go
/// out while the next file is read. The queue holds at most `capacity` chunks (each 64 KiB and
/// the row that crossed it: about 4 MiB), so memory stays bounded when the server is the
/// slower side.
final class CopyDataSender: @unchecked Sendable {
    // @unchecked: `connection` is used only by the sender's thread from `init` until `finish`
    // returns, and only by its owner before and after; the queue is guarded by `condition`.
    private let connection: PostgresConnection
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var closed = false
    private var done = false
    private var failure: (any Error)?
    private let capacity = 64

    init(connection: PostgresConnection) {
        self.connection = connection
        Thread.detachNewThread { [self] in run() }
    }

    /// Queues `bytes`, waiting while the queue is full; throws the sender's error if it failed.
    func enqueue(_ bytes: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(bytes)
        condition.broadcast()
    }

    /// Waits until every queued chunk is sent and the thread has let go of the connection;
    /// throws the error that stopped it, if any. With `dropping`, what is still queued is not
    /// sent (the COPY is being cancelled).
    func finish(dropping: Bool = false) throws {
        condition.lock()
        defer { condition.unlock() }
        if dropping { queue.removeAll() }
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        if let failure { throw failure }
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty || failure != nil {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let bytes = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                try connection.sendCopyData(bytes)
            } catch {
                condition.lock()
                failure = error
                queue.removeAll()
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
