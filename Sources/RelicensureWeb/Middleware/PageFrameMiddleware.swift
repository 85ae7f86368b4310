import Hummingbird
import HTTPTypes

/// Every answer's headers (no resource from another origin, no framing, no caching of
/// personal data) and, for a page, a refusal or a missing page in words rather than as JSON.
/// A page out of the account's scope comes here as the same 404 as one that does not exist.
struct PageFrameMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let environment: WebEnvironment

    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            response = try problemPage(error, context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with a form,
        // and a POST could not be told from one sent by another site.
        response.headers[HTTPField.Name.referrerPolicy] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name.xFrameOptions] = "DENY"
        return response
    }

    private func problemPage(_ error: HTTPError, _ context: WebContext) throws -> Response {
        let heading = switch error.status.code {
        case 404: "Not found"
        case 403: "Not allowed"
        case 401: "Please log in"
        default: "Something is wrong"
        }
        let message = error.body ?? "The page could not be shown."
        let view = ProblemView(title: heading, chrome: context.account.map { Chrome(account: $0, csrf: context.csrfToken, here: "") },
                               heading: heading, message: message)
        return Pages.html(try environment.render(view, "problem"), status: error.status)
    }
}

extension HTTPField.Name {
    // Both names are valid field names, so the initialiser never fails; the fallback only
    // keeps the code free of a force-unwrap.
    static var xFrameOptions: Self { Self("X-Frame-Options") ?? .cacheControl }
    static var referrerPolicy: Self { Self("Referrer-Policy") ?? .cacheControl }
}
