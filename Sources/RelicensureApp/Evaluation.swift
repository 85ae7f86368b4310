import OpenBadges
import Relicensure
import RelicensureStore

/// Feeds the pure crediting engine from the ledger in two streaming passes, so memory follows
/// one batch and one educator, never the number of awards:
///
/// 1. every waiting award is read through a cursor, its references resolved against the
///    catalog and its recipient matched (SPEC §5 steps 1–2); decided ones are staged, matched
///    ones set aside by educator;
/// 2. each educator with matched awards or a credit to reverse is credited (steps 3–9) beside
///    their standing credits, and the postings are staged as they come.
struct Evaluation {
    /// Tallies for the summary and the run record.
    struct Tally {
        var evaluated = 0
        var outcomes: [String: Int] = [:]
        var postings = PostingTally()
    }

    static func run(store: Store, session: Session, runID: Int64, scope: EvaluationScope, pause: PausePoints,
                    batchSize: Int = 20_000) throws -> Tally {
        let asOf = session.asOf
        let rules = session.configuration.rules
        var clock = PhaseClock(logger: session.logger)
        try store.holdCreditingInputs()
        let catalog = try store.catalogIndex()
        let roster = try store.roster()
        var directory = RecipientDirectory(roster)
        let approvalDecisions = try store.approvalDecisions()
        let approvals = ApprovalBook(approvalDecisions)
        let rosterChanges = RosterChanges(roster: roster, previous: try store.evaluatedEducators())
        var tally = Tally()
        try store.beginEvaluation()
        // OB 3.0 status lists are read in Swift; the awards they revoke join the trusted
        // revocations SQL already knows for tonight.
        try store.stage(statusRevoked: StatusListRevocation.revokedAwardIDs(store: store, logger: session.logger))
        var round: Int?
        if let basis = scope.basis {
            try chooseChangedAwards(since: basis, store: store, session: session, decisions: approvalDecisions,
                                    roster: rosterChanges, educators: roster)
            round = 1
        }
        clock.lap("evaluation inputs loaded")

        // Pass 1: read, resolve, match.
        func match(round: Int?) throws {
            try store.forEachAwardToEvaluate(round: round, batchSize: batchSize) { batch in
                var decisions: [Decision] = []
                var matched: [MatchedAward] = []
                var resolved: [String: AwardFacts] = [:]
                for award in batch {
                    let facts = resolve(award, catalog: catalog)
                    if facts.badgeName != award.badgeName || facts.issuerID != award.issuerID
                        || facts.issuerName != award.issuerName {
                        resolved[award.awardID] = facts
                    }
                    switch CreditingEngine.match(facts, in: &directory) {
                    case .decided(let decision): decisions.append(decision)
                    case .matched(let educator): matched.append(MatchedAward(facts: facts, educatorID: educator.id))
                    }
                }
                tally.evaluated += batch.count
                try store.stage(matched: matched)
                try record(decisions, resolved: resolved, store: store, tally: &tally)
            }
        }
        try match(round: round)
        clock.lap("awards matched")
        pause.reach(.evaluated)
        // Pass 2: each educator's night, reversals first.
        try store.collectTonightsEducators(asOf: asOf)
        if var next = round.map({ $0 + 1 }) {
            // An educator evaluated tonight has every waiting award evaluated with the new ones,
            // in award-date order, as a full evaluation would: the room under a cap is theirs.
            while try store.chooseWaitingAwardsOfTonightsEducators(round: next) > 0 {
                try match(round: next)
                next += 1
            }
        }
        clock.lap("educators collected")
        let byID = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var decisions: [Decision] = []
        var postings: [Posting] = []
        func flush() throws {
            try record(decisions, resolved: [:], store: store, tally: &tally)
            try store.post(postings, runID: runID, postedOn: asOf, configChecksum: session.configChecksum)
            tally.postings.record(postings)
            decisions.removeAll(keepingCapacity: true)
            postings.removeAll(keepingCapacity: true)
        }
        try store.forEachEducatorNight(roster: byID, batchSize: batchSize) { night in
            let result = CreditingEngine.credit(night, rules: rules, approvals: approvals, asOf: asOf)
            decisions += result.decisions
            postings += result.postings
            if decisions.count >= batchSize { try flush() }
        }
        try flush()
        clock.lap("educators credited")
        pause.reach(.ledgerPosted)
        try store.finishEvaluation(runID: runID, on: asOf)
        try store.recordEvaluationBasis(runID: runID, asOf: asOf, rulesKey: EvaluationScope.rulesKey(session),
                                        approvalsThrough: approvalDecisions.map(\.id).max() ?? 0,
                                        changed: rosterChanges.changed, removed: rosterChanges.removed)
        clock.lap("outcomes recorded")
        pause.reach(.outcomesRecorded)
        return tally
    }

    /// Chooses the awards whose inputs changed since `basis`: see `Store.chooseChangedAwards`.
    /// An educator's waiting awards are evaluated again when their roster row or addresses
    /// changed, an approval for them was imported or came into force, or a correction was posted.
    /// Awards naming a changed address are found by hashing the address with every stored salt,
    /// unless that would take more than `hashBudget` hashes (salts per assertion): then every
    /// award that matched no one is evaluated again, with the educators sharing such an address.
    private static func chooseChangedAwards(since basis: EvaluationBasis, store: Store, session: Session,
                                            decisions: [ApprovalDecision], roster: RosterChanges,
                                            educators rosterNow: [Educator]) throws {
        let asOf = session.asOf
        var educators = Array(roster.changed.keys) + roster.removed
        educators += decisions.filter { decision in
            decision.id > basis.approvalsThrough || (basis.asOf < decision.decidedOn && decision.decidedOn <= asOf)
        }.map(\.educatorID)
        educators += try store.educatorsPosted(after: basis.ledgerThrough)
        var changes = EvaluationChanges(asOf: asOf, educatorIDs: educators)
        if !roster.addresses.isEmpty {
            let salts = try store.recipientSalts()
            let forms = roster.addresses.reduce(0) { $0 + RecipientIdentity.candidates(for: $1).count }
            if salts.count * forms <= hashBudget(session.environment) {
                let identities = RosterChanges.identities(of: roster.addresses, salts: salts)
                changes.plainIdentities = identities.plain
                changes.hashedIdentities = identities.hashed
            } else {
                changes.everyUnmatched = true
                changes.educatorIDs += RosterChanges.sharing(roster.addresses, in: rosterNow)
            }
        }
        try store.chooseChangedAwards(changes)
    }

    /// Hashes of changed addresses worth computing before evaluating every unmatched award
    /// instead: 2,000,000 (about half a second), or `RELICENSURE_ADDRESS_HASH_BUDGET`.
    static func hashBudget(_ environment: [String: String]) -> Int {
        environment["RELICENSURE_ADDRESS_HASH_BUDGET"].flatMap { Int($0) } ?? 2_000_000
    }

    private static func record(_ decisions: [Decision], resolved: [String: AwardFacts], store: Store,
                               tally: inout Tally) throws {
        try store.stage(decisions: decisions, resolved: resolved)
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
