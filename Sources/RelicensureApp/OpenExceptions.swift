public import OpenBadges
public import RelicensureStore
public import Reports

/// The open exceptions (SPEC §6 "Open exceptions"): every award not credited and not `invalid`
/// or `revoked` as of a day, whenever it was first seen, oldest first, with the Exceptions
/// columns and `days_open`. The web door's `/exceptions` shows them for an account's scope.
public enum OpenExceptions {
    public static let columns = MonthlySheets.openColumns

    public static func table(store: Store, scope: RosterScope, asOf: CalendarDate) throws -> ReportTable {
        let awards = try store.readingSnapshot { try store.awards(.open, asOf: asOf, scope: scope) }
        return ReportTable(name: "Open", columns: columns, rows: awards.map { MonthlySheets.openException($0, asOf: asOf) })
    }
}
