import Foundation
import OpenBadges
import Relicensure
import RelicensureApp
import Reports

/// The dashboard of a scope (SPEC §8): educators by status, hours credited by month (a chart
/// drawn in SVG by the template), and the most urgent educators.
struct DashboardView: Sendable {
    struct StatusCount: Sendable {
        let code: String
        let label: String
        let count: Int
        let href: String
    }

    struct Bar: Sendable {
        let month: String
        let monthLabel: String
        let hours: String
        let showValue: Bool
        let x: Int, y: Int, width: Int, height: Int, labelX: Int, valueY: Int, monthY: Int
    }

    struct Chart: Sendable {
        let width = 760, height = 230, baseline = 200, topLabelY = 24
        let maxLabel: String
        let bars: [Bar]
    }

    struct Urgent: Sendable {
        let id, name, href, school, statusCode, statusLabel, termEnd, daysLeft, total, remaining: String
    }

    let title = "Dashboard"
    let chrome: Chrome
    let heading: String
    let asOf: String
    let educatorCount: Int
    let statuses: [StatusCount]
    let chart: Chart
    let urgent: [Urgent]
    let hasUrgent: Bool
    let urgentTotal: Int
    let moreUrgent: Bool
    let moreUrgentHref: String
    let urgentShown = DashboardView.urgentShown

    static let urgentShown = 15

    /// The most urgent first: `ending_short`, then `behind`, each by term end (SPEC §6 Progress).
    static func urgent(_ rows: [ProgressRow]) -> [ProgressRow] {
        let rank: [ProgressStatus: Int] = [.endingShort: 0, .behind: 1]
        return rows.filter { rank[$0.progress.status] != nil }.sorted {
            (rank[$0.progress.status] ?? 2, $0.educator.term?.end.description ?? "9999", $0.educator.id)
                < (rank[$1.progress.status] ?? 2, $1.educator.term?.end.description ?? "9999", $1.educator.id)
        }
    }

    /// Twelve months ending with today's, each with its net hours (zero when none).
    static func months(endingWith today: CalendarDate, hours: [String: ClockHours]) -> [(month: ReportMonth, hours: ClockHours)] {
        var month = ReportMonth(containing: today)
        var result: [(ReportMonth, ClockHours)] = []
        for _ in 0..<12 {
            result.insert((month, hours[month.description] ?? .zero), at: 0)
            month = month.previous
        }
        return result
    }

    init(chrome: Chrome, heading: String, asOf: CalendarDate, rows: [ProgressRow], months: [(month: ReportMonth, hours: ClockHours)]) {
        self.chrome = chrome
        self.heading = heading
        self.asOf = asOf.description
        educatorCount = rows.count
        var counts: [ProgressStatus: Int] = [:]
        for row in rows { counts[row.progress.status, default: 0] += 1 }
        statuses = [ProgressStatus.endingShort, .behind, .onTrack, .complete, .advancedLicense].map { status in
            StatusCount(code: status.rawValue, label: Words.status(status), count: counts[status] ?? 0,
                        href: "/educators" + Words.query([("status", status.rawValue)]))
        }
        let most = months.map(\.hours).max() ?? .zero
        let scale = max(most.hundredths, 1)
        let slot = 60, left = 52, barWidth = 40, plot = 170
        chart = Chart(maxLabel: most.description, bars: months.enumerated().map { index, entry in
            let height = entry.hours.hundredths <= 0 ? 0 : max(1, entry.hours.hundredths * plot / scale)
            let x = left + index * slot
            return Bar(month: entry.month.description, monthLabel: Self.monthLabel(entry.month), hours: entry.hours.description,
                       showValue: entry.hours != .zero, x: x, y: 200 - height, width: barWidth, height: height, labelX: x + barWidth / 2,
                       valueY: 200 - height - 4, monthY: 216)
        })
        let all = Self.urgent(rows)
        urgentTotal = all.count
        urgent = all.prefix(Self.urgentShown).map { row in
            let days = row.educator.term.map { asOf.days(until: $0.end) }
            return Urgent(id: row.educator.id, name: "\(row.educator.firstName) \(row.educator.lastName)",
                          href: Words.transcriptHref(row.educator.id), school: row.educator.schoolName ?? "",
                          statusCode: row.progress.status.rawValue, statusLabel: Words.status(row.progress.status),
                          termEnd: row.educator.term?.end.description ?? "no term on record",
                          daysLeft: days.map { $0 < 0 ? "ended \(-$0) days ago" : "\($0) days left" } ?? "",
                          total: row.progress.total.description, remaining: row.progress.remaining.description)
        }
        hasUrgent = !urgent.isEmpty
        moreUrgent = all.count > urgent.count
        moreUrgentHref = "/educators" + Words.query([("status", ProgressStatus.behind.rawValue)])
    }

    private static func monthLabel(_ month: ReportMonth) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[(month.month - 1) % 12]) \(month.year % 100 < 10 ? "0" : "")\(month.year % 100)"
    }
}
