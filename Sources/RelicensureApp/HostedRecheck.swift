import Logging
import OpenBadges
import RelicensureStore

/// `verified-hosted` awards checked again against their issuer's host (README "Verification"):
/// one the host now revokes — 410 Gone, a revocation-only document, `revoked: true` — is
/// revoked, and a credit standing for it is reversed tonight through the usual path (SPEC §5
/// step 3); one the host still serves stands as of tonight. A fetch that fails changes nothing:
/// an unreachable host is not a revocation, and the award is tried again after a back-off.
enum HostedRecheck {
    /// Returns the awards whose host did not confirm them tonight (award id → why), which wait
    /// out a back-off before they are fetched again.
    @discardableResult
    static func apply(_ fetches: HostedFetches, store: Store, session: Session) throws -> [String: String] {
        guard !fetches.rechecked.isEmpty else { return [:] }
        var unconfirmed: [String: String] = [:]
        var confirmed: [String] = []
        var revoked: [String: String] = [:]
        for awardID in fetches.rechecked {
            guard let result = fetches.results[awardID] else { continue }
            switch HostedVerification.statement(of: result, awardID: awardID) {
            case .assertion(let assertion, _, _) where assertion.revoked:
                revoked[awardID] = assertion.revocationReason ?? "its issuer's host now marks it revoked"
            case .assertion:
                confirmed.append(awardID)
            case .revoked(let reason):
                revoked[awardID] = reason
            case .unusable(let reason):
                unconfirmed[awardID] = reason
                session.logger.warning("hosted award not confirmed tonight; tried again after a back-off",
                                       metadata: ["award": "\(awardID)", "reason": "\(reason)"])
            }
        }
        try store.recordHostedChecks(confirmed: confirmed, revoked: revoked, on: session.asOf)
        session.logger.info("hosted awards checked again", metadata: ["confirmed": "\(confirmed.count)", "revoked": "\(revoked.count)"])
        return unconfirmed
    }
}
