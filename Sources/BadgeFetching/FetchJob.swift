/// One URL to fetch tonight, with the scope its every hop must lie in (SPEC §4.4): the
/// fetcher asks `scope` before each request, so a URL or redirect it refuses is never requested.
public struct FetchJob: Sendable {
    /// `nil` when a URL may be requested, else why not (one sentence for the award's record).
    public typealias Scope = @Sendable (String) -> String?

    public let url: String
    public let scope: Scope

    public init(url: String, scope: @escaping Scope) {
        self.url = url
        self.scope = scope
    }
}
