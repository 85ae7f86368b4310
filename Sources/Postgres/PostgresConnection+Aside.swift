import Foundation

extension PostgresConnection {
    /// Runs `work` with this connection on a thread of its own and returns at once. The
    /// connection's next call from its owner first waits for `work` to end, and throws its
    /// error if it failed: statements run in the order they were asked for, one at a time,
    /// while the owner goes on computing.
    ///
    /// For writes whose results nobody reads at once, such as a night's staged decisions and
    /// postings: the server stores them while the night credits the next educators.
    public func runAside(_ work: @escaping (PostgresConnection) throws -> Void) throws {
        try awaitAside()
        let pending = AsideWork()
        aside = pending
        let lease = ConnectionLease(connection: self, work: work)
        Thread.detachNewThread {
            Thread.current.threadDictionary[AsideWork.marker] = true
            defer { pending.done.signal() }
            do {
                try lease.work(lease.connection)
            } catch {
                pending.error = error
            }
        }
    }

    /// Waits for work run aside, if any, and throws its error. A call from that work itself
    /// does not wait (it is the connection's user until it ends).
    public func awaitAside() throws {
        guard Thread.current.threadDictionary[AsideWork.marker] == nil, let pending = aside else { return }
        pending.done.wait()
        aside = nil
        if let error = pending.error { throw error }
    }

    /// Waits for work run aside without taking its error, which the next call throws.
    func settleAside() {
        guard Thread.current.threadDictionary[AsideWork.marker] == nil, let pending = aside else { return }
        pending.done.wait()
        pending.done.signal()
    }
}

/// Work running aside on a connection: its end, and its error.
final class AsideWork: @unchecked Sendable {
    // @unchecked: `error` is written by the aside thread before it signals `done`, and read by
    // the owner only after waiting for `done`.
    static let marker = "Postgres.PostgresConnection.aside"
    let done = DispatchSemaphore(value: 0)
    var error: (any Error)?
}

/// Hands a connection and the work on it to the aside thread.
private final class ConnectionLease: @unchecked Sendable {
    // @unchecked: from `runAside` until the work ends the owner does not touch the connection
    // (every call waits in `awaitAside`), so one thread uses it at a time.
    let connection: PostgresConnection
    let work: (PostgresConnection) throws -> Void

    init(connection: PostgresConnection, work: @escaping (PostgresConnection) throws -> Void) {
        self.connection = connection
        self.work = work
    }
}
