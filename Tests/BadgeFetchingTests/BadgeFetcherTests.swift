import BadgeFetching
import Foundation
import TestHTTPS
import Testing

@Suite("Fetching from issuers' hosts: HTTPS only, bounded, never a private address unless allowed (SPEC §3)")
struct BadgeFetcherTests {
    static let document = #"{"id": "x"}"#

    /// A server with every kind of answer, and a fetcher that trusts its CA and may reach 127.0.0.1.
    static func serving() throws -> (server: LocalHTTPSServer, fetcher: BadgeFetcher, folder: URL) {
        let server = try LocalHTTPSServer(routes: [
            "/valid": .json(document), "/gone": .status(410), "/missing": .status(404),
            "/to-http": .redirect(to: "http://127.0.0.1:9/valid"), "/to-valid": .redirect(to: "/valid"),
            "/loop": .redirect(to: "/loop"), "/huge": .oversized(bytes: 600_000), "/slow": .slow(seconds: 4, json: document),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let caFile = folder.appendingPathComponent("ca.pem")
        try Data(server.certificates.authorityPEM.utf8).write(to: caFile)
        let fetcher = try BadgeFetcher(policy: FetchPolicy(caFile: caFile.path, allowPrivate: true, requestTimeout: 1))
        return (server, fetcher, folder)
    }

    @Test("A document, a 410, another status, redirects within HTTPS, and the refusals")
    func answers() throws {
        let (server, fetcher, folder) = try Self.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        #expect(fetcher.fetch(server.origin + "/valid") == .document(body: Array(Self.document.utf8), finalURL: server.origin + "/valid"))
        #expect(fetcher.fetch(server.origin + "/to-valid") == .document(body: Array(Self.document.utf8), finalURL: server.origin + "/valid"))
        #expect(fetcher.fetch(server.origin + "/gone") == .gone)
        guard case .failed(let missing) = fetcher.fetch(server.origin + "/missing") else { Issue.record("404 fetched"); return }
        #expect(missing.contains("HTTP 404"))
        guard case .failed(let toHTTP) = fetcher.fetch(server.origin + "/to-http") else { Issue.record("followed to http"); return }
        #expect(toHTTP.contains("only HTTPS"))
        guard case .failed(let loop) = fetcher.fetch(server.origin + "/loop") else { Issue.record("loop followed"); return }
        #expect(loop.contains("redirected more than"))
        guard case .failed(let huge) = fetcher.fetch(server.origin + "/huge") else { Issue.record("huge body read"); return }
        #expect(huge.contains("more than"))
        guard case .failed(let plain) = fetcher.fetch("http://127.0.0.1:\(server.port)/valid") else { Issue.record("http fetched"); return }
        #expect(plain.contains("only HTTPS"))
        #expect(!server.requestedPaths.contains("/valid") || server.requestedPaths.filter { $0 == "/valid" }.count == 2)
    }

    @Test("A slow answer times out")
    func slow() throws {
        let (server, fetcher, folder) = try Self.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        guard case .failed(let reason) = fetcher.fetch(server.origin + "/slow") else { Issue.record("slow answer waited for"); return }
        #expect(reason.contains("did not answer"))
        #expect(Date().timeIntervalSince(started) < 3.5)
    }

    @Test("Without allow_private a loopback URL is refused before any request")
    func loopbackRefused() throws {
        let (server, _, folder) = try Self.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let strict = try BadgeFetcher(policy: FetchPolicy(caFile: folder.appendingPathComponent("ca.pem").path))
        guard case .failed(let reason) = strict.fetch(server.origin + "/valid") else { Issue.record("loopback fetched"); return }
        #expect(reason.contains("allow_private"))
        #expect(server.requestedPaths.isEmpty)
    }

    @Test("Without the CA file the test certificate is not trusted; a CA file that is not PEM is a setup error")
    func trust() throws {
        let (server, _, folder) = try Self.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let untrusting = try BadgeFetcher(policy: FetchPolicy(allowPrivate: true))
        guard case .failed = untrusting.fetch(server.origin + "/valid") else { Issue.record("untrusted certificate accepted"); return }
        let broken = folder.appendingPathComponent("broken.pem")
        try Data("not a certificate".utf8).write(to: broken)
        #expect(throws: FetchSetupError.self) { try BadgeFetcher(policy: FetchPolicy(caFile: broken.path)) }
    }
}
