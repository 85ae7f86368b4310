/// How documents are fetched from issuers' hosts (SPEC §3 `verification`): which extra CA
/// certificates are trusted, whether private addresses may be reached, and the bounds that
/// keep one slow or hostile host from holding up the night.
public struct FetchPolicy: Sendable {
    /// A PEM bundle of CA certificates trusted beside the system's (`verification.ca_file`).
    public var caFile: String?
    /// Allow loopback, private and link-local addresses (`verification.allow_private`).
    public var allowPrivate: Bool
    /// Seconds to open the TCP connection.
    public var connectTimeout: Int64
    /// Seconds for one whole request, TLS handshake and body included (each redirect hop gets its own).
    public var requestTimeout: Int64
    /// The largest body accepted; a badge document is a few kilobytes.
    public var maxBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    /// Fetches in flight at once.
    public var concurrency: Int
    /// Seconds a night spends on fetches in all (`verification.fetch_budget_seconds`): none
    /// starts after, none runs past; what is left waits for a later night.
    public var budgetSeconds: Int64
    /// Fetches one host gets in a night, so that one slow host cannot spend the budget alone.
    public var perHostLimit: Int
    /// Assertions of one upload file fetched in a night: a bundle of many ids is taken a few at a time.
    public var perUploadLimit: Int

    public init(caFile: String? = nil, allowPrivate: Bool = false, connectTimeout: Int64 = 5, requestTimeout: Int64 = 15,
                maxBytes: Int = 512 * 1024, maxRedirects: Int = 3, concurrency: Int = 8,
                budgetSeconds: Int64 = 60, perHostLimit: Int = 40, perUploadLimit: Int = 4) {
        self.caFile = caFile
        self.allowPrivate = allowPrivate
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.concurrency = concurrency
        self.budgetSeconds = budgetSeconds
        self.perHostLimit = perHostLimit
        self.perUploadLimit = perUploadLimit
    }
}
