import Relicensure
import RelicensureApp

/// The educators page (SPEC §8): a search by any part of id, name or e-mail, filters by status
/// and school, and one page of results.
struct EducatorsView: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Row: Sendable {
        let id, name, href, school, license, termEnd, credited, other, total, required, remaining, statusCode, statusLabel: String
    }

    let title = "Educators"
    let chrome: Chrome
    let q: String
    let statusOptions: [Option]
    let schoolOptions: [Option]
    let showSchools: Bool
    let rows: [Row]
    let hasRows: Bool
    let summary: String
    let pageLabel: String
    let previousHref: String?
    let nextHref: String?

    init(chrome: Chrome, search: EducatorSearch, schools: [(code: String, name: String)], showSchools: Bool) {
        self.chrome = chrome
        q = search.q ?? ""
        statusOptions = [Option(value: "", label: "Any status", selected: search.status == nil)]
            + ProgressStatus.allCases.map { Option(value: $0.rawValue, label: Words.status($0), selected: $0 == search.status) }
        schoolOptions = [Option(value: "", label: "Any school", selected: search.school == nil)]
            + schools.map { Option(value: $0.code, label: $0.name, selected: $0.code == search.school) }
        self.showSchools = showSchools
        rows = search.page.map { row in
            Row(id: row.educator.id, name: "\(row.educator.lastName), \(row.educator.firstName)",
                href: Words.transcriptHref(row.educator.id), school: row.educator.schoolName ?? "",
                license: row.educator.licenseType ?? "", termEnd: row.educator.term?.end.description ?? "",
                credited: row.progress.credited.description, other: row.progress.other.description,
                total: row.progress.total.description, required: row.progress.required.description,
                remaining: row.progress.remaining.description, statusCode: row.progress.status.rawValue,
                statusLabel: Words.status(row.progress.status))
        }
        hasRows = !rows.isEmpty
        summary = search.total == 0 ? "No educator matches." : search.total == 1 ? "1 educator matches." : "\(search.total) educators match."
        pageLabel = search.pageCount > 1 ? "Page \(search.pageNumber) of \(search.pageCount)" : ""
        previousHref = search.pageNumber > 1 ? "/educators" + search.query(page: search.pageNumber - 1) : nil
        nextHref = search.pageNumber < search.pageCount ? "/educators" + search.query(page: search.pageNumber + 1) : nil
    }
}

/// A search of the educators page and its JSON twin, with the page of results it found.
struct EducatorSearch: Sendable {
    let q: String?
    let status: ProgressStatus?
    let school: String?
    let pageNumber: Int
    let total: Int
    let pageCount: Int
    let page: [ProgressRow]

    init(q: String?, status: ProgressStatus?, school: String?, pageNumber: Int, matching rows: [ProgressRow], pageSize: Int) {
        self.q = q
        self.status = status
        self.school = school
        let filtered = rows.filter { status == nil || $0.progress.status == status }
            .sorted { ($0.educator.lastName, $0.educator.firstName, $0.educator.id)
                < ($1.educator.lastName, $1.educator.firstName, $1.educator.id) }
        total = filtered.count
        pageCount = max(1, (filtered.count + pageSize - 1) / pageSize)
        self.pageNumber = min(max(1, pageNumber), pageCount)
        page = Array(filtered.dropFirst((self.pageNumber - 1) * pageSize).prefix(pageSize))
    }

    func query(page: Int) -> String {
        Words.query([("q", q), ("status", status?.rawValue), ("school", school), ("page", page > 1 ? String(page) : nil)])
    }
}
