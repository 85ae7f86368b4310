import OpenBadges
import Relicensure
import RelicensureStore

/// What the night's crediting steps (`Tonight`) share: the tallies, resolving an award against
/// the catalog, choosing what changed, and staging decisions.
struct Evaluation {
    /// Tallies for the summary and the run record.
    struct Tally {
        var evaluated = 0
        var outcomes: [String: Int] = [:]
        var postings = PostingTally()

        /// Takes back outcomes counted for decisions that were withdrawn.
        mutating func withdraw(_ withdrawn: [String]) {
            for outcome in withdrawn {
                outcomes[outcome, default: 0] -= 1
                if outcomes[outcome] == 0 { outcomes[outcome] = nil }
            }
        }
    }

    /// Awards read, decisions staged and postings written per round trip. Batches of 20,000
    /// made each result (twenty megabytes of text) fresh memory to fault in and give back;
    /// at 5,000 the allocator reuses it: the normal night on the 1M ledger took 1.67–2.02 s
    /// against 2.00–2.11 s (4 pairs), the 100k backfill 150 MB against 177 MB and no longer
    /// (docs/PERFORMANCE.md, "Issue 15, fifth part").
    static let batchSize = 5_000

    /// Chooses the awards whose inputs changed since `basis`: see `Store.chooseChangedAwards`.
    /// An educator's waiting awards are evaluated again when their roster row or addresses
    /// changed, an approval for them was imported or came into force, or a correction was posted.
    /// Awards naming a changed address are found by hashing the address with every stored salt,
    /// unless that would take more than `EnvironmentSettings.addressHashBudget` hashes (salts per
    /// assertion): then every award that matched no one is evaluated again, with the educators
    /// sharing such an address. `educators` (the whole roster) is read only then.
    ///
    /// Returns every educator chosen this way (roster row or addresses, approvals, ledger): the
    /// only ones who can hold a credit that a denial in force reverses tonight
    /// (`Store.collectTonightsEducators`). The last night reversed every credit a denial then in
    /// force reached, of every educator on the roster; decisions changed or removed in place
    /// make a night evaluate everything (`EvaluationScope`).
    static func chooseChangedAwards(since basis: EvaluationBasis, store: Store, session: Session,
                                    decisions: [ApprovalDecision], roster: RosterChanges,
                                    educators rosterNow: @autoclosure () throws -> [Educator]) throws -> [String] {
        let asOf = session.asOf
        let decided = decisions.filter { decision in
            decision.id > basis.approvalsThrough || (basis.asOf < decision.decidedOn && decision.decidedOn <= asOf)
        }.map(\.educatorID)
        var changes = EvaluationChanges(asOf: asOf, educatorIDs: Array(roster.changed.keys) + roster.removed + decided
                                            + (try store.educatorsPosted(after: basis.ledgerThrough)))
        let chosenEducators = changes.educatorIDs
        if !roster.addresses.isEmpty {
            let salts = try store.recipientSalts()
            let forms = roster.addresses.reduce(0) { $0 + RecipientIdentity.candidates(for: $1).count }
            if salts.count * forms <= session.settings.addressHashBudget {
                let identities = RosterChanges.identities(of: roster.addresses, salts: salts)
                changes.plainIdentities = identities.plain
                changes.hashedIdentities = identities.hashed
            } else {
                changes.everyUnmatched = true
                changes.educatorIDs += RosterChanges.sharing(roster.addresses, in: try rosterNow())
            }
        }
        try store.chooseChangedAwards(changes)
        return chosenEducators
    }

    /// Counts `decisions` by outcome for the summary.
    static func count(_ decisions: [Decision], into tally: inout Tally) {
        for decision in decisions { tally.outcomes[decision.outcome.rawValue, default: 0] += 1 }
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
        if award.verification == .hostedReference {
            facts.readiness = .unresolved(reference: "assertion:\(award.awardID)")
            return facts
        }
        guard let badgeID = award.badgeID else {
            facts.readiness = .invalid(detail: "missing_field:badge")
            return facts
        }
        if facts.badgeName == nil || facts.issuerID == nil {
            guard let badgeClass = catalog.badgeClasses[badgeID] else {
                facts.readiness = .unresolved(reference: "badge_class:\(badgeID)")
                return facts
            }
            facts.badgeName = facts.badgeName ?? badgeClass.name
            facts.issuerID = catalog.issuerID(named: facts.issuerID, badgeID: badgeID)
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
        if case .unverified(let reason) = award.verification {
            facts.readiness = .unverified(reason: reason)
        } else if award.awardDate == nil {
            facts.readiness = .invalid(detail: "bad_date")
        }
        return facts
    }
}
