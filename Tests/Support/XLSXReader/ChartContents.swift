/// The kind of a chart, from the first chart element of its plot area.
public enum ChartType: Sendable, Hashable {
    case column
    case bar
    case line
    case pie
    /// Any other kind, by its element name (`areaChart`, `scatterChart`, ...).
    case other(String)
}

/// One series of a chart: its name and the sheet ranges it draws.
public struct ChartSeriesContents: Sendable, Hashable {
    /// The literal name, or the formula of the cell that holds it.
    public let name: String?
    /// The categories' reference as written in the chart, e.g. `Summary!$A$2:$A$5`.
    public let categories: String?
    /// The values' reference, e.g. `Summary!$B$2:$B$5`.
    public let values: String?

    public init(name: String?, categories: String?, values: String?) {
        self.name = name
        self.categories = categories
        self.values = values
    }
}

/// A chart part read back, with where it is drawn.
public struct ChartContents: Sendable, Hashable {
    /// The chart's part in the package, e.g. `xl/charts/chart1.xml`.
    public let part: String
    /// The sheet it is drawn on, `nil` when no sheet's drawing refers to it.
    public let sheet: String?
    /// The zero-based cell of its top-left corner, when anchored to a cell.
    public let anchor: CellPosition?
    public let type: ChartType?
    public let title: String?
    /// The title of the category axis (the horizontal one of a column or line chart).
    public let categoryAxisTitle: String?
    /// The title of the value axis (the vertical one of a column or line chart).
    public let valueAxisTitle: String?
    public let series: [ChartSeriesContents]

    /// Reads a chart part.
    init(_ chart: XMLTree, part: String, sheet: String?, anchor: CellPosition?) {
        self.part = part
        self.sheet = sheet
        self.anchor = anchor
        let chartElement = chart.child("chart")
        let plotArea = chartElement?.child("plotArea")
        let typeElement = plotArea?.children.first { $0.name.hasSuffix("Chart") }
        type = typeElement.map(ChartContents.type(of:))
        title = chartElement?.child("title").flatMap(ChartContents.text(ofTitle:))
        categoryAxisTitle = (plotArea?.child("catAx") ?? plotArea?.child("dateAx"))?
            .child("title").flatMap(ChartContents.text(ofTitle:))
        valueAxisTitle = plotArea?.child("valAx")?.child("title").flatMap(ChartContents.text(ofTitle:))
        series = (typeElement?.children("ser") ?? []).map { series in
            ChartSeriesContents(
                name: series.path("tx", "v")?.text ?? series.path("tx", "strRef", "f")?.text,
                categories: ChartContents.reference(series.child("cat") ?? series.child("xVal")),
                values: ChartContents.reference(series.child("val") ?? series.child("yVal")))
        }
    }

    private static func type(of element: XMLTree) -> ChartType {
        switch element.name {
        case "barChart": element.child("barDir")?["val"] == "bar" ? .bar : .column
        case "bar3DChart": element.child("barDir")?["val"] == "bar" ? .bar : .column
        case "lineChart": .line
        case "pieChart": .pie
        default: .other(element.name)
        }
    }

    /// A title's text: the runs of its rich text, or the formula it refers to.
    private static func text(ofTitle title: XMLTree) -> String? {
        if let rich = title.path("tx", "rich") {
            return rich.descendants("t").map(\.text).joined()
        }
        return title.path("tx", "strRef", "f")?.text
    }

    /// The formula of a series' `cat`/`val` element, whichever kind of reference it holds.
    private static func reference(_ element: XMLTree?) -> String? {
        guard let element else { return nil }
        for kind in ["numRef", "strRef", "multiLvlStrRef"] {
            if let formula = element.path(kind, "f") { return formula.text }
        }
        return nil
    }
}
