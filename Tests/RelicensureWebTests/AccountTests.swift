import Foundation
import Postgres
import RelicensureApp
import RelicensureConfig
import RelicensureStore
import Testing
@testable import RelicensureWeb

/// `relicensure users …` (SPEC §8 "Accounts") and the `web:` section of the configuration.
@Suite struct AccountTests {
    @Test func passwordsAreBcryptHashesOfAtLeastTwelveCharacters() async throws {
        try await WebTestWorld.with { world in
            let session = try world.session()
            #expect(throws: AppError.self) {
                try WebAccounts.add(session: session, account: WebAccount(login: "short", role: .state), password: "elevenchars")
            }
            let stored = try world.store().connection.query("SELECT login, password_hash FROM web_accounts ORDER BY login")
            #expect(stored.map { $0["login"] } == ["christina", "dickinson", "redclay", "state"])
            for row in stored {
                let hash = try row.string("password_hash")
                #expect(hash.hasPrefix("$2b$12$") || hash.hasPrefix("$2a$12$") || hash.hasPrefix("$2y$12$"))
                #expect(!hash.contains(WebTestWorld.password))
            }
            try WebAccounts.setPassword(session: session, login: "state", password: "another long password")
            #expect(try world.store().webAccountForLogin("state")?.passwordHash != stored.last?["password_hash"])
        }
    }

    @Test(arguments: [
        WebAccount(login: "a", role: .school, districtCode: "31", schoolCode: "3101", canApprove: true),
        WebAccount(login: "b", role: .school, districtCode: "31"),
        WebAccount(login: "c", role: .district),
        WebAccount(login: "d", role: .district, districtCode: "31", schoolCode: "3101"),
        WebAccount(login: "e", role: .state, districtCode: "31"),
        WebAccount(login: "two words", role: .state),
    ])
    func anAccountOutsideItsRoleIsRefused(_ account: WebAccount) throws {
        #expect(throws: AppError.self) { try WebAccounts.check(account) }
    }

    @Test func theWebSectionIsReadAndCheckedLikeTheRest() throws {
        let base = "inbox: ./i\nreports: ./r\nddoe:\n  issuers: [x]\n"
        let web = try ConfigurationLoader.parse(base + """
            web:
              listen: "0.0.0.0:9090"
              base_url: "https://hours.redclay.example"
              session_hours: 4
            """, file: "/etc/relicensure/relicensure.yaml").web
        #expect(web.listen == "0.0.0.0:9090" && web.sessionHours == 4 && web.servesHTTPS)
        let defaults = try ConfigurationLoader.parse(base, file: "/x/relicensure.yaml").web
        #expect(defaults.listen == "127.0.0.1:8080" && defaults.sessionHours == 8 && !defaults.servesHTTPS)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse(base + "web:\n  listen: nowhere\n", file: "relicensure.yaml")
        }
        do {
            _ = try ConfigurationLoader.parse(base + "web:\n  sesion_hours: 4\n", file: "relicensure.yaml")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description.hasPrefix("relicensure.yaml:6:"))
        }
    }
}
