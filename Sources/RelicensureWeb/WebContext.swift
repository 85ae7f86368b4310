public import Hummingbird
import NIOCore
import RelicensureStore

/// What a request carries through the middleware: where it came from, and the account and
/// session the `Authentication` middleware found for it.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the reverse proxy's, behind one).
    var peerAddress: String?
    var account: WebAccount?
    /// The CSRF token of the request's session, which every form posts back.
    var csrfToken: String?
    /// The SHA-256 of the session cookie, to end it at logout.
    var sessionDigest: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms and query strings are small; nothing we accept is larger.
    public var maxUploadSize: Int { 64 * 1024 }
}
