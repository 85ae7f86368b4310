import Foundation
import Logging
import OpenBadges
import Relicensure
import RelicensureStore

/// `relicensure roster import FILE.csv [--full] [--strict]` (SPEC §4.1).
public enum RosterImport {
    /// What an import did, for the command's summary line.
    public struct Summary: Sendable {
        public let imported: Int
        public let skipped: [String]
        public let deactivated: Int
        /// `FILE:line N: question`, one per row imported that a person should look at.
        public var questioned: [String] = []
    }

    static let required = ["educator_id", "first_name", "last_name", "email", "district_code"]

    public static func run(session: Session, file: String, full: Bool, strict: Bool) throws -> Summary {
        let table = try CSVTable.read(file: file, required: required)
        let (educators, problems) = parse(table)
        let questioned = questions(educators, lines: table, knownDistricts: Set(session.configuration.rules.districts.keys))
        try CSVTable.screen(problems, questioned: questioned, file: file, strict: strict, logger: session.logger)
        if full && educators.isEmpty {
            throw AppError(.failed, "\(file): no valid rows; --full would make every educator inactive, so nothing was imported")
        }
        let store = try session.openStore()
        let deactivated = try store.transaction { try store.upsertRoster(educators, full: full) }
        return Summary(imported: educators.count, skipped: problems.map { "\(file):\($0.line): \($0.message)" },
                       deactivated: deactivated, questioned: questioned.map { "\(file):\($0.line): \($0.message)" })
    }

    /// Rows that are imported but that a person should look at: a district the configuration
    /// does not know (its external badges would follow no district's rules), and an address two
    /// educators share (badges sent to it match both, so none is credited: `ambiguous_recipient`).
    static func questions(_ educators: [Educator], lines table: CSVTable, knownDistricts: Set<String>) -> [CSVTable.RowProblem] {
        var lineOf: [String: Int] = [:]
        for row in table.rows { if let id = row["educator_id"], lineOf[id] == nil { lineOf[id] = row.line } }
        var questions: [CSVTable.RowProblem] = []
        var owners: [String: (id: String, line: Int)] = [:]
        for educator in educators {
            let line = lineOf[educator.id] ?? 0
            if !knownDistricts.isEmpty, !knownDistricts.contains(educator.districtCode) {
                questions.append(.init(line: line, message: "district_code '\(educator.districtCode)' is not one of the configuration's "
                                       + "districts (\(knownDistricts.sorted().joined(separator: ", "))); correct the row or add the district"))
            }
            for address in Set(educator.allEmails.map(RecipientDirectory.normalise)) where !address.isEmpty {
                if let owner = owners[address], owner.id != educator.id {
                    questions.append(.init(line: line, message: "an e-mail address of educator '\(educator.id)' also belongs to educator "
                                           + "'\(owner.id)' (line \(owner.line)); badges sent to it will match both and credit neither"))
                } else {
                    owners[address] = (educator.id, line)
                }
            }
        }
        return questions.sorted { $0.line < $1.line }
    }

    /// Checks every row; bad rows come back as problems by line.
    static func parse(_ table: CSVTable) -> ([Educator], [CSVTable.RowProblem]) {
        let (rows, rowProblems) = table.records { row in educator(from: row).map { (educator: $0, line: row.line) } }
        var problems = rowProblems
        var educators: [Educator] = []
        var seen: [String: Int] = [:]
        for (educator, line) in rows {
            if let first = seen[educator.id] {
                problems.append(.init(line: line, message: "educator_id '\(educator.id)' already appears on line \(first); the later row was skipped"))
                continue
            }
            seen[educator.id] = line
            educators.append(educator)
        }
        problems.sort { $0.line < $1.line }
        return (educators, problems)
    }

    static func educator(from row: CSVTable.Row) -> Result<Educator, CSVTable.RowProblem> {
        func problem(_ message: String) -> Result<Educator, CSVTable.RowProblem> {
            .failure(.init(line: row.line, message: message))
        }
        // Each cell is read (and trimmed) once; the first empty required column is named.
        guard let id = row["educator_id"], let first = row["first_name"], let last = row["last_name"],
              let email = row["email"], let district = row["district_code"] else {
            return problem("\(required.first { row[$0] == nil } ?? "a required value") is empty")
        }
        guard looksLikeEmail(email) else { return problem("email is not an e-mail address") }
        let others = (row["other_emails"] ?? "").split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if others.contains(where: { !looksLikeEmail($0) }) {
            return problem("other_emails holds a value that is not an e-mail address")
        }
        var term: LicenseTerm?
        let startText = row["license_start"], endText = row["license_end"]
        if startText != nil || endText != nil {
            guard let startText, let start = CalendarDate(startText) else {
                return problem("license_start must be a date written YYYY-MM-DD when license_end is given")
            }
            guard let endText, let end = CalendarDate(endText) else {
                return problem("license_end must be a date written YYYY-MM-DD when license_start is given")
            }
            guard start <= end else { return problem("license_start \(start) is after license_end \(end)") }
            term = LicenseTerm(start: start, end: end)
        }
        let status = row["status"]?.lowercased() ?? "active"
        guard status == "active" || status == "inactive" else {
            return problem("status must be active or inactive (or empty), not '\(status)'")
        }
        return .success(Educator(id: id, firstName: first, lastName: last, email: email, otherEmails: others,
                                 districtCode: district, schoolCode: row["school_code"], schoolName: row["school_name"],
                                 licenseType: row["license_type"]?.lowercased(), term: term,
                                 isActive: status == "active"))
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.containsWhitespace
    }
}
