/// An OB 2.0 RevocationList: the awards of one issuer that the issuer has revoked.
public struct RevocationList: Sendable {
    public var id: String?
    /// The list's own `issuer` field, when it has one.
    public var issuerID: String?
    public var revoked: [RevokedEntry]
    /// How many entries were neither a string nor an object with `id` or `uid` (they revoke nothing).
    public var unreadableEntries: Int

    public init(id: String?, issuerID: String?, revoked: [RevokedEntry], unreadableEntries: Int = 0) {
        self.id = id
        self.issuerID = issuerID
        self.revoked = revoked
        self.unreadableEntries = unreadableEntries
    }
}
