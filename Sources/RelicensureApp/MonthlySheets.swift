import OpenBadges
import Relicensure
import RelicensureStore
import Reports

/// Builds the sheets of the monthly report from the ledger, the outcomes and the roster: the
/// Summary and Progress (one row per school, per educator) in memory, the long sheets (Credits,
/// Pending, Exceptions) streamed from database cursors as the workbook is written.
struct MonthlySheets {
    let month: ReportMonth
    let asOf: CalendarDate
    let rules: CreditingRules
    /// The name cells of every educator, by id.
    let names: [String: NameCells]

    /// An educator's name, district and school as the Credits and Pending rows show them:
    /// made once per educator, not once per row, and shared by reference.
    final class NameCells: Sendable {
        let lastName: ReportValue
        let firstName: ReportValue
        let districtCode: ReportValue
        let schoolName: ReportValue

        init(_ educator: Educator?) {
            lastName = .text(educator?.lastName)
            firstName = .text(educator?.firstName)
            districtCode = .text(educator?.districtCode)
            schoolName = .text(educator?.schoolName)
        }

        /// For an educator the roster does not hold.
        static let unknown = NameCells(nil)
    }

    /// The report's sheets. Call it inside `Store.readingSnapshot` and write the sheets there
    /// too: the long ones are read while they are written, all from the same snapshot.
    static func sheets(store: Store, rules: CreditingRules, month: ReportMonth, asOf: CalendarDate,
                       batchSize: Int) throws -> MonthlyReportSheets {
        let through = min(month.lastDay, asOf)
        // The long sheets' queries take the server seconds, so each runs on a connection of its
        // own that sees this snapshot, started before its rows are wanted, and the server works
        // on it while this connection does other work and the workbook is written. The Credits
        // (wanted first) start now; the Pending and Exceptions, which read every award's outcome,
        // once the roster and the hours are read, so as not to hold those up (half a second
        // sooner on the 1M-award scenario, in three runs side by side); the Open once the
        // Credits are read (below).
        let creditLines = try store.sharingSnapshot().startLedgerLines(postedFrom: month.firstDay, through: through,
                                                                       batchSize: batchSize)
        let educators = try store.roster()
        let sheets = MonthlySheets(month: month, asOf: asOf, rules: rules,
                                   names: Dictionary(educators.map { ($0.id, NameCells($0)) }) { first, _ in first })
        let hours = try store.educatorHours(asOf: asOf, month: month)
        let chartStart = (1..<12).reduce(month) { earlier, _ in earlier.previous }
        let hoursByMonth = try store.hoursByPostingMonth(from: chartStart.firstDay, through: through)
        let pendingAwards = try store.sharingSnapshot().startAwards(.outcome(Outcome.pendingApproval.rawValue),
                                                                    asOf: asOf, batchSize: batchSize)
        let exceptionAwards = try store.sharingSnapshot().startAwards(
            .uncreditedFirstSeen(from: month.firstDay, through: through), asOf: asOf, batchSize: batchSize)
        // The Open sheet's query, the longest, starts once the Credits are read (below): started
        // with the others, it took the server's share of the cores while the Credits were
        // written, and left them idle by the time its own rows were.
        let openReader = try store.sharingSnapshot()
        let openAwards = LaterBatches { try openReader.startAwards(.open, asOf: asOf, batchSize: batchSize) }
        let pdms = try PDMSHours.read(store: store, asOf: asOf)
        let progress = ProgressRow.rows(roster: educators, hours: hours, pdms: pdms, required: rules.requiredHours,
                                        asOf: asOf)
        // Hours posted in the month count for the school even when the educator has since
        // become inactive; the educator and status counts are of active educators only.
        let inactive = educators.filter { !$0.isActive && (hours[$0.id]?.month ?? .zero) != .zero }
        return MonthlyReportSheets(
            month: month, asOf: asOf,
            summary: ReportRows(sheets.summary(progress, inactive: inactive, hours: hours)),
            credits: ReportRows(name: "Credits", columns: creditColumns) { emit in
                while let lines = try creditLines.next() { try emit(lines.map(sheets.credit)) }
                openAwards.start()
            },
            progress: ProgressRow.sheet(progress),
            pending: ReportRows(name: "Pending", columns: pendingColumns) { emit in
                while let awards = try pendingAwards.next() { try emit(awards.map(sheets.pending)) }
            },
            exceptions: ReportRows(name: "Exceptions", columns: exceptionColumns) { emit in
                while let awards = try exceptionAwards.next() { try emit(awards.map(exception)) }
            },
            open: ReportRows(name: "Open", columns: openColumns) { emit in
                while let awards = try openAwards.next() { try emit(awards.map { openException($0, asOf: asOf) }) }
            },
            districtTotals: sheets.districtTotals(progress, inactive: inactive, hours: hours),
            hoursByMonth: sheets.hoursByMonth(hoursByMonth, from: chartStart))
    }

    /// Batches whose query starts when first asked for, or earlier by `start()`: a sheet's
    /// query started from the producer of a sheet before it. The producers run on threads of
    /// their own, but one sheet after the other (`ReportRows.forEachChunk(preparedAhead:)`
    /// returns only once its thread has finished), so this is never used by two at once.
    private final class LaterBatches<Element> {
        private var begin: (() throws -> StoreBatches<Element>)?
        private var started: Result<StoreBatches<Element>, any Error>?

        init(_ begin: @escaping () throws -> StoreBatches<Element>) { self.begin = begin }

        /// Starts the query unless it has been; a failure is kept for `next()` to throw, in the
        /// sheet whose rows it is, rather than failing the sheet that started it.
        func start() {
            guard let begin else { return }
            self.begin = nil
            started = Result { try begin() }
        }

        func next() throws -> [Element]? {
            start()
            return try started?.get().next()
        }
    }

    // MARK: Summary

    private struct Group {
        var educators = 0
        var hoursInMonth = ClockHours.zero
        var hoursThisTerm = ClockHours.zero
        var otherHours = ClockHours.zero
        var statuses: [ProgressStatus: Int] = [:]
    }

    private struct SchoolKey: Hashable, Comparable {
        let district: String
        let schoolCode: String
        let schoolName: String

        static func < (lhs: SchoolKey, rhs: SchoolKey) -> Bool {
            (lhs.district, lhs.schoolName, lhs.schoolCode) < (rhs.district, rhs.schoolName, rhs.schoolCode)
        }
    }

    /// Per district and school: active educators, hours credited in the month, hours this term
    /// (ours, PDMS's others, both) and how many educators have each status.
    func summary(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours]) -> ReportTable {
        let groups = group(progress, inactive: inactive, hours: hours) { educator in
            SchoolKey(district: educator.districtCode, schoolCode: educator.schoolCode ?? "",
                      schoolName: educator.schoolName ?? "")
        }
        let statuses = ProgressStatus.allCases
        return ReportTable(
            name: "Summary",
            columns: ["district_code", "district_name", "school_code", "school_name", "educators", "hours_in_month",
                      "credited_hours", "other_hours", "total_hours"] + statuses.map(\.rawValue),
            rows: groups.sorted { $0.key < $1.key }.map { key, group in
                [.text(key.district), .text(districtName(key.district)), .text(key.schoolCode), .text(key.schoolName),
                 .count(group.educators), .hours(group.hoursInMonth), .hours(group.hoursThisTerm),
                 .hours(group.otherHours), .hours(group.hoursThisTerm + group.otherHours)]
                    + statuses.map { .count(group.statuses[$0] ?? 0) }
            })
    }

    /// One row per district, for the chart of hours by district.
    func districtTotals(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours]) -> ReportTable {
        let groups = group(progress, inactive: inactive, hours: hours, by: \.districtCode)
        return ReportTable(
            name: "Hours by district",
            columns: ["district_code", "district_name", "educators", "hours_in_month", "total_hours"],
            rows: groups.sorted { $0.key < $1.key }.map { code, group in
                [.text(code), .text(districtName(code)), .count(group.educators), .hours(group.hoursInMonth),
                 .hours(group.hoursThisTerm + group.otherHours)]
            })
    }

    private func group<Key: Hashable>(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours],
                                      by key: (Educator) -> Key) -> [Key: Group] {
        var groups: [Key: Group] = [:]
        for row in progress {
            groups[key(row.educator), default: Group()].educators += 1
            groups[key(row.educator), default: Group()].hoursInMonth += row.hours.month
            groups[key(row.educator), default: Group()].hoursThisTerm += row.progress.credited
            groups[key(row.educator), default: Group()].otherHours += row.progress.other
            groups[key(row.educator), default: Group()].statuses[row.progress.status, default: 0] += 1
        }
        for educator in inactive {
            groups[key(educator), default: Group()].hoursInMonth += hours[educator.id]?.month ?? .zero
        }
        return groups
    }

    private func districtName(_ code: String) -> String { rules.districts[code]?.name ?? "" }

    // MARK: Credits

    static let creditColumns = ["posted_on", "entry_id", "educator_id", "last_name", "first_name", "district_code",
                                "school_name", "badge_name", "issuer_name", "award_date", "credit_type", "action",
                                "hours", "net_hours", "reason", "recorded_by", "award_id"]

    /// A ledger entry posted in the month: hours positive with their action, as in the PDMS
    /// file, and signed in `net_hours` so that a column total is the month's net.
    func credit(_ line: LedgerLine) -> [ReportValue] {
        let educator = names[line.educatorID] ?? .unknown
        return [.date(line.postedOn), .count(Int(line.entryID)), .text(line.educatorID), educator.lastName,
                educator.firstName, educator.districtCode, educator.schoolName,
                .text(line.badgeName), .text(line.issuerName), .date(line.awardDate), .text(line.creditType),
                .text(line.action.rawValue), .hours(line.hours),
                .hours(line.action == .add ? line.hours : .zero - line.hours), .text(line.reason),
                .text(line.recordedBy), .text(line.awardID)]
    }

    // MARK: Pending and Exceptions

    static let pendingColumns = ["educator_id", "last_name", "first_name", "district_code", "school_name", "badge_id",
                                 "badge_name", "issuer_name", "award_date", "first_seen_on", "days_waiting", "award_id"]

    /// An award waiting for a district's decision, with what an approvals file needs
    /// (`educator_id`, `badge_id`) and how long it has waited.
    func pending(_ award: AwardStanding) -> [ReportValue] {
        let educator = award.educatorID.flatMap { names[$0] } ?? .unknown
        return [.text(award.educatorID), educator.lastName, educator.firstName,
                educator.districtCode, educator.schoolName, .text(award.badgeID),
                .text(award.badgeName), .text(award.issuerName), .date(award.awardDate), .date(award.firstSeenOn),
                .count(award.firstSeenOn.days(until: asOf)), .text(award.awardID)]
    }

    /// The columns of SPEC §6, then whose award it may be and what HR can do about it.
    static let exceptionColumns = ["award_id", "source_file", "educator_id", "badge_name", "issuer_name", "award_date",
                                   "outcome", "reason", "candidates", "recipient", "what_to_do"]

    /// An award first seen in the month that is not credited as of the as-of date (an
    /// unreadable file included).
    /// The Open sheet's and the web door's open exceptions: the Exceptions columns and how many
    /// days the award has waited since it was first read.
    static let openColumns = exceptionColumns + ["days_open"]

    static func openException(_ award: AwardStanding, asOf: CalendarDate) -> [ReportValue] {
        exception(award) + [.count(award.firstSeenOn.days(until: asOf))]
    }

    static func exception(_ award: AwardStanding) -> [ReportValue] {
        [.text(award.awardID), .text(award.sourcePath + (award.sourceLine.map { ":\($0)" } ?? "")),
         .text(award.educatorID), .text(award.badgeName), .text(award.issuerName), .date(award.awardDate),
         .text(award.outcome ?? "not_evaluated"), .text(reason(award)),
         .text(award.candidates.isEmpty ? nil : award.candidates.joined(separator: ";")), .text(award.recipient),
         .text(award.outcome.flatMap(Outcome.init(rawValue:))?.whatToDo ?? "Nothing to do: the next night evaluates it.")]
    }

    /// The outcome in plain words, with the engine's detail.
    static func reason(_ award: AwardStanding) -> String {
        guard let code = award.outcome else { return "Not evaluated yet" }
        guard let outcome = Outcome(rawValue: code) else { return award.reason.isEmpty ? code : "\(code) (\(award.reason))" }
        return outcome.explanation(detail: award.reason)
    }

    // MARK: Hours by month

    /// Twelve months ending with the report's, each with the net hours posted in it.
    func hoursByMonth(_ hours: [String: ClockHours], from first: ReportMonth) -> ReportTable {
        var rows: [[ReportValue]] = []
        var current = first
        while current <= month {
            rows.append([.text(current.description), .hours(hours[current.description] ?? .zero)])
            current = current.next
        }
        return ReportTable(name: "Hours credited by month", columns: ["month", "hours_credited"], rows: rows)
    }
}
