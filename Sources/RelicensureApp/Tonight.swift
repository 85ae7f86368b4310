import Foundation
import OpenBadges
import Relicensure
import RelicensureStore

/// One night's work inside its transaction, read top to bottom (SPEC §5):
///
///     read files → merge and verify → load crediting inputs → match awards →
///     collect educators → credit educators → record outcomes → record the PDMS batch
///
/// (On an incremental night, crediting is two passes with a matching round between them:
/// see `creditEducators`. The roster is read as the night begins, under the hold that keeps it
/// still until the commit, and decoded on another core while the files are read.)
///
/// Each step is a `consuming` method of `Tonight<Step>` that returns the next step, and a
/// `Tonight` cannot be copied: a step called twice, skipped or out of order does not compile.
/// That order is what the night's temporary tables need — `staged_*` exist from `readFiles`
/// until the merge empties them, `tonight_*` from `loadCreditingInputs` until the outcomes are
/// recorded — and all of them vanish with the transaction `NightlyJob` holds around the steps.
///
/// Memory follows one batch and one educator, never the number of awards: awards are matched
/// as they come through a cursor, matched ones set aside by educator in the database, and each
/// educator credited beside their standing credits as the two sorted streams meet.
struct Tonight<Step>: ~Copyable {
    fileprivate var work: NightWork

    /// The night, from its first step to the PDMS batch it recorded, if any.
    static func run(store: Store, session: Session, runID: Int64, settle: SettleWindow, pause: PausePoints,
                    hosted: HostedFetches, summary: inout NightlyJob.Summary) throws -> Int64? {
        let begun = try Tonight<Steps.Begun>(store: store, session: session, runID: runID, settle: settle,
                                             pause: pause, hosted: hosted, summary: summary)
        let recorded = try begun
            .readFiles()
            .mergeAndVerify()
            .loadCreditingInputs()
            .matchAwards()
            .collectEducators()
            .creditEducators()
            .recordOutcomes()
        let (batch, finished) = try recorded.recordPDMSBatch()
        summary = finished
        return batch
    }

    fileprivate init(_ work: NightWork) { self.work = work }

    /// Ends a step: its time logged (`--verbose`), its pause point reached (where the tests
    /// kill a night), and the work handed on to the next step.
    fileprivate consuming func finish<Next>(_ phase: String, reaching point: NightlyPhase? = nil) -> Tonight<Next> {
        work.clock.lap(phase)
        if let point { work.pause.reach(point) }
        return Tonight<Next>(work)
    }
}

/// The steps of a night, in order; they name the state a `Tonight` is in.
enum Steps {
    enum Begun {}
    enum FilesRead {}
    enum Merged {}
    enum InputsLoaded {}
    enum AwardsMatched {}
    enum EducatorsCollected {}
    enum EducatorsCredited {}
    enum OutcomesRecorded {}
}

/// What the steps share: the run, what it has read so far, and the summary it fills in.
private struct NightWork {
    let store: Store
    let session: Session
    let runID: Int64
    let settle: SettleWindow
    let pause: PausePoints
    let hosted: HostedFetches
    var summary: NightlyJob.Summary
    var clock: PhaseClock
    let scope: EvaluationScope
    /// The roster, read as the night begins (under the lock that holds it still until the
    /// commit) and decoded on another core while the files are read.
    let roster: RosterReading
    /// The roster's revision (sql/021) and the approvals' rewrite count (sql/023), read under
    /// the same lock, recorded in the basis.
    let rosterRevision: Int64
    let approvalsRewritten: Int64
    /// Items of tonight's files that were not readable badges, for the log.
    var invalidItems = 0
    var inputs: CreditingInputs?
    var tally = Evaluation.Tally()
    /// With a basis (an incremental night), the round of chosen awards matched last.
    var round: Int?
    /// With a basis, the educators whose roster row, approvals or ledger changed since it: the
    /// only ones a denial in force can owe a reversal tonight (`Store.collectTonightsEducators`);
    /// `nil` (every educator) without.
    var mayOweReversals: [String]?

    var asOf: CalendarDate { session.asOf }
}

/// What crediting reads once a night: the catalog, the roster, the approvals.
private struct CreditingInputs: Sendable {
    let catalog: CatalogIndex
    /// The roster by educator id (the first row of an id), for the crediting passes.
    let educatorsByID: [String: Educator]
    var directory: RecipientDirectory
    let approvalDecisions: [ApprovalDecision]
    let approvals: ApprovalBook
    let rosterChanges: RosterChanges
}

extension Tonight where Step == Steps.Begun {
    fileprivate init(store: Store, session: Session, runID: Int64, settle: SettleWindow, pause: PausePoints,
                     hosted: HostedFetches, summary: NightlyJob.Summary) throws {
        try store.planAsMeasured()
        // The roster and approvals are held still from here to the commit. Nothing before
        // crediting reads the roster, but reading it now lets it be decoded while the files are
        // read, not while the night waits for it (70 ms of the 1M-award normal night).
        try store.holdCreditingInputs()
        let roster = RosterReading(try store.rosterRows())
        let revision = try store.rosterRevision()
        let approvalsRewritten = try store.approvalsRewritten()
        let scope = try EvaluationScope.decide(store: store, session: session, approvalsRewritten: approvalsRewritten)
        if case .everything(let reason) = scope {
            session.logger.info("every waiting award is evaluated", metadata: ["reason": "\(reason)"])
        }
        self.init(NightWork(store: store, session: session, runID: runID, settle: settle, pause: pause, hosted: hosted,
                            summary: summary, clock: PhaseClock(logger: session.logger), scope: scope,
                            roster: roster, rosterRevision: revision, approvalsRewritten: approvalsRewritten))
    }

    /// SPEC §4: every new file of the inbox, then of the uploads, parsed and staged.
    consuming func readFiles() throws -> Tonight<Steps.FilesRead> {
        let store = work.store, config = work.session.configuration
        try store.beginStaging()
        work.pause.reach(.stagingReady)
        // The inbox skips only what the inbox delivered before: bytes first handed in through
        // uploads are read again from the inbox, where they are trusted (SPEC §4.4).
        var seen = try store.seenFileHashes(from: .inbox)
        var ingest = BadgeIngest(store: store, timeZone: config.timeZone, runID: work.runID, day: work.asOf,
                                 logger: work.session.logger, settle: work.settle)
        try ingest.ingest(folder: config.inbox, source: .inbox, seen: &seen)
        if let uploads = config.uploads {
            seen.formUnion(try store.seenFileHashes())
            try ingest.ingest(folder: uploads, source: .uploads, seen: &seen)
        }
        work.summary.filesRead = ingest.tally.filesRead
        work.summary.filesSeenBefore = ingest.tally.filesSeenBefore
        work.summary.filesNotBadges = ingest.tally.filesNotBadges
        work.summary.filesSettling = ingest.tally.filesSettling
        work.summary.unreadable = ingest.unreadable
        work.invalidItems = ingest.tally.invalidItems
        return finish("files read and staged", reaching: .filesRead)
    }
}

extension Tonight where Step == Steps.FilesRead {
    /// SPEC §4.3–4.4: staged rows become awards; hosted and uploaded ones are verified.
    consuming func mergeAndVerify() throws -> Tonight<Steps.Merged> {
        let store = work.store, session = work.session, hosted = work.hosted
        work.summary.newAwards = try store.mergeStaged(noteDeliveries: work.scope.basis != nil)
        work.clock.lap("staged rows merged")
        let unconfirmed = try HostedRecheck.apply(hosted, store: store, session: session)
        let unproven = try UploadVerification.run(store: store, session: session, runID: work.runID, hosted: hosted)
        let backoff = hosted.backoff(unsettled: unconfirmed.merging(unproven) { first, _ in first })
        try store.recordFetchBackoff(postponed: backoff.postponed, settled: backoff.settled, on: work.asOf)
        work.summary.hostedPostponed = backoff.postponed.count
        work.summary.hostedLeftOver = hosted.leftOver.count
        work.summary.hostedWaiting = hosted.waiting.count
        session.logger.info("ingest done", metadata: [
            "files": "\(work.summary.filesRead)", "seen_before": "\(work.summary.filesSeenBefore)",
            "settling": "\(work.summary.filesSettling)", "new_awards": "\(work.summary.newAwards)",
            "invalid_items": "\(work.invalidItems)"])
        return finish("uploads and hosted awards verified", reaching: .merged)
    }
}

extension Tonight where Step == Steps.Merged {
    /// The catalog, the approvals and the roster read as the night began; tonight's tables;
    /// and, on an incremental night, the awards whose inputs changed
    /// (`Evaluation.chooseChangedAwards`).
    consuming func loadCreditingInputs() throws -> Tonight<Steps.InputsLoaded> {
        let store = work.store, session = work.session
        let rosterReading = work.roster, revision = work.rosterRevision
        let approvalDecisions = try store.approvalDecisions()
        let catalog = try store.catalogIndex()
        try store.beginEvaluation()
        // OB 3.0 status lists are read in Swift; the awards they revoke join the trusted
        // revocations SQL already knows for tonight.
        try store.stage(statusRevoked: StatusListRevocation.revokedAwardIDs(store: store, logger: session.logger))
        // A roster at the revision the basis night read is the roster it read: no educator
        // needs comparing, no address changed, and tonight's awards are chosen while the roster
        // is still being decoded. Without a basis to trust (first night, rules changed), every
        // educator is compared.
        let basis = work.scope.basis
        let rosterChanges = try basis?.rosterRevision == revision ? RosterChanges()
            : RosterChanges(roster: rosterReading.read().roster, previousFingerprints: try store.evaluatedFingerprints(),
                            previous: store.evaluatedEducators(ids:))
        if let basis {
            work.mayOweReversals = try Evaluation.chooseChangedAwards(
                since: basis, store: store, session: session, decisions: approvalDecisions, roster: rosterChanges,
                educators: try rosterReading.read().roster)
            work.round = 1
        }
        let read = try rosterReading.read()
        let inputs = CreditingInputs(catalog: catalog, educatorsByID: read.educatorsByID,
                                     directory: read.directory, approvalDecisions: approvalDecisions,
                                     approvals: ApprovalBook(approvalDecisions), rosterChanges: rosterChanges)
        work.inputs = inputs
        return finish("evaluation inputs loaded")
    }
}

extension Tonight where Step == Steps.InputsLoaded {
    /// SPEC §5 steps 1–2 for every waiting award (or, incrementally, every chosen one):
    /// resolved against the catalog and matched to an educator; decided ones recorded.
    consuming func matchAwards() throws -> Tonight<Steps.AwardsMatched> {
        try work.matchChosenAwards()
        return finish("awards matched", reaching: .evaluated)
    }
}

extension Tonight where Step == Steps.AwardsMatched {
    /// The educators whose night is evaluated: matched tonight, or holding a credit to reverse.
    consuming func collectEducators() throws -> Tonight<Steps.EducatorsCollected> {
        try work.store.collectTonightsEducators(asOf: work.asOf, deniedAmong: work.mayOweReversals)
        return finish("educators collected")
    }
}

extension Tonight where Step == Steps.EducatorsCollected {
    /// SPEC §5 steps 3–9 and the reversals, one educator at a time, postings staged as they come.
    ///
    /// Incrementally, a waiting award whose own inputs changed is among tonight's chosen awards
    /// already (`Evaluation.chooseChangedAwards`); the others that read standing credits
    /// (`Outcome.readsStandingCredits`) change only when the educator's standing credits do.
    /// So each educator is first credited with tonight's chosen awards alone: one whose night
    /// posts nothing is settled, its decisions are those a full evaluation makes (its waiting
    /// awards, evaluated against the same credits, would decide as they did and take no room).
    /// The others — a credit gained or reversed — have those waiting awards matched too, and
    /// are credited again with them, in award-date order, as a full evaluation would.
    consuming func creditEducators() throws -> Tonight<Steps.EducatorsCredited> {
        if var next = work.round.map({ $0 + 1 }) {
            try work.creditEducators(.settlingUnchanged)
            work.clock.lap("educators settled")
            while try work.store.chooseWaitingAwardsOfTonightsEducators(round: next) > 0 {
                work.round = next
                try work.matchChosenAwards()
                work.tally.withdraw(try work.store.reopenSettledEducators(matchedIn: next))
                next += 1
            }
            work.clock.lap("waiting awards matched")
            try work.creditEducators(.unsettled)
        } else {
            try work.creditEducators(.every)
        }
        return finish("educators credited", reaching: .ledgerPosted)
    }
}

extension Tonight where Step == Steps.EducatorsCredited {
    /// Tonight's decisions become the awards' outcomes (history kept), and what this night
    /// read is recorded for the next one to compare (`EvaluationScope`).
    consuming func recordOutcomes() throws -> Tonight<Steps.OutcomesRecorded> {
        let store = work.store
        try store.finishEvaluation(runID: work.runID, on: work.asOf)
        let inputs = try work.loadedInputs()
        try store.recordEvaluationBasis(runID: work.runID, asOf: work.asOf,
                                        rulesKey: EvaluationScope.rulesKey(work.session),
                                        approvalsThrough: inputs.approvalDecisions.map(\.id).max() ?? 0,
                                        rosterRevision: work.rosterRevision, approvalsRewritten: work.approvalsRewritten,
                                        changed: inputs.rosterChanges.changed,
                                        removed: inputs.rosterChanges.removed)
        work.inputs = nil
        Self.free((consume inputs, work.roster.take()))
        work.summary.evaluated = work.tally.evaluated
        work.summary.ledger = work.tally.postings
        work.summary.outcomes = work.tally.outcomes
        work.session.logger.info("crediting done", metadata: ["evaluated": "\(work.summary.evaluated)",
                                                              "postings": "\(work.summary.ledger.count)"])
        return finish("outcomes recorded", reaching: .outcomesRecorded)
    }
}

extension Tonight where Step == Steps.EducatorsCredited {
    /// Lets the inputs go on another thread, with the roster they were made of, as the last
    /// holders of the roster's 50,000 educators, its indexes and the catalog. Freeing them took
    /// the 1M-award normal night's main thread 26 ms (`perf`), and the PDMS batch, the commit
    /// and the file have no use for them.
    private static func free(_ inputs: consuming some Sendable) {
        Thread.detachNewThread { [inputs] in withExtendedLifetime(inputs) {} }
    }
}

extension Tonight where Step == Steps.OutcomesRecorded {
    /// SPEC §6: tonight's ledger entries frozen as the PDMS batch the file is written from.
    consuming func recordPDMSBatch() throws -> (batch: Int64?, summary: NightlyJob.Summary) {
        let config = work.session.configuration
        let batch = try work.store.createPDMSBatch(runID: work.runID, asOf: work.asOf, columns: config.pdmsColumns)
        work.clock.lap("PDMS batch recorded")
        return (batch, work.summary)
    }
}

extension NightWork {
    /// What `loadCreditingInputs` read. The steps' order makes it always there; should a
    /// change ever break that, the night fails (and rolls back) rather than credit nothing.
    func loadedInputs() throws -> CreditingInputs {
        guard let inputs else {
            throw AppError(.failed, "the night reached crediting without its crediting inputs (a defect: please report it)")
        }
        return inputs
    }

    /// Which of tonight's educators a crediting pass credits, and what it keeps.
    enum CreditingPass {
        /// Every one, every decision and posting recorded (a night evaluating everything).
        case every
        /// Every one; recorded only for those whose night posts nothing, who are then settled.
        case settlingUnchanged
        /// Those not settled, every decision and posting recorded.
        case unsettled
    }

    /// One pass of SPEC §5 steps 3–9 and the reversals over tonight's educators (`pass`), one
    /// educator at a time, decisions and postings staged a batch at a time.
    mutating func creditEducators(_ pass: CreditingPass) throws {
        let inputs = try loadedInputs()
        let store = self.store, session = self.session, asOf = self.asOf, runID = self.runID
        let rules = session.configuration.rules
        var decisions: [Decision] = []
        var postings: [Posting] = []
        var settled: [String] = []
        let batchSize = Evaluation.batchSize
        // The batch is written aside while the next educators are credited: the server
        // stores it (the ledger's checks, the audit records) while the night computes
        // (100,000-award backfill: 1.0 s of this step's 1.7 s waited for the server).
        let checksum = session.configChecksum
        func flush(_ tally: inout Evaluation.Tally) throws {
            Evaluation.count(decisions, into: &tally)
            tally.postings.record(postings)
            try store.runAside { [decisions, postings, settled] store in
                try store.stage(decisions: decisions, resolved: [:])
                try store.post(postings, runID: runID, postedOn: asOf, configChecksum: checksum)
                try store.settleEducators(settled)
            }
            decisions.removeAll(keepingCapacity: true)
            postings.removeAll(keepingCapacity: true)
            settled.removeAll(keepingCapacity: true)
        }
        var tally = self.tally
        try store.forEachEducatorNight(roster: inputs.educatorsByID, unsettledOnly: pass == .unsettled, batchSize: batchSize) { night in
            let result = CreditingEngine.credit(night, rules: rules, approvals: inputs.approvals, asOf: asOf)
            if pass == .settlingUnchanged {
                guard result.postings.isEmpty else { return }
                settled.append(night.educator.id)
            }
            decisions += result.decisions
            postings += result.postings
            if decisions.count >= batchSize { try flush(&tally) }
        }
        try flush(&tally)
        // The pass ends when its last batch is stored.
        try store.connection.awaitAside()
        self.tally = tally
    }

    /// Matches the awards of the current round (every waiting award when there is none),
    /// a cursor batch at a time: decided ones are recorded, matched ones set aside.
    mutating func matchChosenAwards() throws {
        // Taken out while matching, so that this is their only owner and the directory's
        // tables are changed in place, not copied on the round's first sighting.
        var inputs = try loadedInputs()
        self.inputs = nil
        defer { self.inputs = inputs }
        let store = self.store
        var tally = self.tally
        defer { self.tally = tally }
        // Each batch's rows are written aside once the next batch has been fetched, so the
        // server stores them while that one is matched (the cursor's next FETCH waits for them).
        var pending: (matched: [MatchedAward], decisions: [Decision], resolved: [String: AwardFacts])?
        func writePending() throws {
            guard let rows = pending else { return }
            pending = nil
            try store.runAside { store in
                try store.stage(matched: rows.matched)
                try store.stage(decisions: rows.decisions, resolved: rows.resolved)
            }
        }
        try store.forEachAwardToEvaluate(round: round, batchSize: Evaluation.batchSize) { batch in
            try writePending()
            var decisions: [Decision] = []
            var matched: [MatchedAward] = []
            var resolved: [String: AwardFacts] = [:]
            for award in batch {
                let facts = Evaluation.resolve(award, catalog: inputs.catalog)
                if facts.badgeName != award.badgeName || facts.issuerID != award.issuerID
                    || facts.issuerName != award.issuerName {
                    resolved[award.awardID] = facts
                }
                switch CreditingEngine.match(facts, in: &inputs.directory) {
                case .decided(let decision): decisions.append(decision)
                case .matched(let educator): matched.append(MatchedAward(facts: facts, educatorID: educator.id))
                }
            }
            tally.evaluated += batch.count
            Evaluation.count(decisions, into: &tally)
            pending = (matched, decisions, resolved)
        }
        try writePending()
        try store.connection.awaitAside()
    }
}
