@testable import BadgeFetching
import Foundation
import NIOCore
import TestHTTPS
import Testing

@Suite("Issue 16: every hop in scope before it is requested; a night's fetches bounded; honest reasons")
struct FetchScopeTests {
    static let document = #"{"id": "x"}"#

    @Test("A redirect out of scope is not followed: the foreign host sees no request")
    func openRedirect() throws {
        let (allowed, fetcher, folder) = try BadgeFetcherTests.serving()
        let foreign = try LocalHTTPSServer(routes: ["/forged": .json(Self.document), "/gone": .status(410)],
                                           certificates: allowed.certificates)
        defer { allowed.stop(); foreign.stop(); try? FileManager.default.removeItem(at: folder) }
        allowed.set("/open", .redirect(to: foreign.origin + "/forged"))
        allowed.set("/open-gone", .redirect(to: foreign.origin + "/gone"))
        let origin = allowed.origin
        let scope: FetchJob.Scope = { $0.hasPrefix(origin + "/") ? nil : "\($0) is not on \(origin)" }
        for path in ["/open", "/open-gone"] {
            guard case .failed(let reason) = fetcher.fetch(origin + path, scope: scope) else {
                Issue.record("\(path): a redirect out of scope was followed"); continue
            }
            #expect(reason.contains("out of its issuer's scope"))
        }
        #expect(foreign.requestedPaths.isEmpty)
        #expect(foreign.acceptedConnections == 0)
        #expect(fetcher.fetch(origin + "/to-valid", scope: scope)
                == .document(body: Array(BadgeFetcherTests.document.utf8), finalURL: origin + "/valid"))
    }

    @Test("A URL out of scope is never requested")
    func outOfScope() throws {
        let (server, fetcher, folder) = try BadgeFetcherTests.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        guard case .failed(let reason) = fetcher.fetch(server.origin + "/valid", scope: { _ in "not this issuer's" }) else {
            Issue.record("fetched out of scope"); return
        }
        #expect(reason.contains("not requested"))
        #expect(server.requestedPaths.isEmpty)
        #expect(server.acceptedConnections == 0)
    }

    @Test("A night's fetches end within their budget; what did not start has no result")
    func budget() throws {
        let (server, _, folder) = try BadgeFetcherTests.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let fetcher = try BadgeFetcher(policy: FetchPolicy(caFile: folder.appendingPathComponent("ca.pem").path, allowPrivate: true,
                                                           requestTimeout: 10, concurrency: 4, budgetSeconds: 2))
        let jobs = (0..<40).map { index in
            server.set("/slow/\(index)", .slow(seconds: 30, json: Self.document))
            return FetchJob(url: server.origin + "/slow/\(index)", scope: { _ in nil })
        }
        let started = Date()
        let results = fetcher.fetchAll(jobs)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 3.5, "the night's fetches took \(elapsed) s against a budget of 2 s")
        #expect(results.count < jobs.count)
        for case .failed(let reason) in results.values {
            #expect(reason.contains("budget"), "\(reason)")
        }
    }

    @Test("A TLS failure costs the host one handshake, not one per retry until the deadline")
    func tlsFailureOnce() throws {
        let (server, _, folder) = try BadgeFetcherTests.serving()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder) }
        let untrusting = try BadgeFetcher(policy: FetchPolicy(allowPrivate: true, requestTimeout: 3))
        guard case .failed = untrusting.fetch(server.origin + "/valid") else { Issue.record("untrusted certificate accepted"); return }
        #expect(server.acceptedConnections == 1)
    }

    @Test("A connect timeout says the connect limit, not the request limit")
    func connectTimeoutReason() {
        let policy = FetchPolicy(connectTimeout: 5, requestTimeout: 15)
        let reason = FetchTimeouts.connectReason("https://badges.example.org/a", limit: .seconds(5), policy: policy)
        #expect(reason.contains("within 5 seconds"))
        #expect(!reason.contains("15"))
        let cut = FetchTimeouts.connectReason("https://badges.example.org/a", limit: .seconds(2), policy: policy)
        #expect(cut.contains("budget"))
    }
}
