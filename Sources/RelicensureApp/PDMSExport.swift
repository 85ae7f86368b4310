import Logging
public import RelicensureStore
import Reports

/// Writes a recorded PDMS batch to `reports/pdms/` (SPEC §6). The same batch always gives the
/// same bytes: its cells were frozen when it was recorded.
public enum PDMSExport {
    /// Writes batch `batchID` and marks it written; returns the path.
    @discardableResult
    public static func write(batchID: Int64, store: Store, session: Session) throws -> String {
        guard let batch = try store.pdmsBatchHeader(batchID) else {
            throw AppError(.usage, "there is no PDMS batch \(batchID); `relicensure status` lists the runs and their batches")
        }
        let written: (path: String, rows: Int)
        do {
            written = try PDMSFile.write(columns: batch.columns, reportsFolder: session.configuration.reports,
                                         fileName: batch.fileName) { write in
                try store.forEachPDMSRows(batchID: batchID) { rows in try write(rows) }
            }
        } catch {
            throw AppError(.failed, "\(error); the batch stays recorded and unwritten, and the next run writes it")
        }
        session.pausePoints.reach(.pdmsFileWritten)
        try store.markPDMSBatchWritten(batchID)
        session.logger.info("PDMS file written", metadata: ["batch": "\(batchID)", "rows": "\(written.rows)",
                                                            "path": "\(written.path)"])
        return written.path
    }

    /// Writes the batches a run killed between its commit and its file left unwritten; returns
    /// their paths. Every command that records a batch calls this first, so none is lost.
    public static func writeUnwritten(store: Store, session: Session) throws -> [String] {
        try store.unwrittenPDMSBatchIDs().map { try write(batchID: $0, store: store, session: session) }
    }

    /// `relicensure export pdms --batch N`.
    public static func run(session: Session, batchID: Int64) throws -> String {
        let store = try session.openStore()
        return try write(batchID: batchID, store: store, session: session)
    }
}
