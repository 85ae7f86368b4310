import Foundation
import Hummingbird
import HTTPTypes

/// Every POST needs the session's CSRF token in its form (`csrf`), and must not come from
/// another origin; otherwise it is refused with 403 before any route runs, so nothing is
/// recorded (SPEC §8 "Forms"). The login form, posted before there is a session, carries the
/// token of its own cookie instead (a double-submit cookie).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let environment: WebEnvironment

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        guard !Self.fromAnotherOrigin(request, baseURL: environment.configuration.web.baseURL) else {
            throw HTTPError(.forbidden, message: "This form was sent from another site, so nothing was done.")
        }
        var request = request
        let form = try await FormFields(request: &request, context: context)
        let expected = context.csrfToken ?? request.cookies[WebEnvironment.loginCookie]?.value
        guard let expected, let given = form["csrf"], Secrets.same(given, expected) else {
            throw HTTPError(.forbidden, message: "This form has expired or was not sent from this site; open the page again and resend it.")
        }
        return try await next(request, context)
    }

    /// An `Origin` (or `Sec-Fetch-Site`) that is not ours. Browsers send `Origin` with every
    /// POST; without `web.base_url`, ours is the `Host` the request was sent to.
    static func fromAnotherOrigin(_ request: Request, baseURL: String?) -> Bool {
        if header("sec-fetch-site", of: request) == "cross-site" { return true }
        guard let origin = header("origin", of: request) else { return false }
        if origin == "null" { return true }
        let ours: [String]
        if let baseURL, let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host {
            ours = [scheme + "://" + host + (url.port.map { ":\($0)" } ?? "")]
        } else if let host = request.head.authority {
            ours = ["http://" + host, "https://" + host]
        } else {
            return true
        }
        return !ours.contains(origin.lowercased())
    }

    private static func header(_ name: String, of request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == name }?.value
    }
}

/// The fields of an `application/x-www-form-urlencoded` body, read once and kept on the
/// request so that the route reads them again.
struct FormFields: Sendable {
    let fields: [String: String]

    init(request: inout Request, context: WebContext) async throws {
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: body)
        fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: text)) ?? [:]
    }

    subscript(_ name: String) -> String? { fields[name] }
}
