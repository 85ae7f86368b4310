import OpenBadges
import Relicensure
import RelicensureStore

/// Feeds the pure crediting engine from the ledger: the awards still waiting, their catalog
/// references resolved, the roster, the approvals and the standing credits.
struct Evaluation {
    let facts: [String: AwardFacts]
    let result: CreditingResult

    static func run(store: Store, session: Session) throws -> Evaluation {
        let catalog = try store.catalogIndex()
        var facts: [String: AwardFacts] = [:]
        for award in try store.awardsToEvaluate() {
            facts[award.awardID] = resolve(award, catalog: catalog)
        }
        let input = CreditingInput(asOf: session.asOf, rules: session.configuration.rules, roster: try store.roster(),
                                   approvals: ApprovalBook(try store.approvalDecisions()),
                                   standing: try store.standingCredits(),
                                   revokedAwardIDs: try store.revokedAwardIDs()
                                       .union(StatusListRevocation.revokedAwardIDs(store: store, logger: session.logger)),
                                   awards: Array(facts.values))
        return Evaluation(facts: facts, result: CreditingEngine.evaluate(input))
    }

    /// SPEC §5 step 1: unreadable, unresolved, unverified — or ready, with names found.
    static func resolve(_ award: StoredAward, catalog: CatalogIndex) -> AwardFacts {
        var facts = AwardFacts(awardID: award.awardID, badgeID: award.badgeID, badgeName: award.badgeName,
                               issuerID: award.issuerID, issuerName: award.issuerName, awardDate: award.awardDate,
                               recipient: award.recipient, isRevoked: award.revoked)
        if let detail = award.invalidDetail {
            facts.readiness = .invalid(detail: detail)
            return facts
        }
        if award.verification == BadgeIngest.hostedReference {
            facts.readiness = .unresolved(reference: "assertion:\(award.awardID)")
            return facts
        }
        guard let badgeID = award.badgeID else {
            facts.readiness = .invalid(detail: "missing_field:badge")
            return facts
        }
        let badgeClass = catalog.badgeClasses[badgeID]
        if facts.badgeName == nil || facts.issuerID == nil {
            guard let badgeClass else {
                facts.readiness = .unresolved(reference: "badge_class:\(badgeID)")
                return facts
            }
            facts.badgeName = facts.badgeName ?? badgeClass.name
            facts.issuerID = facts.issuerID ?? badgeClass.issuerID
        }
        guard let issuerID = facts.issuerID else {
            facts.readiness = .invalid(detail: "missing_field:issuer")
            return facts
        }
        if facts.issuerName == nil {
            guard let name = catalog.issuers[issuerID] else {
                facts.readiness = .unresolved(reference: "issuer:\(issuerID)")
                return facts
            }
            facts.issuerName = name ?? issuerID
        }
        if award.verification.hasPrefix("unverified") {
            let reason = award.verification.dropFirst("unverified".count).drop { $0 == ":" || $0 == " " }
            facts.readiness = .unverified(reason: String(reason))
        } else if award.awardDate == nil {
            facts.readiness = .invalid(detail: "bad_date")
        }
        return facts
    }
}
