public import OpenBadges
import Postgres

extension Store {
    /// Uploads that a fetch of their hosted assertion could prove: held from uploads, readable,
    /// not verified, not final, with at least one copy that is not signed (SPEC §4.4 "Hosted").
    /// Each with what its unsigned copy claims, to decide its scope before any request.
    public func hostedAwardsToVerify() throws -> [HostedCandidate] {
        try connection.query("""
            SELECT DISTINCT ON (a.award_id) a.award_id, c.issuer_id, c.badge_id, c.source_path
            FROM awards a JOIN upload_copies c USING (award_id) LEFT JOIN award_outcomes o USING (award_id)
            WHERE a.source = 'uploads' AND a.invalid_detail IS NULL AND NOT verification_is_verified(a.verification)
              AND c.signed_token IS NULL
              AND (o.outcome IS NULL OR NOT outcome_is_final(o.outcome))
            ORDER BY a.award_id, c.source_path
            """).map { row in
            HostedCandidate(awardID: try row.string("award_id"), claimedIssuerID: row["issuer_id"],
                            claimedBadgeID: row["badge_id"], uploadPath: row["source_path"])
        }
    }

    /// `verified-hosted` awards, not revoked, last confirmed by their issuer's host before `day`
    /// (or never): they are fetched again so that a later revocation is seen. Their issuer is
    /// the one the verdict trusted, so the claim is the trusted one.
    public func hostedAwardsConfirmedBefore(_ day: CalendarDate) throws -> [HostedCandidate] {
        try connection.query("""
            SELECT award_id, issuer_id FROM awards
            WHERE verification = 'verified-hosted' AND NOT revoked  -- VerificationOutcome.verifiedHosted, written
                                                                   -- out so that the awards_hosted index serves
              AND (verified_on IS NULL OR verified_on < \(day.description)::date)
            ORDER BY award_id
            """).map { row in
            HostedCandidate(awardID: try row.string("award_id"), claimedIssuerID: row["issuer_id"], claimedBadgeID: nil,
                            uploadPath: nil)
        }
    }

    /// Records what fetching hosted awards again found: `confirmed` ones stand as of `day`;
    /// `revoked` ones (award id → reason) are revoked by their issuer's host, so that a credit
    /// standing for them is reversed tonight (SPEC §5 step 3).
    public func recordHostedChecks(confirmed: [String], revoked: [String: String], on day: CalendarDate) throws {
        for awardID in confirmed {
            try connection.query("UPDATE awards SET verified_on = \(day.description)::date WHERE award_id = \(awardID)")
        }
        for (awardID, reason) in revoked.sorted(by: { $0.key < $1.key }) {
            try connection.query("""
                UPDATE awards SET revoked = true, revocation_reason = coalesce(revocation_reason, \(reason)),
                                  verified_on = \(day.description)::date
                WHERE award_id = \(awardID)
                """)
        }
    }

    /// Keeps copies of awards fetched from their issuers' hosts beside the uploaded ones, so
    /// that a verdict can make one the award's row (`UploadVerdict.promotedCopy`).
    public func keep(hostedCopies: [IncomingAward], runID: Int64, seenOn: CalendarDate) throws {
        guard !hostedCopies.isEmpty else { return }
        // The same bytes fetched again on another night replace the copy kept before.
        for copy in hostedCopies {
            try connection.query("DELETE FROM upload_copies WHERE award_id = \(copy.awardID) AND source_sha256 = \(copy.sourceSHA256)")
        }
        try copy(hostedCopies, into: "upload_copies", runID: runID, seenOn: seenOn)
    }
}
