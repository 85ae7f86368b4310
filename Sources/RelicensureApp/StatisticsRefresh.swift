import Foundation

/// Refreshes the planner's statistics after a large night, on a connection of its own, while
/// the night writes its PDMS file on the other: ANALYZE costs about a second whatever the size
/// (it samples), and the file does not need it (issue 15: the backfill's last second).
///
/// Not part of the night's work: it starts after the commit, and a failure is logged, never fatal.
struct StatisticsRefresh {
    private let finished: DispatchSemaphore

    /// Starts `ANALYZE` of the tables a large night grows.
    init(session: Session) {
        let finished = DispatchSemaphore(value: 0)
        self.finished = finished
        Thread.detachNewThread {
            defer { finished.signal() }
            do {
                // The night has just checked the schema, under its lock.
                try session.openStore(requireCurrentSchema: false).analyzeGrownTables()
            } catch {
                session.logger.warning("table statistics not refreshed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Returns when the refresh has ended, whichever way.
    func wait() { finished.wait() }
}
