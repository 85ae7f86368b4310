/// One revoked award: from a string entry, `{id, revocationReason}`, or legacy `{uid, revocationReason}`.
public struct RevokedEntry: Sendable, Hashable {
    /// The assertion id, or for a legacy entry the OB 1.0 `uid` (see `isLegacyUID`).
    public var id: String
    public var reason: String?
    /// True when `id` is an OB 1.0 `uid` (compare it with `Assertion.legacyUID`, not `awardID`).
    public var isLegacyUID: Bool

    public init(id: String, reason: String?, isLegacyUID: Bool = false) {
        self.id = id
        self.reason = reason
        self.isLegacyUID = isLegacyUID
    }
}
