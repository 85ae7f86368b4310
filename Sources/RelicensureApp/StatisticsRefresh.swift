import Foundation
import RelicensureStore

/// Refreshes the planner's statistics after a large night, on connections of their own, while
/// the night writes its PDMS file on its own: ANALYZE costs about a second whatever the size
/// (it samples), and the file does not need it (issue 15: the backfill's last second). Two
/// connections share the tables (`Store.grownTables`), one server process per core: after a
/// 100,000-award backfill, 0.56 s where one took 0.92 s.
///
/// Not part of the night's work: it starts after the commit, and a failure is logged, never fatal.
struct StatisticsRefresh {
    private let finished: [DispatchSemaphore]

    /// Starts `ANALYZE` of the tables a large night grows.
    init(session: Session) {
        finished = Store.grownTables.map { tables in
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { finished.signal() }
                do {
                    // The night has just checked the schema, under its lock.
                    try session.openStore(requireCurrentSchema: false).analyzeGrownTables(tables)
                } catch {
                    session.logger.warning("table statistics not refreshed",
                                           metadata: ["tables": "\(tables.joined(separator: ", "))", "error": "\(error)"])
                }
            }
            return finished
        }
    }

    /// Returns when the refresh has ended, whichever way.
    func wait() { finished.forEach { $0.wait() } }
}
