import CLibPQ
import Foundation

extension PostgresConnection {
    /// Runs `work` with this connection on a thread of its own and returns at once. The
    /// owner's next statement (`query`, `execute`, `send`, `receiveResult`, a COPY, a
    /// transaction) first waits for `work` to end: statements run in the order they were asked
    /// for, one at a time, while the owner goes on computing.
    ///
    /// If `work` fails inside a transaction block, its error is thrown by every later statement,
    /// not only the next (a `try?` along the way cannot lose it), until the block rolls back
    /// (`transaction`), which is what such an error means for its work.
    ///
    /// For writes whose results nobody reads at once, such as a night's staged decisions and
    /// postings: the server stores them while the night credits the next educators.
    /// - Throws: the error of earlier work aside; ``PostgresError`` when called from work aside,
    ///   or while a statement's result or a COPY is pending on the connection.
    public func runAside(_ work: @escaping (PostgresConnection) throws -> Void) throws {
        guard !AsideWork.isCurrentThreadAside else {
            throw PostgresError(code: .transaction, message: "work aside cannot run more work aside")
        }
        try awaitAside()
        guard !isBusy else {
            throw PostgresError(code: .transaction,
                                message: "cannot run work aside while a result or a COPY is pending on the connection")
        }
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

    /// Waits for work run aside, if any, and throws its error. Inside a transaction block the
    /// error is thrown at every later call until the block rolls back (`discardAside`); outside
    /// one, the failed statement was its own transaction, and the error is thrown once. A call
    /// from the work itself does not wait (it is the connection's user until it ends).
    public func awaitAside() throws {
        guard !AsideWork.isCurrentThreadAside else { return }
        collectAside()
        guard let failure = asideFailure else { return }
        if PQtransactionStatus(handle) == PQTRANS_IDLE { asideFailure = nil }
        throw failure
    }

    /// Waits for work run aside and forgets its error: for the rollback that ends the work the
    /// error spoiled.
    func discardAside() {
        collectAside()
        asideFailure = nil
    }

    /// Waits for work run aside without taking its error, which the next call throws.
    func settleAside() {
        collectAside()
    }

    /// Waits for work run aside, if any, and keeps its error for `awaitAside` to throw.
    private func collectAside() {
        guard !AsideWork.isCurrentThreadAside, let pending = aside else { return }
        pending.done.wait()
        aside = nil
        if let error = pending.error { asideFailure = error }
    }

    /// Whether a statement's result or a COPY is pending on the connection (libpq's
    /// transaction status is "active"): nothing else may be sent until it ends.
    public var isBusy: Bool {
        PQtransactionStatus(handle) == PQTRANS_ACTIVE
    }
}

/// Work running aside on a connection: its end, and its error.
final class AsideWork: @unchecked Sendable {
    // @unchecked: `error` is written by the aside thread before it signals `done`, and read by
    // the owner only after waiting for `done`.
    static let marker = "Postgres.PostgresConnection.aside"
    let done = DispatchSemaphore(value: 0)
    var error: (any Error)?

    /// Whether the calling thread is running work aside.
    static var isCurrentThreadAside: Bool { Thread.current.threadDictionary[marker] != nil }
}

/// Hands a connection and the work on it to the aside thread.
private final class ConnectionLease: @unchecked Sendable {
    // @unchecked: from `runAside` until the work ends, the owner's statements wait for it in
    // `awaitAside` (every entry point that sends or receives calls it first, and `runAside`
    // refuses while a result or a COPY is pending), so one thread uses the connection at a time.
    let connection: PostgresConnection
    let work: (PostgresConnection) throws -> Void

    init(connection: PostgresConnection, work: @escaping (PostgresConnection) throws -> Void) {
        self.connection = connection
        self.work = work
    }
}
