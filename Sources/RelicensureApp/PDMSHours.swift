import OpenBadges
import Relicensure
import RelicensureStore
import Reports

/// The PDMS side of an educator's hours as of a day (SPEC §6 "All of an educator's hours"):
/// the snapshot a report uses and each educator's `other_hours` from it.
struct PDMSHours {
    /// The import the hours come from; `nil` when none was made by the as-of date.
    let snapshot: PDMSImportRecord?
    let byEducator: [String: ClockHours]


    /// Reads them inside the caller's snapshot; with `educatorID`, only that educator's.
    static func read(store: Store, asOf: CalendarDate, educatorID: String? = nil) throws -> PDMSHours {
        guard let snapshot = try store.latestPDMSImport(asOf: asOf) else { return PDMSHours(snapshot: nil, byEducator: [:]) }
        return PDMSHours(snapshot: snapshot,
                         byEducator: try store.otherHours(of: snapshot, asOf: asOf, educatorID: educatorID))
    }

    func other(_ educatorID: String) -> ClockHours { byEducator[educatorID] ?? .zero }

    /// Where the other hours come from, in a cell or a line: the snapshot's date, or that there is none.
    /// Without one every output says so: otherwise most educators would look `behind` for want
    /// of the hours PDMS holds.
    var source: String { Transcript.otherHoursFrom(snapshot?.importedOn) }
}
