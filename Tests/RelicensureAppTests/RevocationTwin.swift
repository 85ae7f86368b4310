import Postgres
import Relicensure
import RelicensureStore
import Testing

/// `TrustedRevocations.isRevoked` and `award_is_revoked(text, text, boolean, text, boolean)`:
/// every award below asked with its own flag set and not, and as an award of its own issuer,
/// of another and of none. Between them they reach each branch: the flag; a status list; a
/// revocation-only document naming the award's id (it counts for anyone), its `uid` (it must
/// not), or another award's id the award carries as its `uid`; a list whose `issuer` is the
/// award's issuer, naming it by id or `uid`; a list the issuer's inbox or fetched profile names
/// (counts) or only an uploaded one (never); another issuer's list; an award naming itself by `uid`.
extension RuleTwin {
    static let ownIssuer = "https://own.example/issuer"
    static let otherIssuer = "https://other.example/issuer"

    /// Issuer profiles as (issuer, source, the `revocationList` they name).
    static let revocationProfiles: [(issuer: String, source: String, list: String)] = [
        (ownIssuer, "inbox", "https://own.example/lists/inbox"),
        (ownIssuer, "fetched", "https://own.example/lists/fetched"),
        (ownIssuer, "uploads", "https://own.example/lists/forged"),
        (otherIssuer, "inbox", "https://other.example/lists/inbox"),
    ]

    /// The trusted revocations: revocation-only documents (no list) and list entries.
    static let revocationEntries: [TrustedRevocations.Entry] = [
        .init(awardID: "a-notice", listID: "", issuerID: nil),
        .init(awardID: "uid-notice", listID: "", issuerID: nil),
        .init(awardID: "a-self", listID: "", issuerID: nil),
        .init(awardID: "a-by-list-issuer", listID: "https://lists.example/own", issuerID: ownIssuer),
        .init(awardID: "uid-listed", listID: "https://lists.example/own", issuerID: ownIssuer),
        .init(awardID: "a-inbox-profile", listID: "https://own.example/lists/inbox", issuerID: nil),
        .init(awardID: "uid-profile-listed", listID: "https://own.example/lists/inbox", issuerID: nil),
        .init(awardID: "a-fetched-profile", listID: "https://own.example/lists/fetched", issuerID: nil),
        .init(awardID: "a-uploads-profile", listID: "https://own.example/lists/forged", issuerID: nil),
        .init(awardID: "a-other-issuer", listID: "https://lists.example/other", issuerID: otherIssuer),
    ]

    /// Awards as (id, the `uid` their document carries); `a-status` is on tonight's status lists.
    static let revocationAwards: [(id: String, uid: String?)] = [
        ("a-plain", nil), ("a-status", nil), ("a-notice", nil), ("a-uid-notice", "uid-notice"),
        ("a-borrowed", "a-notice"), ("a-self", "a-self"), ("a-by-list-issuer", nil),
        ("a-uid-by-list-issuer", "uid-listed"), ("a-inbox-profile", nil), ("a-uid-profile", "uid-profile-listed"),
        ("a-fetched-profile", nil), ("a-uploads-profile", nil), ("a-other-issuer", nil),
    ]

    static let statusRevoked: Set<String> = ["a-status"]

    /// The Swift rule's inputs. Only profiles not from uploads name lists that count: the
    /// caller's to choose, as the function's `c.source <> 'uploads'` chooses.
    static let trustedRevocations = TrustedRevocations(
        entries: revocationEntries,
        revocationLists: Dictionary(grouping: revocationProfiles.filter { $0.source != "uploads" }, by: \.issuer)
            .mapValues { Set($0.map(\.list)) },
        statusRevoked: statusRevoked)

    static let awardIsRevoked = RuleTwin(name: "award_is_revoked", prepare: { store in
        for profile in revocationProfiles {
            try store.connection.query("""
                INSERT INTO catalog_documents (kind, document_id, source, name, document)
                VALUES ('issuer', \(profile.issuer), \(profile.source), 'An issuer',
                        jsonb_build_object('revocationList', \(profile.list)::text))
                """)
        }
        for entry in revocationEntries {
            try store.connection.query("""
                INSERT INTO revocations (award_id, list_id, issuer_id)
                VALUES (\(entry.awardID), \(entry.listID), \(entry.issuerID))
                """)
        }
    }, answers: { store in
        let statusIDs = statusRevoked.sorted()
        return try revocationAwards.flatMap { award in
            try [ownIssuer, otherIssuer, nil].flatMap { (owner: String?) in
                try [false, true].map { flagged in
                    let sql = try store.connection.query("""
                        SELECT award_is_revoked(\(award.id), \(award.uid), \(flagged)::boolean, \(owner),
                                                \(award.id) = ANY(\(statusIDs)::text[])) AS revoked
                        """).first?["revoked"]
                    let swift = trustedRevocations.isRevoked(awardID: award.id, uid: award.uid, flagged: flagged, ownerID: owner)
                    return ("\(award.id) (uid \(award.uid ?? "nil")) of \(owner ?? "nil")\(flagged ? ", flagged" : "")",
                            sql, swift ? "t" : "f")
                }
            }
        }
    })
}

/// The twin test holds the two rules to each other; this holds them to SPEC §4.3–§4.4 on the
/// same inputs, so that both drifting together would still be seen.
@Suite("What revokes an award")
struct TrustedRevocationsTests {
    @Test("Of an award of its own issuer, unflagged, exactly the ones a trusted source names are revoked")
    func revokedOfOwnIssuer() {
        let revocations = RuleTwin.trustedRevocations
        let revoked = RuleTwin.revocationAwards.filter {
            revocations.isRevoked(awardID: $0.id, uid: $0.uid, flagged: false, ownerID: RuleTwin.ownIssuer)
        }.map(\.id)
        #expect(revoked == ["a-status", "a-notice", "a-self", "a-by-list-issuer", "a-uid-by-list-issuer",
                            "a-inbox-profile", "a-uid-profile", "a-fetched-profile"])
        #expect(RuleTwin.revocationAwards.allSatisfy {
            revocations.isRevoked(awardID: $0.id, uid: $0.uid, flagged: true, ownerID: nil)
        })
        #expect(revocations.isRevoked(awardID: "a-other-issuer", uid: nil, flagged: false, ownerID: RuleTwin.otherIssuer))
        #expect(!revocations.isRevoked(awardID: "a-by-list-issuer", uid: nil, flagged: false, ownerID: nil))
    }
}
