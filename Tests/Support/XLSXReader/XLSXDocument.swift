import Foundation

/// An .xlsx file read back for tests: its sheets with their cells and settings, and its charts.
///
/// Reads what any writer produces: strings shared or inline, numbers, booleans, blanks, styles
/// resolved to their number format codes and fonts, frozen panes, autofilters, column widths,
/// conditional formats and charts with their series references.
public struct XLSXDocument: Sendable {
    /// The sheets in tab order.
    public let sheets: [SheetContents]
    /// Every chart in the workbook, those drawn on sheets first, in sheet order.
    public let charts: [ChartContents]
    /// The title and author of the document properties, when set.
    public let title: String?
    public let author: String?

    /// Reads the workbook at `path`, throwing `XLSXReadError` when it is not a readable .xlsx.
    public init(path: String) throws {
        let package = try PackageArchive(path: path)
        let workbookPart = try XLSXDocument.officeDocument(of: package)
        let workbook = try package.xml(workbookPart)
        let relationships = try package.relationships(of: workbookPart)

        func related(_ type: String, _ fallback: String) -> String? {
            let part = relationships.values.first { $0.type.hasSuffix("/" + type) }?.target ?? fallback
            return package.contains(part) ? part : nil
        }
        let styles = try related("styles", "xl/styles.xml").map { StyleTable(try package.xml($0)) } ?? StyleTable()
        let sharedStrings = try related("sharedStrings", "xl/sharedStrings.xml")
            .map { try XLSXDocument.sharedStrings(package.xml($0)) } ?? []

        var sheets: [SheetContents] = []
        var drawnCharts: Set<String> = []
        var printTitles: [Int: String] = [:]
        for name in workbook.child("definedNames")?.children("definedName") ?? []
        where name["name"] == "_xlnm.Print_Titles" {
            if let sheet = name["localSheetId"].flatMap(Int.init) {
                printTitles[sheet] = name.text.split(separator: "!").last.map(String.init)
            }
        }
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet["name"], let id = sheet["r:id"] ?? sheet["id"] else { continue }
            guard let target = relationships[id]?.target, package.contains(target) else {
                throw XLSXReadError("The sheet '\(name)' of '\(path)' has no worksheet part.")
            }
            guard relationships[id]?.type.hasSuffix("/worksheet") ?? false else { continue }
            let parsed = try SheetParser.parse(package.data(target), sharedStrings: sharedStrings,
                                               styles: styles, part: "\(target) of '\(path)'")
            let charts = try XLSXDocument.charts(of: target, drawings: parsed.drawingIDs, sheet: name, in: package)
            drawnCharts.formUnion(charts.map(\.part))
            var print = parsed.print
            print.repeatedRows = printTitles[sheets.count]
            sheets.append(SheetContents(
                name: name, cells: parsed.cells, frozenRows: parsed.frozenRows, frozenColumns: parsed.frozenColumns,
                autofilterRange: parsed.autofilterRange, columns: parsed.columns,
                conditionalFormats: parsed.conditionalFormats, charts: charts, print: print))
        }
        self.sheets = sheets

        let looseCharts = try package.parts(under: "xl/charts/")
            .filter { $0.hasSuffix(".xml") && !drawnCharts.contains($0) }
            .map { ChartContents(try package.xml($0), part: $0, sheet: nil, anchor: nil) }
        charts = sheets.flatMap(\.charts) + looseCharts

        let core = package.contains("docProps/core.xml") ? try package.xml("docProps/core.xml") : nil
        title = core?.child("title")?.text
        author = core?.child("creator")?.text
    }

    /// The sheet names in tab order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The sheet called `name`, or `nil`.
    public func sheet(named name: String) -> SheetContents? {
        sheets.first { $0.name == name }
    }

    /// Whether the workbook holds any chart.
    public var containsChart: Bool { !charts.isEmpty }

    // MARK: - Parts

    /// The workbook part, found through the package's root relationships.
    private static func officeDocument(of package: PackageArchive) throws -> String {
        let root = try package.relationships(of: "")
        if let part = root.values.first(where: { $0.type.hasSuffix("/officeDocument") })?.target { return part }
        guard package.contains("xl/workbook.xml") else {
            throw XLSXReadError("'\(package.path)' has no workbook part.")
        }
        return "xl/workbook.xml"
    }

    /// The texts of the shared string table in order, escapes decoded; rich text runs joined,
    /// phonetic runs left out.
    private static func sharedStrings(_ table: XMLTree) -> [String] {
        table.children("si").map { item in
            if let plain = item.child("t") { return EscapedText.decode(plain.text) }
            return EscapedText.decode(item.children("r").compactMap { $0.child("t")?.text }.joined())
        }
    }

    /// The charts that the drawings of a sheet place, with their anchors.
    private static func charts(of sheetPart: String, drawings: [String], sheet: String,
                               in package: PackageArchive) throws -> [ChartContents] {
        guard !drawings.isEmpty else { return [] }
        let sheetRelationships = try package.relationships(of: sheetPart)
        var charts: [ChartContents] = []
        for drawingID in drawings {
            guard let drawingPart = sheetRelationships[drawingID]?.target, package.contains(drawingPart) else { continue }
            let drawing = try package.xml(drawingPart)
            let drawingRelationships = try package.relationships(of: drawingPart)
            for anchor in drawing.children where anchor.name.hasSuffix("Anchor") {
                guard let chartID = anchor.descendant("chart").flatMap({ $0["r:id"] ?? $0["id"] }),
                      let chartPart = drawingRelationships[chartID]?.target, package.contains(chartPart) else { continue }
                let from = anchor.child("from")
                let position = from.flatMap { from -> CellPosition? in
                    guard let row = from.child("row").flatMap({ Int($0.text) }),
                          let column = from.child("col").flatMap({ Int($0.text) }) else { return nil }
                    return CellPosition(row: row, column: column)
                }
                charts.append(ChartContents(try package.xml(chartPart), part: chartPart, sheet: sheet, anchor: position))
            }
        }
        return charts
    }
}
