import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import RelicensureApp
import RelicensureStore
import Testing
@testable import RelicensureWeb

/// The web door against the real PostgreSQL (SPEC §8): scope, sessions, throttling, CSRF,
/// escaping and the request log.
@Suite struct WebDoorTests {
    static let abbott = "0040100", bishop = "0040137", carver = "0040174"

    @Test func healthzAnswersOkWithoutLoggingIn() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                let health = try await browser.get("/healthz")
                #expect(health.status == .ok)
                #expect(health.body == "ok")
                #expect(try await browser.get("/").status == .found)
                #expect(try await browser.get("/api/dashboard").status == .unauthorized)
            }
        }
    }

    @Test func outOfScopeAnswers404ExactlyLikeNothing() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var christina = WebClient(client)
                #expect(try await christina.logIn("christina").status == .seeOther)
                for path in ["/educators/\(Self.abbott)", "/api/educators/\(Self.abbott)"] {
                    let outside = try await christina.get(path)
                    let missing = try await christina.get(path.replacingOccurrences(of: Self.abbott, with: "9999999"))
                    #expect(outside.status == .notFound, "\(path)")
                    #expect(outside.body == missing.body.replacingOccurrences(of: "9999999", with: Self.abbott))
                }
                #expect(try await christina.get("/educators/\(Self.carver)").status == .ok)
                // Red Clay's pending NEA badges are not Christina's to see or decide.
                let approvals = try await christina.get("/api/approvals")
                #expect(!approvals.body.contains(Self.bishop))
                let award = "https://api.badgr.io/public/assertions/nea/n1"
                let page = try await christina.get("/approvals")
                let decided = try await christina.post("/approvals", form: ["award_id": award, "decision": "approved",
                                                                            "csrf": page.csrf ?? ""])
                #expect(decided.status == .notFound)
                let exceptions = try await christina.get("/api/exceptions")
                #expect(!exceptions.body.contains(Self.abbott) && !exceptions.body.contains(Self.bishop))
                #expect(try await christina.get("/api/educators?q=abbott").body.contains(#""total" : 0"#))
            }
        }
    }

    @Test(arguments: [("state", 3, 30), ("redclay", 2, 20), ("christina", 1, 10), ("dickinson", 1, 20)])
    func theDashboardCountsItsScopesEducatorsAndHours(login: String, educators: Int, hoursThisMonth: Int) async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn(login)
                let body = try await browser.get("/api/dashboard").body
                let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                #expect(object["educators"] as? Int == educators)
                let months = try #require(object["hours_by_month"] as? [[String: Any]])
                #expect(months.count == 12)
                #expect(months.last?["month"] as? String == String(CalendarDateToday.newYork.prefix(7)))
                #expect((months.last?["hours"] as? NSNumber)?.intValue == hoursThisMonth)
                #expect(months.dropLast().allSatisfy { ($0["hours"] as? NSNumber)?.intValue == 0 })
            }
        }
    }

    @Test func aSchoolAccountSeesOnlyItsSchool() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var principal = WebClient(client)
                try await principal.logIn("dickinson")
                let list = try await principal.get("/educators")
                #expect(list.body.contains("Abbott"))
                #expect(!list.body.contains("Bishop") && !list.body.contains("Carver"))
                #expect(try await principal.get("/educators/\(Self.bishop)").status == .notFound)
                #expect(try await principal.get("/educators/\(Self.abbott)").status == .ok)
                let csv = try await principal.get("/downloads/progress.csv")
                #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(csv.body.contains("Abbott") && !csv.body.contains("Bishop") && !csv.body.contains("Carver"))
                let exceptions = try await principal.get("/downloads/exceptions.csv")
                #expect(exceptions.body.hasPrefix("award_id,source_file,educator_id"))
                #expect(!exceptions.body.contains(Self.bishop))
                let dashboard = try await principal.get("/api/dashboard")
                #expect(dashboard.body.contains(#""educators" : 1"#))
                // A school account never decides approvals.
                let page = try await principal.get("/approvals")
                #expect(!page.body.contains("Approve</button>"))
                let award = "https://api.badgr.io/public/assertions/nea/n2"
                let tried = try await principal.post("/approvals", form: ["award_id": award, "decision": "approved",
                                                                         "csrf": page.csrf ?? ""])
                #expect(tried.status == .forbidden)
            }
        }
    }

    @Test func fiveFailedLoginsMakeThatAddressWait() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                for _ in 0..<5 {
                    #expect(try await browser.logIn("redclay", password: "not the password!").status == .unauthorized)
                }
                let refused = try await browser.logIn("redclay")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.body.contains("Wait 15 minutes"))
                // Another account from the same address is not held up.
                var other = WebClient(client)
                #expect(try await other.logIn("state").status == .seeOther)
                // Fifteen minutes later the address may try again.
                try world.store().connection.query("UPDATE web_login_failures SET failed_at = failed_at - interval '16 minutes'")
                #expect(try await browser.logIn("redclay").status == .seeOther)
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndSecureUnderHTTPS() async throws {
        try await WebTestWorld.with(web: "  base_url: \"https://hours.redclay.example\"") { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                let response = try await browser.logIn("state")
                #expect(response.status == .seeOther)
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("relicensure_session=") })
                for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age=28800"] {
                    #expect(cookie.contains(attribute), "\(cookie)")
                }
                // Under a public https address, a form from anywhere else is refused.
                var other = WebClient(client)
                let page = try await other.get("/login")
                let refused = try await other.post("/login", form: ["login": "state", "password": WebTestWorld.password,
                                                                   "csrf": page.csrf ?? ""],
                                                   headers: [HTTPField.Name("Origin")!: "http://127.0.0.1:8080"])
                #expect(refused.status == .forbidden)
            }
        }
    }

    @Test func aSessionExpiresAfterSessionHours() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("redclay")
                #expect(try await browser.get("/").status == .ok)
                try world.store().connection.query("UPDATE web_sessions SET created_at = created_at - interval '8 hours 1 minute'")
                let after = try await browser.get("/")
                #expect(after.status == .found)
                #expect(after.headers[.location] == "/login")
                #expect(try await browser.get("/api/dashboard").status == .unauthorized)
            }
        }
    }

    @Test func aDisabledAccountsSessionAndTokenStopWorking() async throws {
        try await WebTestWorld.with { world in
            let token = try WebAccounts.makeToken(session: try world.session(), login: "redclay")
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("redclay")
                var api = WebClient(client)
                let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
                #expect(try await browser.get("/").status == .ok)
                #expect(try await api.get("/api/dashboard", headers: bearer).status == .ok)
                try WebAccounts.disable(session: try world.session(), login: "redclay")
                #expect(try await browser.get("/").status == .found)
                #expect(try await api.get("/api/dashboard", headers: bearer).status == .unauthorized)
                var again = WebClient(client)
                #expect(try await again.logIn("redclay").status == .unauthorized)
            }
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefusedAndRecordsNothing() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("redclay")
                let award = "https://api.badgr.io/public/assertions/nea/n1"
                let page = try await browser.get("/approvals")
                let csrf = try #require(page.csrf)
                let withoutToken = try await browser.post("/approvals", form: ["award_id": award, "decision": "approved"])
                #expect(withoutToken.status == .forbidden)
                let wrongToken = try await browser.post("/approvals", form: ["award_id": award, "decision": "approved",
                                                                            "csrf": String(csrf.reversed())])
                #expect(wrongToken.status == .forbidden)
                let otherSite = try await browser.post("/approvals", form: ["award_id": award, "decision": "approved", "csrf": csrf],
                                                       headers: [HTTPField.Name("Origin")!: "https://evil.example"])
                #expect(otherSite.status == .forbidden)
                var stranger = WebClient(client)
                let loginWithoutToken = try await stranger.post("/login", form: ["login": "state", "password": WebTestWorld.password])
                #expect(loginWithoutToken.status == .forbidden)
                #expect(try world.store().connection.query("SELECT count(*) AS n FROM approvals").first?["n"] == "0")

                let approved = try await browser.post("/approvals", form: ["award_id": award, "decision": "approved",
                                                                          "hours": "15", "csrf": csrf])
                #expect(approved.status == .seeOther)
                #expect(approved.headers[.location] == "/approvals?recorded=1")
                let after = try await browser.get("/approvals?recorded=1")
                #expect(after.body.contains("Your decision is recorded"))
                #expect(after.body.contains("Approved by redclay on \(CalendarDateToday.newYork) for 15 hours"))
                let rows = try world.store().connection.query("""
                    SELECT educator_id, decision, hours::text, decided_by, decided_on::text, source_file FROM approvals
                    """)
                #expect(rows.count == 1)
                #expect(rows.first?.values == [Self.bishop, "approved", "15.00", "redclay",
                                               CalendarDateToday.newYork, "relicensure serve"])
                // A denial needs a note.
                let denied = try await browser.post("/approvals", form: ["award_id": "https://api.badgr.io/public/assertions/nea/n2",
                                                                        "decision": "denied", "csrf": csrf])
                #expect(denied.status == .badRequest)
                #expect(try world.store().connection.query("SELECT count(*) AS n FROM approvals").first?["n"] == "1")
            }
        }
    }

    @Test func aBadgeNamedWithAScriptIsShownAsText() async throws {
        try await WebTestWorld.with { world in
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("redclay")
                let page = try await browser.get("/educators/\(Self.abbott)")
                #expect(page.status == .ok)
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; Literacy"))
                #expect(!page.body.contains("<script>"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func theTranscriptsJSONTwinIsTheCommandLinesObject() async throws {
        try await WebTestWorld.with { world in
            let command = try EducatorTranscript.build(session: try world.session(), key: Self.abbott).json()
            try await world.application(log: LogLines()).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("state")
                let twin = try await browser.get("/api/educators/\(Self.abbott)")
                #expect(twin.status == .ok)
                #expect(twin.body == String(decoding: command, as: UTF8.self))
            }
        }
    }

    @Test func theRequestLogHasOneLineARequestAndNothingPersonal() async throws {
        try await WebTestWorld.with { world in
            let log = LogLines()
            let token = try WebAccounts.makeToken(session: try world.session(), login: "state")
            try await world.application(log: log).test(.router) { client in
                var browser = WebClient(client)
                try await browser.logIn("redclay", password: "wrong password here")
                try await browser.logIn("redclay")
                _ = try await browser.get("/educators?q=avery.abbott%40k12.de.us")
                _ = try await browser.get("/educators?q=Abbott")
                _ = try await browser.get("/educators/\(Self.abbott)")
                _ = try await browser.get("/api/educators/\(Self.abbott)")
                var api = WebClient(client)
                _ = try await api.get("/api/exceptions", headers: [.authorization: "Bearer \(token)"])
            }
            let lines = log.all
            #expect(lines.count == 9)
            let shape = #/^(GET|POST) \S+ \d{3} \d+\.\d ms \S+$/#
            for line in lines {
                #expect(line.wholeMatch(of: shape) != nil, "\(line)")
                for secret in ["Abbott", "abbott", "Avery", "avery", Self.abbott, WebTestWorld.password, "wrong password",
                               token, "q=", "?"] {
                    #expect(!line.contains(secret), "\(line) contains \(secret)")
                }
            }
            #expect(lines.contains { $0.hasPrefix("GET /educators/{id} 200 ") && $0.hasSuffix(" redclay") })
            #expect(lines.contains { $0.hasPrefix("GET /api/exceptions 200 ") && $0.hasSuffix(" state") })
        }
    }
}

/// Today in the worlds' `state.time_zone`, as a decision made now is dated.
enum CalendarDateToday {
    static var newYork: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
