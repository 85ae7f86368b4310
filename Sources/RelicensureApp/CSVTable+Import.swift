import Foundation
import Logging

extension CSVTable {
    /// Reads `file` as UTF-8 CSV text with the `required` columns (exit 2 when it cannot be read
    /// or a required column is missing).
    static func read(file: String, required: [String], renamed: [String: String] = [:]) throws -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw AppError(.usage, "\(file): cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppError(.usage, "\(file): the file is not UTF-8 text; save it as CSV UTF-8")
        }
        return try CSVTable(text: text, file: file, required: required, renamed: renamed)
    }

    /// Logs every bad row of an import (SPEC §4.1: reported by line and skipped) and every row
    /// imported but questioned (`questioned`: it is taken, and a person should look at it); with
    /// `strict`, any of either refuses the whole file (exit 1) before anything is written.
    static func screen(_ problems: [RowProblem], questioned: [RowProblem] = [], file: String, strict: Bool,
                       logger: Logger) throws {
        for problem in problems {
            logger.warning("row skipped", metadata: ["file": "\(file)", "line": "\(problem.line)",
                                                     "problem": "\(problem.message)"])
        }
        for question in questioned {
            logger.warning("row imported, but a person should look at it",
                           metadata: ["file": "\(file)", "line": "\(question.line)", "problem": "\(question.message)"])
        }
        guard strict else { return }
        if let first = problems.first {
            throw AppError(.failed, "\(file): \(problems.count) bad row\(problems.count == 1 ? "" : "s") (first: \(first)); with --strict nothing was imported")
        }
        if let first = questioned.first {
            throw AppError(.failed, "\(file): \(questioned.count) questioned row\(questioned.count == 1 ? "" : "s") (first: \(first)); with --strict nothing was imported")
        }
    }

    /// Every row turned into a record by `make`; the rows it refuses, and the rows the CSV
    /// reader could not read, come back as problems in line order.
    func records<Record>(_ make: (Row) -> Result<Record, RowProblem>) -> ([Record], [RowProblem]) {
        var problems = self.problems
        var records: [Record] = []
        for row in rows {
            switch make(row) {
            case .success(let record): records.append(record)
            case .failure(let problem): problems.append(problem)
            }
        }
        problems.sort { $0.line < $1.line }
        return (records, problems)
    }
}
