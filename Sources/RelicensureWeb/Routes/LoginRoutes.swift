import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOPosix
import RelicensureStore

/// Logging in and out (SPEC §8 "Accounts"): bcrypt checked off the event loop, 5 failures for
/// an account from one address make that address wait 15 minutes, sessions in cookies.
struct LoginRoutes {
    let environment: WebEnvironment

    struct LoginView: Sendable {
        let title = "Log in"
        let csrf: String
        let login: String
        let message: String?
    }

    func add(to router: Router<WebContext>) {
        router.get("/login") { request, context in try loginPage(request, context) }
        router.post("/login") { request, context in try await logIn(request, context) }
        router.post("/logout") { request, context in try await logOut(request, context) }
    }

    private func loginPage(_ request: Request, _ context: WebContext, login: String = "", message: String? = nil,
                           status: HTTPResponse.Status = .ok) throws -> Response {
        if context.account != nil, message == nil { return .redirect(to: "/", type: .found) }
        let token = request.cookies[WebEnvironment.loginCookie]?.value ?? Secrets.random()
        var response = try Pages.html(environment.render(LoginView(csrf: token, login: login, message: message), "login"),
                                      status: status)
        response.setCookie(Cookie(name: WebEnvironment.loginCookie, value: token, path: "/login",
                                  secure: environment.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    private func logIn(_ request: Request, _ context: WebContext) async throws -> Response {
        var request = request
        let form = try await FormFields(request: &request, context: context)
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let address = Self.clientAddress(request, context)
        let pool = environment.pool
        let failures = try await pool.withStore {
            try $0.recentLoginFailures(login: login, address: address, minutes: WebEnvironment.loginWaitMinutes)
        }
        guard failures < WebEnvironment.loginFailuresAllowed else {
            return try loginPage(request, context, login: login,
                                 message: "Too many failed logins for this account from here. "
                                    + "Wait \(WebEnvironment.loginWaitMinutes) minutes, then try again.",
                                 status: .tooManyRequests)
        }
        let found = try await pool.withStore { try $0.webAccountForLogin(login) }
        // bcrypt takes a quarter of a second by design: on a thread of the pool, not the event
        // loop. An unknown login is checked against a hash too, so it takes as long as a known one.
        let hash = found?.passwordHash ?? Self.unknownLoginHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account = found?.account, matches else {
            try await pool.withStore { try $0.recordLoginFailure(login: login, address: address) }
            return try loginPage(request, context, login: login,
                                 message: "The login or the password is not right.", status: .unauthorized)
        }
        let session = Secrets.random(), csrf = Secrets.random()
        try await pool.withStore { store in
            try store.clearLoginFailures(login: account.login, address: address)
            try store.startWebSession(login: account.login, sessionSHA256: Secrets.digest(session), csrfToken: csrf)
        }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(name: WebEnvironment.sessionCookie, value: session,
                                  maxAge: environment.configuration.web.sessionHours * 3600, path: "/",
                                  secure: environment.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    private func logOut(_ request: Request, _ context: WebContext) async throws -> Response {
        if let digest = context.sessionDigest {
            try await environment.pool.withStore { try $0.endWebSession(sessionSHA256: digest) }
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(Cookie(name: WebEnvironment.sessionCookie, value: "", maxAge: 0, path: "/",
                                  secure: environment.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The address failed logins are counted for: the peer's, or behind a reverse proxy on this
    /// machine, the address the proxy names last in `X-Forwarded-For` (the one it saw).
    static func clientAddress(_ request: Request, _ context: WebContext) -> String {
        let peer = context.peerAddress ?? "unknown"
        guard peer == "127.0.0.1" || peer == "::1",
              let forwarded = request.headers.first(where: { $0.name.canonicalName == "x-forwarded-for" })?.value,
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return peer }
        return last
    }

    /// A bcrypt hash of no one's password, so that an unknown login costs as much as a known one.
    static let unknownLoginHash = Bcrypt.hash(Secrets.random())
}
