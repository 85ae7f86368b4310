/// What the trusted sources say is revoked, and whether that revokes a given award (SPEC §5
/// step 3, "Revoked (by the assertion, a revocation list or a status list)"; what revokes, §4.3;
/// that only trusted sources do, §4.4).
///
/// Only SQL needs this rule: the night asks `award_is_revoked` (sql/015_revocation.sql), and
/// the engine is told which awards are revoked. So the rule is written once, there; this is
/// its statement in Swift from the SPEC, kept beside the tests as the oracle the RuleTwin holds
/// the SQL against case by case, not a second copy for production to drift from.
struct TrustedRevocations: Sendable {
    /// One award named by a trusted revocation: an OB 2.0 revocation-only document
    /// `{id, revoked: true}` from the inbox (`listID` empty, no issuer), or an entry of a
    /// RevocationList from the inbox, which may name the award by id or by legacy OB 1.0 `uid`.
    struct Entry: Sendable, Hashable {
        /// The award id or `uid` the entry names.
        var awardID: String
        /// The RevocationList's id; empty for a revocation-only document.
        var listID: String
        /// The issuer the list's own `issuer` field names, if any.
        var issuerID: String?

        init(awardID: String, listID: String, issuerID: String?) {
            self.awardID = awardID
            self.listID = listID
            self.issuerID = issuerID
        }
    }

    /// The entries by the id or `uid` they name.
    let entriesByNamedID: [String: [Entry]]
    /// For each issuer, the `revocationList` ids its trusted profiles (inbox or fetched) name.
    let revocationLists: [String: Set<String>]
    /// The awards tonight's trusted status lists revoke.
    let statusRevoked: Set<String>

    /// `revocationLists` must hold only issuer profiles that are not from uploads: an upload
    /// vouches for nothing, so a list it names revokes nothing.
    init(entries: [Entry], revocationLists: [String: Set<String>], statusRevoked: Set<String>) {
        entriesByNamedID = Dictionary(grouping: entries, by: \.awardID)
        self.revocationLists = revocationLists
        self.statusRevoked = statusRevoked
    }

    /// Whether the award `awardID` is revoked: it says so itself (`flagged`), a status list
    /// revokes it, or an entry naming its id or `uid` speaks for it. `ownerID` is the award's
    /// issuer as `AwardOwner.issuerID` finds it.
    func isRevoked(awardID: String, uid: String?, flagged: Bool, ownerID: String?) -> Bool {
        if flagged || statusRevoked.contains(awardID) { return true }
        let named = [awardID, uid].compactMap { $0 }
        return named.contains { id in
            entriesByNamedID[id, default: []].contains { speaks($0, for: awardID, ownerID: ownerID) }
        }
    }

    /// Whether `entry`, which names the award, speaks for it. A revocation-only document names
    /// no list and no issuer, so it counts only for the exact id it carries (a `uid` is an
    /// issuer's own numbering, meaningful only inside that issuer's list). A list entry counts
    /// when the list is the award's own issuer's: by the list's `issuer`, or by a trusted
    /// profile of that issuer naming the list.
    func speaks(_ entry: Entry, for awardID: String, ownerID: String?) -> Bool {
        if entry.listID.isEmpty && entry.awardID == awardID { return true }
        guard let ownerID else { return false }
        return entry.issuerID == ownerID || revocationLists[ownerID, default: []].contains(entry.listID)
    }
}
