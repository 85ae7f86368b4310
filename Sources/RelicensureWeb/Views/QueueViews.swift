import Relicensure
import RelicensureApp
import Reports

/// The open exceptions page (SPEC §8): the Open rows of the scope, each with what to do.
struct ExceptionsView: Sendable {
    struct Row: Sendable {
        let daysOpen, educator, educatorID, badge, issuer, outcome, outcomeLabel, reason, whatToDo: String
        let href: String?
        /// A pending badge is decided on the Approvals page, not by importing a file.
        let decideHere: Bool
    }

    let title = "Open exceptions"
    let chrome: Chrome
    let asOf: String
    let rows: [Row]
    let hasRows: Bool

    /// - Parameter names: the scope's educators' names, by id.
    init(chrome: Chrome, asOf: String, table: ReportTable, names: [String: String]) {
        self.chrome = chrome
        self.asOf = asOf
        let at = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
        rows = table.rows.map { cells in
            func cell(_ name: String) -> String { at[name].map { cells[$0].plainText } ?? "" }
            let educator = cell("educator_id")
            return Row(daysOpen: cell("days_open"), educator: educator.isEmpty ? "Not matched" : names[educator] ?? educator,
                       educatorID: educator,
                       badge: cell("badge_name"), issuer: cell("issuer_name"), outcome: cell("outcome"),
                       outcomeLabel: Words.outcome(cell("outcome")), reason: cell("reason"), whatToDo: cell("what_to_do"),
                       href: educator.isEmpty ? nil : Words.transcriptHref(educator),
                       decideHere: cell("outcome") == "pending_approval")
        }
        hasRows = !rows.isEmpty
    }
}

/// The approvals page (SPEC §8): awards waiting for a decision, with the forms to decide them
/// for an account that may.
struct ApprovalsView: Sendable {
    struct Item: Sendable {
        let awardID, educator, educatorID, href, badge, issuer, awarded: String
        let daysWaiting: Int
        /// The decision recorded today or earlier that tonight's run will apply.
        let recorded: String?
    }

    struct Flash: Sendable {
        let kind: String
        let text: String
    }

    let title = "Approvals"
    let chrome: Chrome
    let csrf: String
    let canApprove: Bool
    let items: [Item]
    let hasItems: Bool
    let flash: Flash?

    init(chrome: Chrome, canApprove: Bool, items: [ApprovalQueue.Item], flash: Flash?) {
        self.chrome = chrome
        csrf = chrome.csrf
        self.canApprove = canApprove
        self.items = items.map { item in
            Item(awardID: item.award.awardID, educator: item.educatorName, educatorID: item.educatorID,
                 href: Words.transcriptHref(item.educatorID), badge: item.award.badgeName ?? item.badgeID,
                 issuer: item.award.issuerName ?? item.award.issuerID ?? "", awarded: item.award.awardDate?.description ?? "",
                 daysWaiting: item.daysWaiting,
                 recorded: item.recorded.map(Words.decision))
        }
        hasItems = !self.items.isEmpty
        self.flash = flash
    }
}

/// A page that says what went wrong (404, 403) in words.
struct ProblemView: Sendable {
    let title: String
    let chrome: Chrome?
    let heading: String
    let message: String
}
