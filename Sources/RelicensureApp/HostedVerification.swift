import BadgeFetching
import BadgeVerification
import OpenBadges

/// SPEC §4.4 "Hosted": what an award's hosted assertion, fetched from its id, proves. The
/// copy the issuer's host serves becomes the award's content (recipient, badge, dates), never
/// the uploaded one; a 410 Gone, a `{id, revoked: true}` document or `revoked: true` on the
/// served assertion revoke the award (SPEC §5 step 3).
enum HostedVerification {
    /// What the issuer's host said about one award, before any scope is checked.
    enum Statement {
        /// It serves the assertion with the award's id (`revoked` may be true on it).
        case assertion(Assertion, body: [UInt8], url: String)
        /// It says the award is revoked: 410 Gone, or a revocation-only document.
        case revoked(reason: String)
        /// Nothing usable: the fetch failed, or the document is not this award's assertion.
        case unusable(reason: String)
    }

    /// The verdict for one upload whose hosted assertion was fetched.
    enum Verdict {
        case verified(Assertion, body: [UInt8], url: String, issuerID: String)
        case revoked(issuerID: String)
        case unverified(reason: String)
    }

    /// What `result`, the fetch of `awardID`, says.
    static func statement(of result: FetchResult, awardID: String) -> Statement {
        switch result {
        case .failed(let reason):
            return .unusable(reason: "its hosted assertion could not be fetched: \(reason)")
        case .gone:
            return .revoked(reason: "the issuer's host answers 410 Gone for \(awardID)")
        case .document(let body, let url):
            switch BadgeReader.read(body, fileName: "hosted.json").items.first?.content {
            case .revocationNotice(let id)? where id == awardID:
                return .revoked(reason: "the issuer's host says \(awardID) is revoked")
            case .assertion(let assertion)? where assertion.signedToken == nil && assertion.specVersion != .v3_0:
                guard assertion.awardID == awardID else {
                    return .unusable(reason: "the document at \(awardID) is the assertion \(assertion.awardID), not this one")
                }
                return .assertion(assertion, body: body, url: url)
            default:
                return .unusable(reason: "the document at \(awardID) is not an Open Badges 2.0 hosted assertion")
            }
        }
    }

    /// The verdict for the upload `awardID`. The issuer whose scope the id must lie in is the
    /// one the served assertion names (through a trusted BadgeClass when it names its badge by
    /// id); for a revocation, which names no badge, it is `claimedIssuer`, the issuer the upload
    /// itself names. `profiles` are trusted issuer profiles by id.
    static func verdict(awardID: String, result: FetchResult, claimedIssuer: String?, badgeIssuers: [String: String],
                        profiles: [String: IssuerProfile]) -> Verdict {
        func outOfScope(_ issuerID: String) -> String? {
            HostedScope.violation(of: awardID, issuerID: issuerID, profile: profiles[issuerID])
        }
        switch statement(of: result, awardID: awardID) {
        case .unusable(let reason):
            return .unverified(reason: reason)
        case .revoked(let reason):
            guard let claimedIssuer else {
                return .unverified(reason: "\(reason), but no trusted source says whose award it is")
            }
            if let violation = outOfScope(claimedIssuer) { return .unverified(reason: violation) }
            return .revoked(issuerID: claimedIssuer)
        case .assertion(let assertion, let body, let url):
            guard let issuerID = AwardIssuer.id(of: assertion, trustedBadgeIssuers: badgeIssuers) else {
                return .unverified(reason: "no trusted source says who issued the hosted assertion (its BadgeClass is not in the inbox)")
            }
            // The URL it finally came from must be in the same issuer's scope as its id: an
            // open redirect on an allowed host must not lend that host's trust to another.
            if let violation = outOfScope(issuerID) ?? HostedScope.violation(of: url, issuerID: issuerID, profile: profiles[issuerID]) {
                return .unverified(reason: violation)
            }
            return .verified(assertion, body: body, url: url, issuerID: issuerID)
        }
    }
}
