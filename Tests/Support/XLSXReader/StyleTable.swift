/// The cell formats of `xl/styles.xml`, resolved so a cell's `s` index gives its look directly.
struct StyleTable {
    private var cellFormats: [CellStyleContents] = []
    /// Differential formats used by conditional formats, by `dxfId`.
    private(set) var differentialFormats: [CellStyleContents] = []

    init() {}

    init(_ styles: XMLTree) {
        var codes = StyleTable.builtInFormats
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format["numFmtId"].flatMap(Int.init), let code = format["formatCode"] { codes[id] = code }
        }
        let fonts = styles.child("fonts")?.children("font") ?? []
        let fills = styles.child("fills")?.children("fill") ?? []
        let borders = styles.child("borders")?.children("border") ?? []

        func element(_ list: [XMLTree], _ index: String?) -> XMLTree? {
            guard let index = index.flatMap(Int.init), list.indices.contains(index) else { return nil }
            return list[index]
        }

        for xf in styles.child("cellXfs")?.children("xf") ?? [] {
            var style = CellStyleContents()
            style.numberFormatID = xf["numFmtId"].flatMap(Int.init) ?? 0
            style.numberFormatCode = codes[style.numberFormatID] ?? "General"
            if let font = element(fonts, xf["fontId"]) { StyleTable.applyFont(font, to: &style) }
            if let fill = element(fills, xf["fillId"]) { StyleTable.applyFill(fill, to: &style, differential: false) }
            if let border = element(borders, xf["borderId"]) { style.border = StyleTable.hasBorder(border) }
            StyleTable.applyAlignment(xf.child("alignment"), to: &style)
            cellFormats.append(style)
        }

        for dxf in styles.child("dxfs")?.children("dxf") ?? [] {
            var style = CellStyleContents()
            if let format = dxf.child("numFmt"), let id = format["numFmtId"].flatMap(Int.init) {
                style.numberFormatID = id
                style.numberFormatCode = format["formatCode"] ?? codes[id] ?? "General"
            }
            if let font = dxf.child("font") { StyleTable.applyFont(font, to: &style) }
            if let fill = dxf.child("fill") { StyleTable.applyFill(fill, to: &style, differential: true) }
            if let border = dxf.child("border") { style.border = StyleTable.hasBorder(border) }
            StyleTable.applyAlignment(dxf.child("alignment"), to: &style)
            differentialFormats.append(style)
        }
    }

    /// The style of a cell whose `s` attribute is `index` (absent means 0).
    func style(_ index: Int) -> CellStyleContents {
        cellFormats.indices.contains(index) ? cellFormats[index] : CellStyleContents()
    }

    // MARK: - Pieces of a format

    private static func applyFont(_ font: XMLTree, to style: inout CellStyleContents) {
        style.bold = flag(font.child("b"))
        style.italic = flag(font.child("i"))
        style.fontColor = font.child("color").flatMap { color($0["rgb"]) }
    }

    /// A cell format's solid fill keeps its colour in `fgColor`; a differential format's in
    /// `bgColor`, as Excel writes them.
    private static func applyFill(_ fill: XMLTree, to style: inout CellStyleContents, differential: Bool) {
        guard let pattern = fill.child("patternFill") else { return }
        let type = pattern["patternType"]
        let colorElement = differential ? (pattern.child("bgColor") ?? pattern.child("fgColor")) : pattern.child("fgColor")
        if differential || type == "solid" {
            style.backgroundColor = colorElement.flatMap { color($0["rgb"]) }
        }
    }

    private static func hasBorder(_ border: XMLTree) -> Bool {
        ["left", "right", "top", "bottom"].contains { side in
            border.child(side)?["style"].map { !$0.isEmpty && $0 != "none" } ?? false
        }
    }

    private static func applyAlignment(_ alignment: XMLTree?, to style: inout CellStyleContents) {
        guard let alignment else { return }
        style.horizontalAlignment = alignment["horizontal"]
        style.textWrap = flag(alignment, attribute: "wrapText", whenAbsent: false)
    }

    /// `<b/>` and `<b val="1"/>` are on; `<b val="0"/>` and no element are off.
    private static func flag(_ element: XMLTree?, attribute: String = "val", whenAbsent: Bool = true) -> Bool {
        guard let element else { return false }
        guard let value = element[attribute] else { return whenAbsent }
        return value == "1" || value == "true"
    }

    /// `FFRRGGBB` (or `RRGGBB`) to `0xRRGGBB`.
    private static func color(_ argb: String?) -> UInt32? {
        guard let argb, let value = UInt32(argb, radix: 16) else { return nil }
        return value & 0xFF_FFFF
    }

    /// Excel's built-in number formats (ECMA-376 part 1, 18.8.30), in their en-US form.
    static let builtInFormats: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "($#,##0_);($#,##0)", 6: "($#,##0_);[Red]($#,##0)",
        7: "($#,##0.00_);($#,##0.00)", 8: "($#,##0.00_);[Red]($#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "m/d/yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        37: "(#,##0_);(#,##0)", 38: "(#,##0_);[Red](#,##0)",
        39: "(#,##0.00_);(#,##0.00)", 40: "(#,##0.00_);[Red](#,##0.00)",
        41: "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        42: "_($* #,##0_);_($* (#,##0);_($* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        44: "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
    ]
}
