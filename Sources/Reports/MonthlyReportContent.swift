public import OpenBadges
public import Relicensure

/// Everything the monthly HR report shows (SPEC §6), as tables ready to be written as the
/// workbook's sheets and as CSV files.
public struct MonthlyReportContent: Sendable {
    public var month: ReportMonth
    public var asOf: CalendarDate
    /// Per district and school: educators, hours, counts by status.
    public var summary: ReportTable
    /// Ledger entries posted in the month.
    public var credits: ReportTable
    /// Every active educator as of the as-of date; has a `status` column.
    public var progress: ReportTable
    /// Awards waiting for a district's decision.
    public var pending: ReportTable
    /// Awards first seen in the month that are not credited as of the as-of date.
    public var exceptions: ReportTable
    /// Per district, drawn by the "hours by district" chart below the Summary table.
    public var districtTotals: ReportTable
    /// Hours credited per month, for the months leading to the report's; drawn by a chart.
    public var hoursByMonth: ReportTable

    public init(month: ReportMonth, asOf: CalendarDate, summary: ReportTable, credits: ReportTable,
                progress: ReportTable, pending: ReportTable, exceptions: ReportTable,
                districtTotals: ReportTable, hoursByMonth: ReportTable) {
        self.month = month
        self.asOf = asOf
        self.summary = summary
        self.credits = credits
        self.progress = progress
        self.pending = pending
        self.exceptions = exceptions
        self.districtTotals = districtTotals
        self.hoursByMonth = hoursByMonth
    }

    /// The sheets in workbook order, with the CSV file each is also written to.
    public var sheets: [(table: ReportTable, csvFile: String)] {
        [(summary, "summary.csv"), (credits, "credits.csv"), (progress, "progress.csv"),
         (pending, "pending.csv"), (exceptions, "exceptions.csv")]
    }
}
