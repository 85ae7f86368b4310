import Hummingbird
import HTTPTypes
import RelicensureStore

/// Finds the account of a request: its session cookie, else its bearer token (`users token`).
/// A session older than `web.session_hours`, or of a disabled account, finds none. Whether a
/// route needs an account is `RequireAccountMiddleware`'s business.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let environment: WebEnvironment

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookies[WebEnvironment.sessionCookie]?.value, !cookie.isEmpty {
            let digest = Secrets.digest(cookie)
            let hours = environment.configuration.web.sessionHours
            if let found = try await environment.pool.withStore({ try $0.webSession(sessionSHA256: digest, hours: hours) }) {
                context.account = found.account
                context.csrfToken = found.csrfToken
                context.sessionDigest = digest
            }
        } else if let token = Self.bearerToken(request.headers[.authorization]) {
            let digest = Secrets.digest(token)
            context.account = try await environment.pool.withStore { try $0.webAccount(tokenSHA256: digest) }
        }
        return try await next(request, context)
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

/// Lets only requests with an account through: a page sends the browser to the login form, an
/// API call answers 401.
struct RequireAccountMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let api: Bool

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard context.account != nil else {
            if api {
                throw HTTPError(.unauthorized, message: "Log in, or send a bearer token from `relicensure users token`.")
            }
            return Response.redirect(to: "/login", type: .found)
        }
        return try await next(request, context)
    }
}
