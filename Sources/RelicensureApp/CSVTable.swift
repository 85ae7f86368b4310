import CSV

/// A CSV file with a header whose column names are matched case-insensitively and in any
/// order (SPEC §4.1, §4.2).
struct CSVTable {
    /// A bad row, by the file's line (the header is line 1).
    struct RowProblem: Error, Sendable, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// One data row with access by column name.
    struct Row {
        let line: Int
        let fields: [String]
        let columns: [String: Int]

        /// The trimmed value, or nil when the column is absent or the cell empty.
        subscript(_ name: String) -> String? {
            guard let index = columns[name], index < fields.count else { return nil }
            let value = fields[index].trimmedOfWhitespace
            return value.isEmpty ? nil : value
        }
    }

    let columns: [String: Int]
    var rows: [Row] = []
    var problems: [RowProblem] = []

    /// Reads the header and rows; a missing required column is an error for the whole file.
    /// `renamed` maps our name of a column to the file's own (a PDMS export's `Clock Hours`
    /// for our `clock_hours`, SPEC §4.5): rows are then read by our names.
    init(text: String, file: String, required: [String], renamed: [String: String] = [:]) throws {
        var records = CSVReader(text).makeIterator()
        guard let headerResult = records.next(), case .success(let header) = headerResult else {
            throw AppError(.usage, "\(file): the file has no header row; the first line must name the columns (\(required.joined(separator: ", ")))")
        }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmedOfWhitespace.lowercased()
            if columns[key] == nil { columns[key] = index }
        }
        for (ours, theirs) in renamed {
            columns[ours] = columns[theirs.trimmedOfWhitespace.lowercased()]
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            let named = { (name: String) in renamed[name].map { "'\($0)' (\(name))" } ?? name }
            throw AppError(.usage, "\(file): required column\(missing.count == 1 ? "" : "s") \(missing.map(named).joined(separator: ", ")) missing from the header; the file needs \(required.map(named).joined(separator: ", "))")
        }
        self.columns = columns
        while let next = records.next() {
            switch next {
            case .success(let record):
                if record.fields.count > header.fields.count {
                    problems.append(RowProblem(line: record.line, message: "\(record.fields.count) fields but the header names \(header.fields.count)"))
                } else {
                    rows.append(Row(line: record.line, fields: record.fields, columns: columns))
                }
            case .failure(let problem):
                problems.append(RowProblem(line: problem.line, message: problem.message))
            }
        }
    }
}

import Foundation
