import Logging
public import RelicensureStore
import Reports

/// Writes a recorded PDMS batch to `reports/pdms/` (SPEC §6). The same batch always gives the
/// same bytes: its cells were frozen when it was recorded.
public enum PDMSExport {
    /// Writes batch `batchID` and marks it written; returns the path.
    @discardableResult
    public static func write(batchID: Int64, store: Store, session: Session) throws -> String {
        guard let batch = try store.pdmsBatch(batchID) else {
            throw AppError(.usage, "there is no PDMS batch \(batchID); `relicensure status` lists the runs and their batches")
        }
        let path: String
        do {
            path = try PDMSFile.write(columns: batch.columns, rows: batch.rows,
                                      reportsFolder: session.configuration.reports, fileName: batch.fileName)
        } catch {
            throw AppError(.failed, "\(error); the batch stays recorded and unwritten, and the next run writes it")
        }
        session.pausePoints.reach(.pdmsFileWritten)
        try store.markPDMSBatchWritten(batchID)
        session.logger.info("PDMS file written", metadata: ["batch": "\(batchID)", "rows": "\(batch.rows.count)", "path": "\(path)"])
        return path
    }

    /// `relicensure export pdms --batch N`.
    public static func run(session: Session, batchID: Int64) throws -> String {
        let store = try session.openStore()
        return try write(batchID: batchID, store: store, session: session)
    }
}
