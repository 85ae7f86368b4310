import Yams

extension YAMLReader {
    /// `web:` (SPEC §3): where `serve` listens, its public address, sessions, TLS files.
    func web(_ node: Node) throws(ConfigurationError) -> WebSettings {
        let map = try mapping(node, path: "web", allowed: ["listen", "base_url", "session_hours", "tls"])
        var settings = WebSettings()
        if let listenNode = map["listen"] {
            settings.listen = try string(listenNode, "web.listen")
            guard HostAndPort(settings.listen) != nil else {
                throw error(listenNode, "'web.listen' is '\(settings.listen)', not HOST:PORT such as 127.0.0.1:8080")
            }
        }
        if let baseNode = map["base_url"] {
            settings.baseURL = try optionalString(baseNode, "web.base_url")
            if let base = settings.baseURL, !(base.hasPrefix("https://") || base.hasPrefix("http://")) {
                throw error(baseNode, "'web.base_url' is '\(base)', not an address starting https:// or http://")
            }
        }
        if let hoursNode = map["session_hours"] {
            // Hours, not seconds: `seconds` checks a whole number in range the same way.
            settings.sessionHours = try seconds(hoursNode, "web.session_hours", limit: 24 * 30)
        }
        if let tlsNode = map["tls"], !isNull(tlsNode) {
            let tls = try mapping(tlsNode, path: "web.tls", allowed: ["cert", "key"], required: ["cert", "key"])
            settings.tls = WebSettings.TLSFiles(cert: try path(try string(tls.required("cert"), "web.tls.cert")),
                                                key: try path(try string(tls.required("key"), "web.tls.key")))
        }
        return settings
    }
}

/// `HOST:PORT`, as `web.listen` and `serve --listen` take it.
public struct HostAndPort: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
