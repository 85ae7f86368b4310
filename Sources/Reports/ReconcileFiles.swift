public import OpenBadges
import XLSX

/// Where the reconciliation with PDMS goes (SPEC §9): the workbook
/// `reports/reconcile/reconcile-YYYY-MM-DD.xlsx` and `reconcile.csv` in
/// `reports/reconcile/YYYY-MM-DD/`, both written under temporary names and renamed into place
/// only once both are complete.
public enum ReconcileFiles {
    /// The columns of SPEC §9, in its order.
    public static let columns = ["finding", "educator_id", "last_name", "first_name", "district_code", "credential_id",
                                 "activity_title", "completion_date", "our_hours", "pdms_hours", "batch", "what_to_do"]

    public static func workbookPath(reportsFolder: String, asOf: CalendarDate) -> String {
        "\(reportsFolder)/reconcile/reconcile-\(asOf).xlsx"
    }

    public static func csvPath(reportsFolder: String, asOf: CalendarDate) -> String {
        "\(reportsFolder)/reconcile/\(asOf)/reconcile.csv"
    }

    /// Writes `findings` (rows of `columns`) as the one sheet *Reconcile* and as CSV; returns
    /// the paths, the workbook first. `title` is the document's title and the sheet's title row.
    @discardableResult
    public static func write(_ findings: ReportTable, title: String, reportsFolder: String,
                             asOf: CalendarDate) throws -> [String] {
        let workbookFile = try AtomicFile.Staged(reserving: workbookPath(reportsFolder: reportsFolder, asOf: asOf))
        let csv = try ReportCSVFile(path: csvPath(reportsFolder: reportsFolder, asOf: asOf), columns: findings.columns)
        try csv.append(findings.rows)
        let workbook = try Workbook(path: workbookFile.temporaryPath, constantMemory: true)
        workbook.setDocumentProperties(title: title, author: "relicensure")
        let writer = TableSheetWriter(workbook: workbook, formats: WorkbookFormats(workbook),
                                      maxDataRows: MonthlyWorkbook.maxDataRowsPerSheet)
        _ = try writer.write(ReportRows(findings), title: title)
        try workbook.close()
        try csv.flush()
        try workbookFile.commit()
        try csv.commit()
        return [workbookFile.path, csv.path]
    }
}
