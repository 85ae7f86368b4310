import BadgeFetching
import Foundation
import RelicensureStore

/// The caps of one night's fetches (SPEC §4.4): so many per host and so many per upload file,
/// so that one slow host or one bundle of many ids cannot spend the night's budget alone. What
/// a cap holds back waits for a later night.
struct FetchPlan {
    let policy: FetchPolicy
    private var byHost: [String: Int] = [:]
    private var byUpload: [String: Int] = [:]

    init(policy: FetchPolicy) {
        self.policy = policy
    }

    /// Counts `candidate` in, or says which cap holds it back.
    mutating func admit(_ candidate: HostedCandidate) -> String? {
        let host = URLComponents(string: candidate.awardID)?.host?.lowercased() ?? ""
        if byHost[host, default: 0] >= policy.perHostLimit {
            return "its host already had \(policy.perHostLimit) fetches tonight"
        }
        if let upload = candidate.uploadPath, byUpload[upload, default: 0] >= policy.perUploadLimit {
            return "its upload file names more hosted assertions than the \(policy.perUploadLimit) fetched from one file a night"
        }
        byHost[host, default: 0] += 1
        if let upload = candidate.uploadPath { byUpload[upload, default: 0] += 1 }
        return nil
    }
}
