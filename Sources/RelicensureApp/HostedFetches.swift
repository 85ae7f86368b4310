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
/// its locks held and its snapshot open. The night then only reads what was fetched. The cost
/// is that tonight's new upload files are read twice (once here, to learn which ids to fetch,
/// and again by the ingest), which is cheap next to any network wait.
struct HostedFetches {
    /// What fetching each URL found, by URL (an award's id).
    var results: [String: FetchResult] = [:]
    /// Hosted awards fetched again tonight to see whether they still stand.
    var rechecked: [String] = []

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
        var toVerify = Set(try store.hostedAwardsToVerify())
        if let uploads = configuration.uploads {
            toVerify.formUnion(newHostedUploads(in: uploads, seen: try store.seenFileHashes(),
                                                stamps: try store.fileStamps(from: .uploads), logger: session.logger))
        }
        let rechecked = try store.hostedAwardsConfirmedBefore(session.asOf.adding(days: -recheckAfterDays))
        let urls = toVerify.union(rechecked)
        guard !urls.isEmpty else { return HostedFetches() }
        let started = Date()
        let results = fetcher.fetchAll(urls)
        let failed = results.values.filter { if case .failed = $0 { true } else { false } }.count
        session.logger.info("hosted badges fetched", metadata: [
            "fetched": "\(results.count)", "failed": "\(failed)", "rechecked": "\(rechecked.count)",
            "seconds": "\(Int(Date().timeIntervalSince(started).rounded()))",
        ])
        return HostedFetches(results: results, rechecked: rechecked)
    }

    /// The ids of hosted assertions in upload files not read before: unsigned OB 2.0 (and
    /// legacy) assertions, and baked images that only name their assertion's URL. A file whose
    /// stamp is the one it had when it was read (`stamps`, by path) is not read again, as the
    /// ingest does not read it again.
    static func newHostedUploads(in folder: String, seen: Set<String>, stamps: [String: String],
                                 logger: Logger) -> Set<String> {
        var ids = Set<String>()
        for path in BadgeIngest.files(under: folder) {
            let name = (path as NSString).lastPathComponent
            guard BadgeReader.isBadgeFile(name), let stamp = FileStamp(path: path),
                  stamps[path] != stamp.key,
                  stamp.size <= ReadLimits.standard.maxFileBytes,
                  let data = FileManager.default.contents(atPath: path),
                  !seen.contains(ContentHash.sha256Hex(data)),
                  case .items(let items) = BadgeReader.read([UInt8](data), fileName: name) else { continue }
            for item in items {
                switch item.content {
                case .assertion(let assertion) where assertion.signedToken == nil && assertion.specVersion != .v3_0:
                    ids.insert(assertion.awardID)
                case .assertionURL(let url):
                    ids.insert(url)
                default:
                    continue
                }
            }
        }
        return ids
    }
}
