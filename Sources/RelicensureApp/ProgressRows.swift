public import OpenBadges
public import Relicensure
public import RelicensureStore
public import Reports

/// One active educator's progress: a row of the Progress sheet, of `report progress` and of the
/// web door's dashboard and educators page.
public struct ProgressRow: Sendable {
    public let educator: Educator
    public let hours: EducatorHours
    public let progress: Progress

    public static let columns = ["educator_id", "last_name", "first_name", "district_code", "school_code", "school_name",
                          "license_type", "term_start", "term_end", "hours_this_term", "required_hours",
                          "remaining_hours", "status"]

    /// Every active educator of `roster`, by district, school and name.
    static func rows(roster: [Educator], hours: [String: EducatorHours], required: ClockHours,
                     asOf: CalendarDate) -> [ProgressRow] {
        roster.filter(\.isActive)
            .sorted { ($0.districtCode, $0.schoolName ?? "", $0.lastName, $0.firstName, $0.id)
                < ($1.districtCode, $1.schoolName ?? "", $1.lastName, $1.firstName, $1.id) }
            .map { educator in
                let hours = hours[educator.id] ?? EducatorHours()
                return ProgressRow(educator: educator, hours: hours,
                                   progress: Progress(educator: educator, credited: hours.term, required: required,
                                                      asOf: asOf))
            }
    }

    public static func table(_ rows: [ProgressRow]) -> ReportTable {
        ReportTable(name: "Progress", columns: columns, rows: rows.map(\.values))
    }

    /// The rows of the Progress sheet, made a chunk at a time as they are written.
    static func sheet(_ rows: [ProgressRow]) -> ReportRows {
        ReportRows(name: "Progress", columns: columns, rows: rows, row: \.values)
    }

    /// The row's cells, in the order of `columns`.
    public var values: [ReportValue] {
        [.text(educator.id), .text(educator.lastName), .text(educator.firstName), .text(educator.districtCode),
         .text(educator.schoolCode), .text(educator.schoolName), .text(educator.licenseType),
         .date(educator.term?.start), .date(educator.term?.end), .hours(progress.credited),
         .hours(progress.required), .hours(progress.remaining), .text(progress.status.rawValue)]
    }
}

/// `relicensure report progress` (SPEC §6): every active educator, as in the Progress sheet.
public enum ProgressReport {
    public static func table(session: Session) throws -> ReportTable {
        let store = try session.openStore()
        let asOf = session.asOf
        let rows = try store.readingSnapshot {
            ProgressRow.rows(roster: try store.roster(),
                             hours: try store.educatorHours(asOf: asOf, month: ReportMonth(containing: asOf)),
                             required: session.configuration.rules.requiredHours, asOf: asOf)
        }
        return ProgressRow.table(rows)
    }

    /// The active educators of `scope` as `rows(store:scope:…)` gives them, and the scope's net
    /// hours by posting month from `monthsFrom` (`YYYY-MM`), read in one pass: a dashboard.
    public static func rowsAndMonths(store: Store, scope: RosterScope, required: ClockHours, asOf: CalendarDate,
                                     monthsFrom: CalendarDate) throws -> (rows: [ProgressRow], months: [String: ClockHours]) {
        try store.readingSnapshot {
            let hours = try store.scopeHours(asOf: asOf, month: ReportMonth(containing: asOf), monthsFrom: monthsFrom,
                                             scope: scope)
            return (ProgressRow.rows(roster: try store.educators(in: scope), hours: hours.educators, required: required,
                                     asOf: asOf), hours.months)
        }
    }

    /// The active educators of `scope` whose id, name or e-mail contains `search`, of `school`
    /// when given, as the Progress sheet counts them, read in one snapshot.
    public static func rows(store: Store, scope: RosterScope, search: String? = nil, school: String? = nil,
                            required: ClockHours, asOf: CalendarDate) throws -> [ProgressRow] {
        try store.readingSnapshot {
            ProgressRow.rows(roster: try store.educators(in: scope, matching: search, school: school),
                             hours: try store.educatorHours(asOf: asOf, month: ReportMonth(containing: asOf), scope: scope),
                             required: required, asOf: asOf)
        }
    }
}
