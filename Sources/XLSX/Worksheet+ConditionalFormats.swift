internal import CXLSXWriter

/// Formats that Excel applies to the cells that meet a rule, such as the "behind" rows.
extension Worksheet {
    /// Shows the cells of the range whose text contains `textContaining` (ignoring case, as Excel
    /// does) in `format`, e.g. every "behind" status in red. The text may not contain `"`.
    public func conditionalFormat(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  textContaining text: String, format: CellFormat) throws {
        let context = "Cannot add a conditional format on \(place)"
        guard !text.isEmpty else { throw XLSXError(message: "\(context): the text to look for is empty.") }
        // libxlsxwriter pastes the text into the rule's formula as a "…" literal without escaping
        // it, so a quote would make a formula Excel rejects as a corrupt file.
        guard !text.contains("\"") else {
            throw XLSXError(message: "\(context): the text to look for, '\(text)', contains a double quote.")
        }
        try CString.with(text, context) { cText in
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
            // libxlsxwriter copies the text; it only reads it through this pointer.
            rule.value_string = UnsafeMutablePointer(mutating: cText)
            try addConditionalFormat(&rule, firstRow: firstRow, firstColumn: firstColumn,
                                     lastRow: lastRow, lastColumn: lastColumn, format: format, context)
        }
    }

    /// Shows the cells of the range whose number meets `condition` in `format`, e.g. remaining
    /// hours `.greaterThan(0)`.
    public func conditionalFormat(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  when condition: CellValueCondition, format: CellFormat) throws {
        let context = "Cannot add a conditional format on \(place)"
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        condition.configure(&rule)
        for value in [rule.value, rule.min_value, rule.max_value] where !value.isFinite {
            throw XLSXError(message: "\(context): \(value) is not a number Excel can compare with.")
        }
        try addConditionalFormat(&rule, firstRow: firstRow, firstColumn: firstColumn,
                                 lastRow: lastRow, lastColumn: lastColumn, format: format, context)
    }

    /// Shows every row of the range whose cell in `column` holds exactly `text` (ignoring case,
    /// as Excel's `=` does) in `format`: the whole row of each "behind" educator, say, not just
    /// the cell that says so.
    public func conditionalFormat(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  rowsWhereColumn column: Int, equals text: String, format: CellFormat) throws {
        let context = "Cannot add a conditional format on \(place)"
        let key = try CellAddress(row: firstRow, column: column, context)
        // Excel writes a quote inside a string literal twice; the formula is relative to the
        // range's first row, with the column fixed by `$`.
        let literal = "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
        let formula = "$\(CellAddress.columnName(Int(key.column)))\(Int(key.row) + 1)=\(literal)"
        try CString.with(formula, context) { cFormula in
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            // libxlsxwriter copies the formula; it only reads it through this pointer.
            rule.value_string = UnsafeMutablePointer(mutating: cFormula)
            try addConditionalFormat(&rule, firstRow: firstRow, firstColumn: firstColumn,
                                     lastRow: lastRow, lastColumn: lastColumn, format: format, context)
        }
    }

    private func addConditionalFormat(_ rule: inout lxw_conditional_format,
                                      firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                      format: CellFormat, _ context: String) throws {
        let sheet = try openHandle(context)
        let block = try CellBlock(firstRow: firstRow, firstColumn: firstColumn,
                                  lastRow: lastRow, lastColumn: lastColumn, context)
        rule.format = try format.resolve(in: workbook, context)
        if let problem = LibraryError.check(
            worksheet_conditional_format_range(sheet, block.first.row, block.first.column,
                                               block.last.row, block.last.column, &rule),
            "\(context) (\(block))") {
            throw problem
        }
    }
}
