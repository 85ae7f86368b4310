import Foundation
import Hummingbird
import OpenBadges
import Relicensure
import RelicensureApp
import RelicensureStore
import Reports

/// The pages an account sees and their JSON twins under `/api` (SPEC §8). Each reads through
/// the same use cases as the command line, limited to the account's scope in its queries.
struct ScopedRoutes {
    let environment: WebEnvironment

    func add(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("/") { _, context in try await dashboardPage(context) }
        api.get("/dashboard") { _, context in try await dashboardJSON(context) }
        pages.get("/educators") { request, context in try await educatorsPage(request, context) }
        api.get("/educators") { request, context in try await educatorsJSON(request, context) }
        pages.get("/educators/{id}") { _, context in try await transcriptPage(context) }
        api.get("/educators/{id}") { _, context in Pages.json(try await transcript(context).json()) }
        pages.get("/exceptions") { _, context in try await exceptionsPage(context) }
        api.get("/exceptions") { _, context in Pages.json(try await openExceptions(context).json()) }
        pages.get("/downloads/exceptions.csv") { _, context in
            Pages.csv(try await openExceptions(context).csv, name: "open-exceptions-\(environment.today).csv")
        }
        pages.get("/downloads/progress.csv") { _, context in
            Pages.csv(ProgressRow.table(try await progress(context).sorted(by: Self.rosterOrder)).csv,
                      name: "progress-\(environment.today).csv")
        }
        pages.get("/approvals") { request, context in
            // After a decision the browser is sent here (post, redirect, get), so that reloading
            // the page never sends the decision again.
            let recorded = request.uri.queryParameters.get("recorded") == "1"
            return try await approvalsPage(context, flash: recorded ? Self.recordedFlash : nil)
        }
        api.get("/approvals") { _, context in try await approvalsJSON(context) }
        pages.post("/approvals") { request, context in try await decide(request, context) }
    }

    // MARK: Reading, in scope

    private func account(_ context: WebContext) throws -> WebAccount {
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        return account
    }

    private func progress(_ context: WebContext, search: String? = nil, school: String? = nil) async throws -> [ProgressRow] {
        let scope = try account(context).scope
        let required = environment.configuration.rules.requiredHours, asOf = environment.today
        return try await environment.pool.withStore {
            try ProgressReport.rows(store: $0, scope: scope, search: search, school: school, required: required, asOf: asOf)
        }
    }

    private func transcript(_ context: WebContext) async throws -> Transcript {
        try await transcriptAndHistory(context).transcript
    }

    /// The transcript of the path's educator, or 404 for one out of scope exactly as for one
    /// that does not exist.
    private func transcriptAndHistory(_ context: WebContext) async throws -> (transcript: Transcript, history: EducatorHistory) {
        let scope = try account(context).scope
        let id = context.parameters.get("id").map { $0.removingPercentEncoding ?? $0 } ?? ""
        let required = environment.configuration.rules.requiredHours, asOf = environment.today
        let found = try await environment.pool.withStore { store -> (Transcript, EducatorHistory)? in
            guard let transcript = try EducatorTranscript.build(store: store, educatorID: id, scope: scope,
                                                                required: required, asOf: asOf) else { return nil }
            return (transcript, try store.educatorHistory(id, asOf: asOf))
        }
        guard let found else { throw HTTPError(.notFound, message: "No such educator.") }
        return found
    }

    private func openExceptions(_ context: WebContext) async throws -> ReportTable {
        let scope = try account(context).scope, asOf = environment.today
        return try await environment.pool.withStore { try OpenExceptions.table(store: $0, scope: scope, asOf: asOf) }
    }

    private func approvalItems(_ context: WebContext) async throws -> [ApprovalQueue.Item] {
        let scope = try account(context).scope, asOf = environment.today
        return try await environment.pool.withStore { try ApprovalQueue.items(store: $0, scope: scope, asOf: asOf) }
    }

    private static func rosterOrder(_ a: ProgressRow, _ b: ProgressRow) -> Bool {
        (a.educator.districtCode, a.educator.schoolName ?? "", a.educator.lastName, a.educator.firstName, a.educator.id)
            < (b.educator.districtCode, b.educator.schoolName ?? "", b.educator.lastName, b.educator.firstName, b.educator.id)
    }

    private func chrome(_ context: WebContext, here: String) throws -> Chrome {
        Chrome(account: try account(context), csrf: context.csrfToken, here: here)
    }

    // MARK: Dashboard

    private func dashboard(_ context: WebContext) async throws -> DashboardView {
        let account = try account(context), scope = account.scope, today = environment.today
        let first = DashboardView.months(endingWith: today, hours: [:]).first?.month.firstDay ?? today
        let required = environment.configuration.rules.requiredHours
        let (rows, hours) = try await environment.pool.withStore {
            try ProgressReport.rowsAndMonths(store: $0, scope: scope, required: required, asOf: today, monthsFrom: first)
        }
        let heading = switch account.role {
        case .state: "All districts"
        case .district: "District \(account.districtCode ?? "")"
            + (environment.configuration.rules.districts[account.districtCode ?? ""].map { ": \($0.name)" } ?? "")
        case .school: rows.first?.educator.schoolName ?? "School \(account.schoolCode ?? "")"
        }
        return DashboardView(chrome: try chrome(context, here: "/"), heading: heading, asOf: today, rows: rows,
                             months: DashboardView.months(endingWith: today, hours: hours))
    }

    private func dashboardPage(_ context: WebContext) async throws -> Response {
        Pages.html(try environment.render(try await dashboard(context), "dashboard"))
    }

    private func dashboardJSON(_ context: WebContext) async throws -> Response {
        let view = try await dashboard(context)
        let rows = try await progress(context)
        return try Pages.json(object: [
            "as_of": view.asOf,
            "educators": view.educatorCount,
            "statuses": Dictionary(uniqueKeysWithValues: view.statuses.map { ($0.code, $0.count) }),
            "hours_by_month": view.chart.bars.map { ["month": $0.month, "hours": NSDecimalNumber(string: $0.hours)] },
            "urgent": try JSONSerialization.jsonObject(with: ProgressRow.table(DashboardView.urgent(rows)).json()),
        ])
    }

    // MARK: Educators

    private func search(_ request: Request, _ context: WebContext) async throws -> EducatorSearch {
        let query = request.uri.queryParameters
        let q = query.get("q").flatMap { $0.isEmpty ? nil : $0 }
        let school = query.get("school").flatMap { $0.isEmpty ? nil : $0 }
        let status = query.get("status").flatMap(ProgressStatus.init(rawValue:))
        let rows = try await progress(context, search: q, school: school)
        return EducatorSearch(q: q, status: status, school: school, pageNumber: query.get("page", as: Int.self) ?? 1,
                              matching: rows, pageSize: WebEnvironment.pageSize)
    }

    private func educatorsPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try account(context)
        let found = try await search(request, context)
        // The school filter lists the scope's schools; a school account has only its own.
        var schools: [(code: String, name: String)] = []
        if account.role != .school {
            var seen: [String: String] = [:]
            for row in try await progress(context) {
                if let code = row.educator.schoolCode { seen[code] = row.educator.schoolName ?? code }
            }
            schools = seen.map { (code: $0.key, name: $0.value) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        }
        return Pages.html(try environment.render(
            EducatorsView(chrome: try chrome(context, here: "/educators"), search: found, schools: schools,
                          showSchools: account.role != .school), "educators"))
    }

    private func educatorsJSON(_ request: Request, _ context: WebContext) async throws -> Response {
        let found = try await search(request, context)
        return try Pages.json(object: [
            "total": found.total, "page": found.pageNumber, "pages": found.pageCount,
            "educators": try JSONSerialization.jsonObject(with: ProgressRow.table(found.page).json()),
        ])
    }

    // MARK: Transcript, exceptions

    private func transcriptPage(_ context: WebContext) async throws -> Response {
        let found = try await transcriptAndHistory(context)
        return Pages.html(try environment.render(
            TranscriptView(chrome: try chrome(context, here: "/educators"), transcript: found.transcript,
                           history: found.history), "transcript"))
    }

    private func exceptionsPage(_ context: WebContext) async throws -> Response {
        let table = try await openExceptions(context)
        let scope = try account(context).scope
        let names = try await environment.pool.withStore { store in
            Dictionary(try store.educators(in: scope).map { ($0.id, "\($0.firstName) \($0.lastName)") }) { a, _ in a }
        }
        return Pages.html(try environment.render(
            ExceptionsView(chrome: try chrome(context, here: "/exceptions"), asOf: environment.today.description,
                           table: table, names: names), "exceptions"))
    }

    // MARK: Approvals

    private func approvalsPage(_ context: WebContext, flash: ApprovalsView.Flash?,
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        let account = try account(context)
        let items = try await approvalItems(context)
        return Pages.html(try environment.render(
            ApprovalsView(chrome: try chrome(context, here: "/approvals"), canApprove: account.canApprove,
                          items: items, flash: flash), "approvals"), status: status)
    }

    private func approvalsJSON(_ context: WebContext) async throws -> Response {
        let items = try await approvalItems(context)
        return try Pages.json(object: items.map { item -> [String: Any] in
            ["award_id": item.award.awardID, "educator_id": item.educatorID, "badge_id": item.badgeID,
             "badge_name": item.award.badgeName ?? NSNull(), "issuer_name": item.award.issuerName ?? NSNull(),
             "award_date": item.award.awardDate?.description ?? NSNull(), "days_waiting": item.daysWaiting]
        })
    }

    /// Approves (optionally with hours) or denies (with a note) one pending award, recorded as
    /// an `approvals import` row by this login on today's date in `state.time_zone`.
    private func decide(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try account(context)
        guard account.canApprove, account.role != .school else {
            throw HTTPError(.forbidden, message: "This account cannot decide approvals.")
        }
        var request = request
        let form = try await FormFields(request: &request, context: context)
        guard let awardID = form["award_id"], let verdict = form["decision"], ["approved", "denied"].contains(verdict) else {
            throw HTTPError(.badRequest, message: "Choose Approve or Deny.")
        }
        let scope = account.scope, today = environment.today, rules = environment.configuration.rules
        let hours = form["hours"], note = form["note"], login = account.login
        let recorded: ApprovalDecision?
        do {
            recorded = try await environment.pool.withStore {
                try ApprovalQueue.decide(store: $0, rules: rules, scope: scope, asOf: today, awardID: awardID,
                                         approve: verdict == "approved", hours: hours, note: note, login: login,
                                         decidedOn: today, source: "relicensure serve")
            }
        } catch let refusal as ApprovalQueue.Refusal {
            return try await approvalsPage(context, flash: .init(kind: "bad", text: refusal.message), status: .badRequest)
        }
        guard recorded != nil else { throw HTTPError(.notFound, message: "No such award is waiting for a decision.") }
        return .redirect(to: "/approvals?recorded=1", type: .normal)
    }

    static let recordedFlash = ApprovalsView.Flash(
        kind: "ok", text: "Your decision is recorded. The next nightly run credits or denies the badge; until then it stays on this list.")
}
