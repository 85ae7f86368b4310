/// The boundaries between the steps of a nightly run, in the order a run reaches them.
///
/// The reliability harnesses (docs/RELIABILITY.md) kill or cut off a run at each of them and
/// check that the next run ends in the same state as a run that was never interrupted.
public enum NightlyPhase: String, CaseIterable, Sendable {
    /// The advisory lock is held; nothing is written yet.
    case locked
    /// The run is recorded as `running` and older runs left `running` are marked abandoned.
    case runRecorded = "run-recorded"
    /// Tonight's transaction is open and its staging tables exist.
    case stagingReady = "staging-ready"
    /// Every file of the inbox (and the uploads) is read into staging.
    case filesRead = "files-read"
    /// The staged rows are merged into the awards, catalog and revocations.
    case merged
    /// Every waiting award is read and matched to its educator (decisions are staged in
    /// temporary tables; nothing of them is stored yet).
    case evaluated
    /// Each educator's night is credited and the ledger entries are appended.
    case ledgerPosted = "ledger-posted"
    /// The decisions are stored as the awards' outcomes.
    case outcomesRecorded = "outcomes-recorded"
    /// The PDMS batch is recorded; the transaction is about to commit.
    case batchRecorded = "batch-recorded"
    /// The transaction is committed; the PDMS file is not written yet.
    case committed
    /// A PDMS file is in place under its final name; its batch is not yet marked written.
    case pdmsFileWritten = "pdms-file-written"
    /// The run is recorded as succeeded; the lock is about to be released.
    case finished
}
