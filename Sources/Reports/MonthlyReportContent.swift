public import OpenBadges
public import Relicensure

/// Everything the monthly HR report shows (SPEC §6), sheet by sheet: as tables held in memory
/// (`MonthlyReportContent`), or as rows produced while they are written (`MonthlyReportSheets`,
/// the long ones read from database cursors chunk by chunk), with the small tables below the
/// Summary that its charts draw.
public struct MonthlyReportParts<Sheet> {
    public var month: ReportMonth
    public var asOf: CalendarDate
    /// Per district and school: educators, hours, counts by status.
    public var summary: Sheet
    /// Ledger entries posted in the month.
    public var credits: Sheet
    /// Every active educator as of the as-of date; has a `status` column.
    public var progress: Sheet
    /// Awards waiting for a district's decision.
    public var pending: Sheet
    /// Awards first seen in the month that are not credited as of the as-of date.
    public var exceptions: Sheet
    /// Every award not credited and not `invalid` or `revoked` as of the as-of date, whatever
    /// month it was first seen, oldest first: an exception stays in view until it is resolved.
    public var open: Sheet
    /// Per district, drawn by the "hours by district" chart below the Summary table.
    public var districtTotals: ReportTable
    /// Hours credited per month, for the months leading to the report's; drawn by a chart.
    public var hoursByMonth: ReportTable

    public init(month: ReportMonth, asOf: CalendarDate, summary: Sheet, credits: Sheet, progress: Sheet,
                pending: Sheet, exceptions: Sheet, open: Sheet, districtTotals: ReportTable, hoursByMonth: ReportTable) {
        self.month = month
        self.asOf = asOf
        self.summary = summary
        self.credits = credits
        self.progress = progress
        self.pending = pending
        self.exceptions = exceptions
        self.open = open
        self.districtTotals = districtTotals
        self.hoursByMonth = hoursByMonth
    }

    /// The same report with each of the six sheets made into another form.
    public func map<Other>(_ transform: (Sheet) throws -> Other) rethrows -> MonthlyReportParts<Other> {
        MonthlyReportParts<Other>(month: month, asOf: asOf, summary: try transform(summary),
                                  credits: try transform(credits), progress: try transform(progress),
                                  pending: try transform(pending), exceptions: try transform(exceptions),
                                  open: try transform(open), districtTotals: districtTotals, hoursByMonth: hoursByMonth)
    }

    /// The CSV file each sheet is also written to, in workbook order.
    static var csvFiles: [(sheet: WritableKeyPath<Self, Sheet>, file: String)] {
        [(\.summary, "summary.csv"), (\.credits, "credits.csv"), (\.progress, "progress.csv"),
         (\.pending, "pending.csv"), (\.exceptions, "exceptions.csv"), (\.open, "open.csv")]
    }
}

extension MonthlyReportParts: Sendable where Sheet: Sendable {}

/// The monthly report as tables held in memory.
public typealias MonthlyReportContent = MonthlyReportParts<ReportTable>

/// The monthly report as it is written: each sheet's rows produced as they are written.
public typealias MonthlyReportSheets = MonthlyReportParts<ReportRows>

extension MonthlyReportParts where Sheet == ReportRows {
    /// The tables of `content`, each written a chunk at a time.
    public init(_ content: MonthlyReportContent) {
        self = content.map { ReportRows($0) }
    }
}
