/// The web door's settings (SPEC §3 `web:`, §8).
public struct WebSettings: Sendable {
    /// `HOST:PORT` to listen on when `serve` is given no `--listen`.
    public var listen: String
    /// The public address people open, behind the district's reverse proxy; an `https:` address
    /// means the browser reaches us over HTTPS, so cookies are marked `Secure`.
    public var baseURL: String?
    /// How long a login lasts.
    public var sessionHours: Int
    /// A certificate and key (PEM, absolute paths) when the server itself terminates HTTPS.
    public var tls: TLSFiles?

    /// A PEM certificate chain and its private key.
    public struct TLSFiles: Sendable {
        public var cert: String
        public var key: String
    }

    public init(listen: String = "127.0.0.1:8080", baseURL: String? = nil, sessionHours: Int = 8, tls: TLSFiles? = nil) {
        self.listen = listen
        self.baseURL = baseURL
        self.sessionHours = sessionHours
        self.tls = tls
    }

    /// Whether browsers reach the door over HTTPS: it terminates TLS itself, or its public
    /// address is an `https:` one.
    public var servesHTTPS: Bool {
        tls != nil || (baseURL?.lowercased().hasPrefix("https://") ?? false)
    }
}
