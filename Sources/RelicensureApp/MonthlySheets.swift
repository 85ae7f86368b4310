import OpenBadges
import Relicensure
import RelicensureStore
import Reports

/// Builds the tables of the monthly report from the ledger, the outcomes and the roster.
struct MonthlySheets {
    let month: ReportMonth
    let asOf: CalendarDate
    let rules: CreditingRules
    let roster: [String: Educator]

    /// Reads what the report needs; call it inside `Store.readingSnapshot`.
    static func content(store: Store, rules: CreditingRules, month: ReportMonth,
                        asOf: CalendarDate) throws -> MonthlyReportContent {
        let educators = try store.roster()
        let sheets = MonthlySheets(month: month, asOf: asOf, rules: rules,
                                   roster: Dictionary(educators.map { ($0.id, $0) }) { first, _ in first })
        let hours = try store.educatorHours(asOf: asOf, month: month)
        let progress = ProgressRow.rows(roster: educators, hours: hours, required: rules.requiredHours, asOf: asOf)
        // Hours posted in the month count for the school even when the educator has since
        // become inactive; the educator and status counts are of active educators only.
        let inactive = educators.filter { !$0.isActive && (hours[$0.id]?.month ?? .zero) != .zero }
        let through = min(month.lastDay, asOf)
        let chartStart = (1..<12).reduce(month) { earlier, _ in earlier.previous }
        return MonthlyReportContent(
            month: month, asOf: asOf,
            summary: sheets.summary(progress, inactive: inactive, hours: hours),
            credits: sheets.credits(try store.ledgerLines(postedFrom: month.firstDay, through: through)),
            progress: ProgressRow.table(progress),
            pending: sheets.pending(try store.awards(.outcome(Outcome.pendingApproval.rawValue), asOf: asOf)),
            exceptions: sheets.exceptions(try store.awards(.firstSeen(from: month.firstDay, through: through), asOf: asOf)),
            districtTotals: sheets.districtTotals(progress, inactive: inactive, hours: hours),
            hoursByMonth: sheets.hoursByMonth(try store.hoursByPostingMonth(from: chartStart.firstDay, through: through),
                                              from: chartStart))
    }

    // MARK: Summary

    private struct Group {
        var educators = 0
        var hoursInMonth = ClockHours.zero
        var hoursThisTerm = ClockHours.zero
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
    /// and how many educators have each status.
    func summary(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours]) -> ReportTable {
        let groups = group(progress, inactive: inactive, hours: hours) { educator in
            SchoolKey(district: educator.districtCode, schoolCode: educator.schoolCode ?? "",
                      schoolName: educator.schoolName ?? "")
        }
        let statuses = ProgressStatus.allCases
        return ReportTable(
            name: "Summary",
            columns: ["district_code", "district_name", "school_code", "school_name", "educators", "hours_in_month",
                      "hours_this_term"] + statuses.map(\.rawValue),
            rows: groups.sorted { $0.key < $1.key }.map { key, group in
                [.text(key.district), .text(districtName(key.district)), .text(key.schoolCode), .text(key.schoolName),
                 .count(group.educators), .hours(group.hoursInMonth), .hours(group.hoursThisTerm)]
                    + statuses.map { .count(group.statuses[$0] ?? 0) }
            })
    }

    /// One row per district, for the chart of hours by district.
    func districtTotals(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours]) -> ReportTable {
        let groups = group(progress, inactive: inactive, hours: hours, by: \.districtCode)
        return ReportTable(
            name: "Hours by district",
            columns: ["district_code", "district_name", "educators", "hours_in_month", "hours_this_term"],
            rows: groups.sorted { $0.key < $1.key }.map { code, group in
                [.text(code), .text(districtName(code)), .count(group.educators), .hours(group.hoursInMonth),
                 .hours(group.hoursThisTerm)]
            })
    }

    private func group<Key: Hashable>(_ progress: [ProgressRow], inactive: [Educator], hours: [String: EducatorHours],
                                      by key: (Educator) -> Key) -> [Key: Group] {
        var groups: [Key: Group] = [:]
        for row in progress {
            groups[key(row.educator), default: Group()].educators += 1
            groups[key(row.educator), default: Group()].hoursInMonth += row.hours.month
            groups[key(row.educator), default: Group()].hoursThisTerm += row.progress.credited
            groups[key(row.educator), default: Group()].statuses[row.progress.status, default: 0] += 1
        }
        for educator in inactive {
            groups[key(educator), default: Group()].hoursInMonth += hours[educator.id]?.month ?? .zero
        }
        return groups
    }

    private func districtName(_ code: String) -> String { rules.districts[code]?.name ?? "" }

    // MARK: Credits

    /// Every ledger entry posted in the month: hours positive with their action, as in the
    /// PDMS file, and signed in `net_hours` so that a column total is the month's net.
    func credits(_ lines: [LedgerLine]) -> ReportTable {
        ReportTable(
            name: "Credits",
            columns: ["posted_on", "entry_id", "educator_id", "last_name", "first_name", "district_code", "school_name",
                      "badge_name", "issuer_name", "award_date", "credit_type", "action", "hours", "net_hours",
                      "reason", "recorded_by", "award_id"],
            rows: lines.map { line in
                let educator = roster[line.educatorID]
                return [.date(line.postedOn), .count(Int(line.entryID)), .text(line.educatorID), .text(educator?.lastName),
                        .text(educator?.firstName), .text(educator?.districtCode), .text(educator?.schoolName),
                        .text(line.badgeName), .text(line.issuerName), .date(line.awardDate), .text(line.creditType),
                        .text(line.action.rawValue), .hours(line.hours),
                        .hours(line.action == .add ? line.hours : .zero - line.hours), .text(line.reason),
                        .text(line.recordedBy), .text(line.awardID)]
            })
    }

    // MARK: Pending and Exceptions

    /// Awards waiting for a district's decision, with what an approvals file needs
    /// (`educator_id`, `badge_id`) and how long each has waited.
    func pending(_ awards: [AwardStanding]) -> ReportTable {
        ReportTable(
            name: "Pending",
            columns: ["educator_id", "last_name", "first_name", "district_code", "school_name", "badge_id", "badge_name",
                      "issuer_name", "award_date", "first_seen_on", "days_waiting", "award_id"],
            rows: awards.map { award in
                let educator = award.educatorID.flatMap { roster[$0] }
                return [.text(award.educatorID), .text(educator?.lastName), .text(educator?.firstName),
                        .text(educator?.districtCode), .text(educator?.schoolName), .text(award.badgeID),
                        .text(award.badgeName), .text(award.issuerName), .date(award.awardDate), .date(award.firstSeenOn),
                        .count(award.firstSeenOn.days(until: asOf)), .text(award.awardID)]
            })
    }

    /// Awards first seen in the month that are not credited as of the as-of date, unreadable
    /// files included, with exactly the columns of SPEC §6.
    func exceptions(_ awards: [AwardStanding]) -> ReportTable {
        ReportTable(
            name: "Exceptions",
            columns: ["award_id", "source_file", "educator_id", "badge_name", "issuer_name", "award_date", "outcome",
                      "reason"],
            rows: awards.filter { $0.outcome != Outcome.credited.rawValue }.map { award in
                [.text(award.awardID), .text(award.sourcePath + (award.sourceLine.map { ":\($0)" } ?? "")),
                 .text(award.educatorID), .text(award.badgeName), .text(award.issuerName), .date(award.awardDate),
                 .text(award.outcome ?? "not_evaluated"), .text(Self.reason(award))]
            })
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
