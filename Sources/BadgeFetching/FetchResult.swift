/// What fetching one URL found.
public enum FetchResult: Sendable, Equatable {
    /// A 200 response: its body, and the URL it finally came from (after redirects).
    case document(body: [UInt8], finalURL: String)
    /// HTTP 410 Gone: the issuer's host says the document was withdrawn (for a hosted
    /// assertion, that it is revoked).
    case gone
    /// Nothing usable: refused before any request (not HTTPS, a private address), a timeout, a
    /// body over the cap, another status. `reason` is one sentence for the award's record.
    case failed(reason: String)
}
