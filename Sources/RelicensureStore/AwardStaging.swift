import OpenBadges
import Postgres

/// Tonight's awards on their way into `staged_awards`, through a COPY that stays open while
/// the files are read (until 5,000 other rows wait to be staged, or the folder ends).
///
/// A COPY per batch made the night wait for the server to store each batch before it read on,
/// and the server wait for the next batch while the night parsed it: on two cores, each side
/// idle half the time (100,000 awards: 0.8 s of COPY in 1.9 s of reading). Open, and sent by
/// a thread of its own (`CopyInStream`'s sending aside), the rows are stored as they arrive
/// while the night parses the next file: the 100,000-award backfill read its files in
/// 1.60–1.65 s where it took 2.27–2.35 s. Nothing else may be sent on the connection
/// meanwhile: the other staged rows wait for ``finish()``.
public final class AwardStaging {
    private let stream: CopyInStream
    private let run: String
    private let day: String

    init(stream: CopyInStream, runID: Int64, seenOn: CalendarDate) {
        self.stream = stream
        self.run = String(runID)
        self.day = seenOn.description
    }

    /// Queues `awards` for `staged_awards`.
    public func stage(_ awards: [IncomingAward]) throws {
        for award in awards { try stream.write(Store.awardRow(award, run: run, day: day)) }
    }

    /// Ends the COPY: every award queued is staged, or, on an error, none.
    public func finish() throws {
        try stream.finish()
    }

    /// Ends the COPY staging nothing (the night's transaction has failed).
    public func cancel() {
        stream.cancel()
    }
}
