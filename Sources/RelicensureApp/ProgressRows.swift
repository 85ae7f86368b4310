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
    public let asOf: CalendarDate
    /// Where `other_hours` come from (`PDMSHours.source`).
    public let pdmsSource: String

    public static let columns = ["educator_id", "last_name", "first_name", "district_code", "school_code", "school_name",
                                 "license_type", "term_start", "term_end", "days_left", "credited_hours", "other_hours",
                                 "total_hours", "required_hours", "remaining_hours", "status", "other_hours_from"]

    /// Every active educator of `roster`, by district, school and name.
    static func rows(roster: [Educator], hours: [String: EducatorHours], pdms: PDMSHours, required: ClockHours,
                     asOf: CalendarDate) -> [ProgressRow] {
        let active = roster.filter(\.isActive)
        // One key per educator is sorted, not the educators themselves: moving an `Educator` (a
        // large value) and comparing five strings at every step took the monthly report 0.8 s
        // for 50,000 educators.
        let keys = active.map(sortKey)
        return keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
            .map { index in
                let educator = active[index]
                let hours = hours[educator.id] ?? EducatorHours()
                return ProgressRow(educator: educator, hours: hours,
                                   progress: Progress(educator: educator, credited: hours.term,
                                                      other: pdms.other(educator.id), required: required, asOf: asOf),
                                   asOf: asOf, pdmsSource: pdms.source)
            }
    }

    /// Where an educator stands in the Progress order: district, school, last name, first name
    /// and id, each in Unicode's composed form (NFC), joined by NUL, as UTF-8 bytes. Byte order
    /// is then the order of the fields' characters compared one field after the other (NUL
    /// sorts first, and PostgreSQL text cannot hold it), names that differ only in how an accent
    /// is encoded sort together, and the order is total — which Swift's `<` is not for strings
    /// mixing composed and decomposed accents ("éx" and "e\u{301}": neither is less than the
    /// other, and they are not equal).
    static func sortKey(_ educator: Educator) -> [UInt8] {
        var key: [UInt8] = []
        for (index, field) in [educator.districtCode, educator.schoolName ?? "", educator.lastName,
                               educator.firstName, educator.id].enumerated() {
            if index > 0 { key.append(0) }
            key.append(contentsOf: field.composed.utf8)
        }
        return key
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
         .date(educator.term?.start), .date(educator.term?.end),
         educator.term.map { .count(asOf.days(until: $0.end)) } ?? .empty, .hours(progress.credited),
         .hours(progress.other), .hours(progress.total), .hours(progress.required), .hours(progress.remaining),
         .text(progress.status.rawValue), .text(pdmsSource)]
    }

    /// Most urgent first (SPEC §6): `ending_short`, then `behind`, each by term end (no term
    /// last); then everyone else in the roster order they came in.
    static func byUrgency(_ rows: [ProgressRow]) -> [ProgressRow] {
        func rank(_ status: ProgressStatus) -> Int {
            switch status {
            case .endingShort: 0
            case .behind: 1
            default: 2
            }
        }
        return rows.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element.progress.status), right = rank(rhs.element.progress.status)
            if left != right { return left < right }
            if left < 2 {
                let leftEnd = lhs.element.educator.term?.end, rightEnd = rhs.element.educator.term?.end
                if leftEnd != rightEnd {
                    guard let leftEnd else { return false }
                    guard let rightEnd else { return true }
                    return leftEnd < rightEnd
                }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// Which educators `report progress` shows (`--district`, `--school`, `--status`).
public struct ProgressFilter: Sendable {
    public var district: String?
    public var school: String?
    public var status: ProgressStatus?

    public init(district: String? = nil, school: String? = nil, status: ProgressStatus? = nil) {
        self.district = district
        self.school = school
        self.status = status
    }

    func admits(_ row: ProgressRow) -> Bool {
        (district == nil || row.educator.districtCode == district)
            && (school == nil || row.educator.schoolCode == school)
            && (status == nil || row.progress.status == status)
    }
}

/// `relicensure report progress` (SPEC §6): every active educator, as in the Progress sheet.
/// Most urgent first, with days left, filtered by district, school or status.
public enum ProgressReport {
    /// The rows, and where their other hours come from (for a line above the text form).
    public static func table(session: Session, filter: ProgressFilter = ProgressFilter()) throws
        -> (table: ReportTable, otherHoursFrom: String) {
        let store = try session.openStore()
        let asOf = session.asOf
        let (rows, pdms) = try store.readingSnapshot {
            let pdms = try PDMSHours.read(store: store, asOf: asOf)
            return (ProgressRow.rows(roster: try store.roster(),
                                     hours: try store.educatorHours(asOf: asOf, month: ReportMonth(containing: asOf)),
                                     pdms: pdms, required: session.configuration.rules.requiredHours, asOf: asOf),
                    pdms)
        }
        return (ProgressRow.table(ProgressRow.byUrgency(rows.filter(filter.admits))), pdms.source)
    }

    /// The active educators of `scope` as `rows(store:scope:…)` gives them, and the scope's net
    /// hours by posting month from `monthsFrom` (`YYYY-MM`), read in one pass: a dashboard.
    public static func rowsAndMonths(store: Store, scope: RosterScope, required: ClockHours, asOf: CalendarDate,
                                     monthsFrom: CalendarDate) throws -> (rows: [ProgressRow], months: [String: ClockHours]) {
        try store.readingSnapshot {
            let hours = try store.scopeHours(asOf: asOf, month: ReportMonth(containing: asOf), monthsFrom: monthsFrom,
                                             scope: scope)
            return (ProgressRow.rows(roster: try store.educators(in: scope), hours: hours.educators,
                                     pdms: try PDMSHours.read(store: store, asOf: asOf), required: required, asOf: asOf),
                    hours.months)
        }
    }

    /// The active educators of `scope` whose id, name or e-mail contains `search`, of `school`
    /// when given, as the Progress sheet counts them, read in one snapshot.
    public static func rows(store: Store, scope: RosterScope, search: String? = nil, school: String? = nil,
                            required: ClockHours, asOf: CalendarDate) throws -> [ProgressRow] {
        try store.readingSnapshot {
            ProgressRow.rows(roster: try store.educators(in: scope, matching: search, school: school),
                             hours: try store.educatorHours(asOf: asOf, month: ReportMonth(containing: asOf), scope: scope),
                             pdms: try PDMSHours.read(store: store, asOf: asOf), required: required, asOf: asOf)
        }
    }
}
