/// Reads OB 2.0 RevocationLists (`revokedAssertions`) and the 1EdTech revocation lists OB 3.0
/// credentials name in `credentialStatus` (`revokedCredentials`, or `revokedCredential` as some
/// issuers spell it): entries as strings,
/// `{id, revocationReason}` or legacy `{uid}`.
enum RevocationListReader {
    static func read(_ object: JSONObject) -> RevocationList {
        var entries: [RevokedEntry] = []
        var unreadable = 0
        let lists = ["revokedAssertions", "revokedCredentials", "revokedCredential"]
        for entry in lists.flatMap({ object[$0]?.asList ?? [] }) {
            switch entry {
            case .string(let id) where !id.isEmpty:
                entries.append(RevokedEntry(id: id, reason: nil))
            case .object(let item):
                let reason = Field.string(item["revocationReason"])
                if let id = Field.string(item["id"]) {
                    entries.append(RevokedEntry(id: id, reason: reason))
                } else if let uid = Field.string(item["uid"]) {
                    entries.append(RevokedEntry(id: uid, reason: reason, isLegacyUID: true))
                } else {
                    unreadable += 1
                }
            default:
                unreadable += 1
            }
        }
        return RevocationList(id: Field.id(object["id"]), issuerID: Field.id(object["issuer"]),
                              revoked: entries, unreadableEntries: unreadable)
    }
}
