import Foundation
import Logging
import Mustache
import OpenBadges
import RelicensureConfig
import RelicensureStore

/// What every route shares: the configuration, the connections, the templates and the log.
struct WebEnvironment: Sendable {
    let configuration: Configuration
    let pool: StorePool
    let templates: MustacheLibrary
    /// One line per request; nothing personal (SPEC §8 "Logs").
    let requestLog: Logger

    /// Failed logins that make an address wait, and for how long (SPEC §8).
    static let loginFailuresAllowed = 5
    static let loginWaitMinutes = 15
    static let sessionCookie = "relicensure_session"
    /// The login form's CSRF token, before there is a session (a double-submit cookie).
    static let loginCookie = "relicensure_login"
    static let pageSize = 50

    /// Today in `state.time_zone`: the day the pages are as of, and the day a decision is
    /// recorded on. A long-running server asks each time.
    var today: CalendarDate { CalendarDate(Date(), in: configuration.timeZone) }

    /// Cookies are `Secure` when the browser reaches us over HTTPS (`web.tls` or an https
    /// `web.base_url`).
    var secureCookies: Bool { configuration.web.servesHTTPS }

    /// Renders a page template with its view.
    func render(_ view: some Sendable, _ template: String) throws -> String {
        guard let html = templates.render(view, withTemplate: template) else {
            throw WebError.missingTemplate(template)
        }
        return html
    }
}

/// A fault of the program, not of the request.
enum WebError: Error {
    case missingTemplate(String)
}
