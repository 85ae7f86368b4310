import HummingbirdBcrypt
public import RelicensureApp
public import RelicensureStore

/// `relicensure users …` (SPEC §8 "Accounts"): the web door's accounts, kept with bcrypt
/// password hashes only.
public enum WebAccounts {
    public static let minimumPasswordLength = 12
    /// bcrypt's work factor: about a quarter of a second per check on a server of today.
    static let bcryptCost: UInt8 = 12

    public static func add(session: Session, account: WebAccount, password: String) throws {
        try check(account)
        let hash = try hashed(password)
        guard try session.openStore().addWebAccount(account, passwordHash: hash) else {
            throw AppError(.usage, "An account '\(account.login)' exists already; choose another login, "
                           + "or change its password with `relicensure users password`")
        }
    }

    public static func list(session: Session) throws -> [WebAccount] {
        try session.openStore().webAccounts()
    }

    /// Disables the account and ends its sessions and tokens at once.
    public static func disable(session: Session, login: String) throws {
        guard try session.openStore().disableWebAccount(login) else { throw noSuchAccount(login) }
    }

    /// Sets a new password and ends the account's sessions.
    public static func setPassword(session: Session, login: String, password: String) throws {
        let hash = try hashed(password)
        guard try session.openStore().setWebPasswordHash(login, hash) else { throw noSuchAccount(login) }
    }

    /// A new bearer token for the JSON API; only its SHA-256 is kept, so it is shown this once.
    public static func makeToken(session: Session, login: String) throws -> String {
        let token = Secrets.random()
        guard try session.openStore().addWebToken(login: login, tokenSHA256: Secrets.digest(token)) else {
            throw AppError(.usage, "No enabled account has the login '\(login)'; `relicensure users list` shows them")
        }
        return token
    }

    static func check(_ account: WebAccount) throws {
        guard !account.login.isEmpty, account.login.count <= 100,
              account.login.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) else {
            throw AppError(.usage, "A login is 1 to 100 characters without spaces")
        }
        switch account.role {
        case .state:
            guard account.districtCode == nil, account.schoolCode == nil else {
                throw AppError(.usage, "A state account sees every district; leave out --district and --school")
            }
        case .district:
            guard account.districtCode != nil, account.schoolCode == nil else {
                throw AppError(.usage, "A district account needs --district CODE and no --school")
            }
        case .school:
            guard account.districtCode != nil, account.schoolCode != nil else {
                throw AppError(.usage, "A school account needs --district CODE and --school CODE")
            }
            guard !account.canApprove else {
                throw AppError(.usage, "A school account cannot approve badges; leave out --can-approve")
            }
        }
    }

    static func hashed(_ password: String) throws -> String {
        guard password.count >= minimumPasswordLength else {
            throw AppError(.usage, "A password needs at least \(minimumPasswordLength) characters")
        }
        return Bcrypt.hash(password, cost: bcryptCost)
    }

    private static func noSuchAccount(_ login: String) -> AppError {
        AppError(.usage, "No account has the login '\(login)'; `relicensure users list` shows them")
    }
}
