import Postgres

/// The web door's accounts, sessions, tokens and failed logins (SPEC §8, `sql/008_web_accounts.sql`).
extension Store {
    private static let accountColumns = "a.login, a.role, a.district_code, a.school_code, a.can_approve, a.disabled_at IS NOT NULL AS disabled"

    /// Adds an account; `false` when the login is taken.
    public func addWebAccount(_ account: WebAccount, passwordHash: String) throws -> Bool {
        do {
            try connection.query("""
                INSERT INTO web_accounts (login, role, district_code, school_code, can_approve, password_hash)
                VALUES (\(account.login), \(account.role.rawValue), \(account.districtCode), \(account.schoolCode),
                        \(account.canApprove), \(passwordHash))
                """)
            return true
        } catch let error as PostgresError where error.isUniqueViolation {
            return false
        }
    }

    /// Every account, by login.
    public func webAccounts() throws -> [WebAccount] {
        try connection.query("SELECT \(unescaped: Self.accountColumns) FROM web_accounts a ORDER BY a.login")
            .map(Self.webAccount)
    }

    /// An enabled account and its password hash, for a login.
    public func webAccountForLogin(_ login: String) throws -> (account: WebAccount, passwordHash: String)? {
        let rows = try connection.query("""
            SELECT \(unescaped: Self.accountColumns), a.password_hash FROM web_accounts a
            WHERE a.login = \(login) AND a.disabled_at IS NULL
            """)
        guard let row = rows.first else { return nil }
        return (try Self.webAccount(row), try row.string("password_hash"))
    }

    /// Disables an account and ends its sessions and tokens; `false` when there is no such login.
    public func disableWebAccount(_ login: String) throws -> Bool {
        try transaction {
            let updated = try connection.query("""
                UPDATE web_accounts SET disabled_at = coalesce(disabled_at, now()) WHERE login = \(login) RETURNING login
                """)
            try connection.query("DELETE FROM web_sessions WHERE login = \(login)")
            try connection.query("DELETE FROM web_tokens WHERE login = \(login)")
            return updated.count == 1
        }
    }

    /// Sets a new password hash and ends the account's sessions; `false` when there is no such login.
    public func setWebPasswordHash(_ login: String, _ hash: String) throws -> Bool {
        try transaction {
            let updated = try connection.query("""
                UPDATE web_accounts SET password_hash = \(hash) WHERE login = \(login) RETURNING login
                """)
            try connection.query("DELETE FROM web_sessions WHERE login = \(login)")
            return updated.count == 1
        }
    }

    /// Records a bearer token (by its SHA-256) for an enabled account; `false` when there is none.
    public func addWebToken(login: String, tokenSHA256: String) throws -> Bool {
        let inserted = try connection.query("""
            INSERT INTO web_tokens (token_sha256, login)
            SELECT \(tokenSHA256), login FROM web_accounts WHERE login = \(login) AND disabled_at IS NULL
            RETURNING login
            """)
        return inserted.count == 1
    }

    /// The enabled account a bearer token (by its SHA-256) belongs to.
    public func webAccount(tokenSHA256: String) throws -> WebAccount? {
        try connection.query("""
            SELECT \(unescaped: Self.accountColumns) FROM web_tokens t JOIN web_accounts a USING (login)
            WHERE t.token_sha256 = \(tokenSHA256) AND a.disabled_at IS NULL
            """).first.map(Self.webAccount)
    }

    /// Starts a session (by the SHA-256 of its cookie) with its CSRF token.
    public func startWebSession(login: String, sessionSHA256: String, csrfToken: String) throws {
        try connection.query("""
            INSERT INTO web_sessions (session_sha256, login, csrf_token) VALUES (\(sessionSHA256), \(login), \(csrfToken))
            """)
    }

    /// The enabled account and CSRF token of a session started less than `hours` ago.
    public func webSession(sessionSHA256: String, hours: Int) throws -> (account: WebAccount, csrfToken: String)? {
        let rows = try connection.query("""
            SELECT \(unescaped: Self.accountColumns), s.csrf_token FROM web_sessions s JOIN web_accounts a USING (login)
            WHERE s.session_sha256 = \(sessionSHA256) AND a.disabled_at IS NULL
              AND s.created_at > now() - make_interval(hours => \(hours))
            """)
        guard let row = rows.first else { return nil }
        return (try Self.webAccount(row), try row.string("csrf_token"))
    }

    /// Ends a session (logout).
    public func endWebSession(sessionSHA256: String) throws {
        try connection.query("DELETE FROM web_sessions WHERE session_sha256 = \(sessionSHA256)")
    }

    /// Failed logins for an account from an address in the last `minutes`.
    public func recentLoginFailures(login: String, address: String, minutes: Int) throws -> Int {
        let rows = try connection.query("""
            SELECT count(*) AS failures FROM web_login_failures
            WHERE login = \(login) AND address = \(address) AND failed_at > now() - make_interval(mins => \(minutes))
            """)
        return try rows.first?.int("failures") ?? 0
    }

    public func recordLoginFailure(login: String, address: String) throws {
        try connection.query("INSERT INTO web_login_failures (login, address) VALUES (\(login), \(address))")
    }

    /// Forgets an address's failed logins for an account once it logs in.
    public func clearLoginFailures(login: String, address: String) throws {
        try connection.query("DELETE FROM web_login_failures WHERE login = \(login) AND address = \(address)")
    }

    private static func webAccount(_ row: PostgresRow) throws -> WebAccount {
        guard let role = WebAccount.Role(rawValue: try row.string("role")) else {
            throw StoreError("web account has an unknown role")
        }
        return WebAccount(login: try row.string("login"), role: role, districtCode: row["district_code"],
                          schoolCode: row["school_code"], canApprove: try row.bool("can_approve"),
                          isDisabled: try row.bool("disabled"))
    }
}
