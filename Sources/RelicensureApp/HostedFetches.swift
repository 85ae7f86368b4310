import BadgeFetching
import Foundation
import Logging
import OpenBadges
import RelicensureStore

/// The night's fetches from issuers' hosts (SPEC §4.4 "Hosted"): the hosted assertions of
/// uploads still to be proven, and those of `verified-hosted` awards due to be checked again.
///
/// They are made before the night's transaction begins, never inside it: a fetch may wait
/// seconds on a slow or unreachable host, and inside the transaction every such wait would keep
/// its locks held and its snapshot open. The night then only reads what was fetched.
///
/// Each URL's scope is decided before any request, from the issuer it claims and what trusted
/// sources say of that issuer: an out-of-scope URL is never requested, nor a redirect out of it.
/// The night is bounded: a total budget, caps per host and per upload file, a few fetches at a
/// time; what is left, and what failed, waits 2, 4, 8, … days (sql/006_fetch_backoff.sql).
struct HostedFetches {
    /// What each award's fetch found, by award id; a URL not requested tonight because it is
    /// out of scope or left over has a `.failed` entry saying why.
    var results: [String: FetchResult] = [:]
    /// Hosted awards fetched again tonight to see whether they still stand.
    var rechecked: [String] = []
    /// Awards whose fetch was made tonight.
    var attempted: Set<String> = []
    /// Awards left for a later night by the budget or a cap (award id → why).
    var leftOver: [String: String] = [:]
    /// Awards not fetched tonight because an earlier failure's back-off has not run out, with
    /// the reason recorded when it failed: they keep that verdict word for word, so that a
    /// night run again (after a kill past its commit) records exactly what it recorded before.
    var waiting: [String: String] = [:]

    /// Days after which a `verified-hosted` award is fetched again (README "Verification").
    static let recheckAfterDays = 7

    static func gather(store: Store, session: Session) throws -> HostedFetches {
        let configuration = session.configuration
        guard configuration.verification.fetch else { return HostedFetches() }
        let fetcher: BadgeFetcher
        do {
            fetcher = try BadgeFetcher(policy: session.fetchPolicy)
        } catch {
            throw AppError(.usage, error.message)
        }
        var toVerify = try store.hostedAwardsToVerify()
        if let uploads = configuration.uploads {
            toVerify += newHostedUploads(in: uploads, seen: try store.seenFileHashes(), stamps: try store.fileStamps(from: .uploads))
        }
        let rechecks = try store.hostedAwardsConfirmedBefore(session.asOf.adding(days: -recheckAfterDays))
        guard !toVerify.isEmpty || !rechecks.isEmpty else { return HostedFetches() }
        let issuers = try HostedIssuers.tonight(store: store, session: session)
        let backoffs = try store.fetchBackoffs()

        var fetches = HostedFetches()
        var plan = FetchPlan(policy: fetcher.policy)
        var jobs: [FetchJob] = []
        var planned = Set<String>()
        for candidate in ordered(toVerify + rechecks, backoffs: backoffs) {
            let awardID = candidate.awardID
            guard planned.insert(awardID).inserted else { continue }
            if let backoff = backoffs[awardID], backoff.retryOn > session.asOf {
                fetches.waiting[awardID] = backoff.reason
                continue
            }
            let scope = issuers.scope(for: candidate)
            if let violation = scope(awardID) {
                fetches.results[awardID] = .failed(reason: "not requested: \(violation)")
                continue
            }
            if let cap = plan.admit(candidate) {
                fetches.leftOver[awardID] = cap
                continue
            }
            jobs.append(FetchJob(url: awardID, scope: scope))
        }
        let started = Date()
        let fetched = jobs.isEmpty ? [:] : fetcher.fetchAll(jobs)
        for job in jobs {
            if let result = fetched[job.url] {
                fetches.results[job.url] = result
                fetches.attempted.insert(job.url)
            } else {
                fetches.leftOver[job.url] = "the night's fetch budget of \(fetcher.policy.budgetSeconds) seconds was spent before its turn"
            }
        }
        for (awardID, reason) in fetches.leftOver {
            fetches.results[awardID] = .failed(reason: "not fetched tonight: \(reason); it is tried on a later night")
        }
        fetches.rechecked = rechecks.map(\.awardID).filter { fetches.attempted.contains($0) }
        let failed = fetched.values.filter { if case .failed = $0 { true } else { false } }.count
        session.logger.info("hosted badges fetched", metadata: [
            "fetched": "\(fetched.count)", "failed": "\(failed)", "rechecked": "\(fetches.rechecked.count)",
            "left_over": "\(fetches.leftOver.count)", "waiting": "\(fetches.waiting.count)",
            "seconds": "\(Int(Date().timeIntervalSince(started).rounded()))",
        ])
        return fetches
    }

    /// Tonight's order: awards never postponed first, then those whose back-off ran out longest
    /// ago, so that what was left over one night goes first once its turn comes.
    static func ordered(_ candidates: [HostedCandidate], backoffs: [String: FetchBackoff]) -> [HostedCandidate] {
        candidates.sorted { left, right in
            switch (backoffs[left.awardID]?.retryOn, backoffs[right.awardID]?.retryOn) {
            case (nil, nil): return left.awardID < right.awardID
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a == b ? left.awardID < right.awardID : a < b
            }
        }
    }

    /// The awards to postpone after tonight's verdicts, and those whose fetch settled them.
    /// `unsettled`: awards tonight's fetches did not prove or confirm, with the reason their
    /// verdict recorded (id → why), which is kept as the reason they wait.
    func backoff(unsettled: [String: String]) -> (postponed: [String: String], settled: Set<String>) {
        var postponed = leftOver
        for (awardID, reason) in unsettled where attempted.contains(awardID) || leftOver[awardID] != nil {
            postponed[awardID] = reason
        }
        return (postponed, attempted.subtracting(postponed.keys))
    }

    /// The hosted assertions in upload files not read before: unsigned OB 2.0 (and legacy)
    /// assertions, and baked images that only name their assertion's URL.
    static func newHostedUploads(in folder: String, seen: Set<String>, stamps: [String: String]) -> [HostedCandidate] {
        NewBadgeFiles.items(in: folder, seen: seen, stamps: stamps).compactMap { path, item in
            switch item.content {
            case .assertion(let assertion) where assertion.signedToken == nil && assertion.specVersion != .v3_0:
                return HostedCandidate(awardID: assertion.awardID, claimedIssuerID: assertion.issuerID,
                                       claimedBadgeID: assertion.badge.id, uploadPath: path)
            case .assertionURL(let url):
                return HostedCandidate(awardID: url, claimedIssuerID: nil, claimedBadgeID: nil, uploadPath: path)
            default:
                return nil
            }
        }
    }
}
