import Foundation
import Relicensure
import RelicensureStore

/// The header of every page: who is logged in, what they see, the navigation and the logout
/// form's CSRF token.
struct Chrome: Sendable {
    struct Link: Sendable {
        let href: String
        let label: String
        let here: Bool
    }

    let login: String
    let scopeLabel: String
    let csrf: String
    let nav: [Link]

    init(account: WebAccount, csrf: String?, here: String) {
        login = account.login
        scopeLabel = switch account.role {
        case .state: "all districts"
        case .district: "district \(account.districtCode ?? "")"
        case .school: "school \(account.schoolCode ?? "") of district \(account.districtCode ?? "")"
        }
        self.csrf = csrf ?? ""
        nav = [("/", "Dashboard"), ("/educators", "Educators"), ("/exceptions", "Open exceptions"),
               ("/approvals", "Approvals")].map { Link(href: $0.0, label: $0.1, here: $0.0 == here) }
    }
}

/// Words a principal reads, for the codes the reports use.
enum Words {
    static func status(_ status: ProgressStatus) -> String {
        switch status {
        case .advancedLicense: "Advanced license"
        case .complete: "Complete"
        case .endingShort: "Ending short"
        case .behind: "Behind"
        case .onTrack: "On track"
        }
    }

    /// Who decided a badge for the district, when, and how.
    static func decision(_ decision: ApprovalDecision) -> String {
        "\(decision.verdict == .approved ? "Approved" : "Denied") by \(decision.decidedBy) on \(decision.decidedOn)"
            + (decision.hours.map { " for \($0) hours" } ?? "") + (decision.note.map { " (\($0))" } ?? "")
    }

    static func outcome(_ code: String) -> String {
        code.replacingOccurrences(of: "_", with: " ").capitalizedFirst
    }

    /// The link to an educator's transcript; the id is percent-encoded as one path segment.
    static func transcriptHref(_ id: String) -> String {
        "/educators/" + (id.addingPercentEncoding(withAllowedCharacters: .pathSegment) ?? id)
    }

    static func query(_ items: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = items.compactMap { name, value in
            value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) }
        }
        return components.percentEncodedQuery.map { "?" + $0 } ?? ""
    }
}

extension CharacterSet {
    /// Characters that stand for themselves in one path segment.
    static let pathSegment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
