import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part event by event, so a sheet of a million cells never becomes a tree.
final class SheetParser: NSObject, XMLParserDelegate {
    struct Result {
        var cells: [CellPosition: CellContents] = [:]
        var frozenRows = 0
        var frozenColumns = 0
        var autofilterRange: String?
        var columns: [ColumnContents] = []
        var conditionalFormats: [ConditionalFormatContents] = []
        /// Relationship ids of the sheet's drawings, which hold its charts.
        var drawingIDs: [String] = []
        var print = PrintSettings()
    }

    private let sharedStrings: [String]
    private let styles: StyleTable
    private let part: String
    private(set) var result = Result()
    private var problem: XLSXReadError?

    // The cell being read.
    private var cellPosition: CellPosition?
    private var cellType: String?
    private var cellStyle = 0
    private var valueText: String?
    private var inlineText: String?
    private var lastPosition = CellPosition(row: 0, column: -1)
    private var currentRow = -1

    // Where the text being read goes.
    private enum Capture { case none, value, inlineText, formula }
    private var capture = Capture.none
    private var captured = ""
    private var insidePhonetic = false

    // The conditional format being read.
    private var conditionalRange = ""
    private var ruleAttributes: [String: String]?
    private var ruleFormulas: [String] = []

    private init(sharedStrings: [String], styles: StyleTable, part: String) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.part = part
    }

    static func parse(_ data: Data, sharedStrings: [String], styles: StyleTable, part: String) throws -> Result {
        let reader = SheetParser(sharedStrings: sharedStrings, styles: styles, part: part)
        // A stream feeds libxml2 in chunks; one chunk over 10 MB (a large sheet) fails to parse.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem { throw problem }
        guard parsed else {
            let reason = parser.parserError.map { "\($0)" } ?? "unknown error"
            throw XLSXReadError("The part \(part) is not well-formed XML: \(reason).")
        }
        return reader.result
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let attributes = XMLTree.attributes(attributes)
        switch XMLTree.localName(elementName) {
        case "row":
            currentRow = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? currentRow + 1
            lastPosition = CellPosition(row: currentRow, column: -1)
        case "c":
            let position = attributes["r"].flatMap(CellPosition.init)
                ?? CellPosition(row: currentRow, column: lastPosition.column + 1)
            cellPosition = position
            lastPosition = position
            cellType = attributes["t"]
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            valueText = nil
            inlineText = nil
        case "v" where cellPosition != nil:
            startCapture(.value)
        case "is" where cellPosition != nil:
            inlineText = ""
        case "rPh":
            insidePhonetic = true
        case "t" where inlineText != nil && !insidePhonetic:
            startCapture(.inlineText)
        case "pane":
            if attributes["state"] == "frozen" || attributes["state"] == "frozenSplit" {
                result.frozenColumns = attributes["xSplit"].flatMap(Double.init).map { Int($0) } ?? 0
                result.frozenRows = attributes["ySplit"].flatMap(Double.init).map { Int($0) } ?? 0
            }
        case "col":
            guard let first = attributes["min"].flatMap(Int.init), let last = attributes["max"].flatMap(Int.init) else { return }
            result.columns.append(ColumnContents(firstColumn: first - 1, lastColumn: last - 1,
                                                 storedWidth: attributes["width"].flatMap(Double.init) ?? 0,
                                                 hidden: attributes["hidden"] == "1"))
        case "autoFilter":
            result.autofilterRange = attributes["ref"]
        case "conditionalFormatting":
            conditionalRange = attributes["sqref"] ?? ""
        case "cfRule":
            ruleAttributes = attributes
            ruleFormulas = []
        case "formula" where ruleAttributes != nil:
            startCapture(.formula)
        case "pageSetUpPr":
            result.print.fitToPage = attributes["fitToPage"] == "1"
        case "pageSetup":
            result.print.landscape = attributes["orientation"] == "landscape"
            result.print.fitToWidth = attributes["fitToWidth"].flatMap(Int.init) ?? 1
            result.print.fitToHeight = attributes["fitToHeight"].flatMap(Int.init) ?? 1
        case "drawing":
            if let id = attributes["r:id"] ?? attributes["id"] { result.drawingIDs.append(id) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture != .none { captured += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        switch XMLTree.localName(elementName) {
        case "v" where capture == .value:
            valueText = endCapture()
        case "t" where capture == .inlineText:
            inlineText = (inlineText ?? "") + endCapture()
        case "rPh":
            insidePhonetic = false
        case "c":
            finishCell(parser)
        case "formula" where capture == .formula:
            ruleFormulas.append(endCapture())
        case "cfRule":
            finishRule()
        default:
            break
        }
    }

    private func startCapture(_ target: Capture) {
        capture = target
        captured = ""
    }

    private func endCapture() -> String {
        capture = .none
        return captured
    }

    private func finishCell(_ parser: XMLParser) {
        guard let position = cellPosition else { return }
        cellPosition = nil
        var storage: StringStorage?
        let value: CellValue
        switch cellType {
        case "s":
            guard let index = valueText.flatMap(Int.init), sharedStrings.indices.contains(index) else {
                fail(parser, "cell \(position) refers to shared string \(valueText ?? "(none)"), which does not exist")
                return
            }
            value = .string(sharedStrings[index])
            storage = .shared
        case "inlineStr":
            value = .string(EscapedText.decode(inlineText ?? ""))
            storage = .inline
        case "str":
            value = .string(EscapedText.decode(valueText ?? ""))
            storage = .formula
        case "b":
            value = .boolean(valueText == "1" || valueText == "true")
        case "e":
            value = .error(valueText ?? "")
        case "d":
            value = .string(valueText ?? "")
        default:
            guard let text = valueText else {
                value = .blank
                break
            }
            guard let number = Double(text) else {
                fail(parser, "cell \(position) holds '\(text)', which is not a number")
                return
            }
            value = .number(number)
        }
        result.cells[position] = CellContents(value: value, stringStorage: storage, styleIndex: cellStyle,
                                              style: styles.style(cellStyle))
    }

    private func finishRule() {
        guard let attributes = ruleAttributes else { return }
        ruleAttributes = nil
        let format = attributes["dxfId"].flatMap(Int.init).flatMap { id in
            styles.differentialFormats.indices.contains(id) ? styles.differentialFormats[id] : nil
        }
        result.conditionalFormats.append(ConditionalFormatContents(
            range: conditionalRange, type: attributes["type"] ?? "", comparison: attributes["operator"],
            text: attributes["text"], formulas: ruleFormulas, format: format))
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        problem = problem ?? XLSXReadError("In \(part): \(message).")
        parser.abortParsing()
    }
}
