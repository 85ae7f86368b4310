import NIOPosix
import RelicensureStore

/// A connection to the ledger lent to one request at a time. `@unchecked Sendable` because a
/// `Store` is not thread-safe: the pool hands each one to exactly one request at a time, and
/// that request uses it only inside `StorePool.withStore`, on one thread-pool thread.
final class PooledStore: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}

/// A small bounded set of connections to the ledger. libpq blocks, so every use runs on a
/// thread pool of its own, never on an event loop of the HTTP server (SPEC §8).
actor StorePool {
    private let open: @Sendable () throws -> Store
    private let threadPool: NIOThreadPool
    private let limit: Int
    private var idle: [PooledStore] = []
    private var opened = 0
    /// Requests waiting for a connection: each is handed one, or `nil` when a slot was freed
    /// (a broken connection let go) so that it opens a new one.
    private var waiting: [CheckedContinuation<PooledStore?, Never>] = []

    /// - Parameters:
    ///   - limit: the most connections open at once, and so the most requests at the database.
    ///   - open: connects (and checks the schema); called on the thread pool.
    init(limit: Int, threadPool: NIOThreadPool, open: @escaping @Sendable () throws -> Store) {
        self.limit = max(1, limit)
        self.threadPool = threadPool
        self.open = open
    }

    /// Runs `body` with a connection of its own, off the event loop.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let lent = try await acquire()
        do {
            let result = try await threadPool.runIfActive { try body(lent.store) }
            giveBack(lent)
            return result
        } catch {
            giveBack(lent)
            throw error
        }
    }

    private func acquire() async throws -> PooledStore {
        while true {
            if let store = idle.popLast() { return store }
            if opened < limit {
                opened += 1
                do {
                    let open = self.open
                    return try await threadPool.runIfActive { PooledStore(try open()) }
                } catch {
                    slotFreed()
                    throw error
                }
            }
            if let handed = await withCheckedContinuation({ waiting.append($0) }) { return handed }
        }
    }

    /// A connection whose server went away is closed, not lent again.
    private func giveBack(_ lent: PooledStore) {
        guard lent.store.connection.isHealthy else {
            slotFreed()
            return
        }
        if waiting.isEmpty {
            idle.append(lent)
        } else {
            waiting.removeFirst().resume(returning: lent)
        }
    }

    private func slotFreed() {
        opened -= 1
        if !waiting.isEmpty { waiting.removeFirst().resume(returning: nil) }
    }
}
