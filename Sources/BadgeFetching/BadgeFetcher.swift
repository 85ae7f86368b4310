import AsyncHTTPClient
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOSSL

/// Fetches documents from issuers' own hosts over HTTPS (SPEC §4.4 "Hosted"), on the terms of
/// a `FetchPolicy`: HTTPS only, redirects followed by hand (each hop HTTPS and checked again,
/// at most `maxRedirects`), connect and request timeouts, a cap on the body, and — unless
/// `allowPrivate` — no loopback, private or link-local address.
///
/// The host is resolved here and its addresses checked before any connection; the connection
/// then goes to the address that was checked (AsyncHTTPClient's `dnsOverride`, which still
/// sends the host name for SNI and checks the certificate against it). So a name cannot
/// resolve to a public address for the check and to a private one for the connection (DNS
/// rebinding): there is no second lookup between the check and the connect.
///
/// Calls block the calling thread until the fetch is done; the work itself runs on
/// AsyncHTTPClient's own event loops, so blocking never waits on Swift's cooperative pool.
public final class BadgeFetcher: Sendable {
    public let policy: FetchPolicy
    private let tls: TLSConfiguration

    /// Reads the CA bundle of `policy.caFile` at once, so that a bad file stops the night
    /// before any work (a configuration error).
    public init(policy: FetchPolicy) throws(FetchSetupError) {
        self.policy = policy
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let caFile = policy.caFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw FetchSetupError("\(caFile): cannot read this CA bundle (verification.ca_file): \(error)")
            }
            guard !certificates.isEmpty else {
                throw FetchSetupError("\(caFile): no PEM certificate in this CA bundle (verification.ca_file)")
            }
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        self.tls = tls
    }

    /// Fetches every job's URL once, up to `policy.concurrency` at a time, within the night's
    /// budget (`policy.budgetSeconds`): no fetch starts after it is spent, and no fetch runs past
    /// it. A job that did not start has no entry in the result; the caller defers it.
    public func fetchAll(_ jobs: [FetchJob]) -> [String: FetchResult] {
        let results = NIOLockedValueBox<[String: FetchResult]>([:])
        let slots = DispatchSemaphore(value: max(1, policy.concurrency))
        let group = DispatchGroup()
        let deadline = NIODeadline.now() + .seconds(policy.budgetSeconds)
        let budgetEnd = DispatchTime(uptimeNanoseconds: UInt64(max(0, deadline.uptimeNanoseconds)))
        for job in jobs {
            guard slots.wait(timeout: budgetEnd) == .success else { break }
            guard NIODeadline.now() < deadline else {
                slots.signal()
                break
            }
            group.enter()
            DispatchQueue.global().async {
                let result = self.fetch(job.url, scope: job.scope, budgetDeadline: deadline)
                results.withLockedValue { $0[job.url] = result }
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return results.withLockedValue { $0 }
    }

    /// Fetches one URL with `Accept: application/ld+json, application/json`. `scope` is asked
    /// about the URL and every redirect hop before it is requested: a hop it refuses is never
    /// requested.
    public func fetch(_ url: String, scope: FetchJob.Scope = { _ in nil }) -> FetchResult {
        fetch(url, scope: scope, budgetDeadline: .distantFuture)
    }

    /// As `fetch(_:scope:)`, and no hop runs past `budgetDeadline`.
    func fetch(_ url: String, scope: FetchJob.Scope, budgetDeadline: NIODeadline) -> FetchResult {
        var current = url
        do throws(FetchRefusal) {
            for _ in 0...policy.maxRedirects {
                if let violation = scope(current) {
                    throw FetchRefusal(current == url ? "not requested: \(violation)"
                                                      : "\(url) redirected out of its issuer's scope, not followed: \(violation)")
                }
                let target = try screen(current)
                let response = try get(target, budgetDeadline: budgetDeadline)
                switch response.status.code {
                case 200:
                    return .document(body: response.body.map { Array($0.readableBytesView) } ?? [], finalURL: current)
                case 410:
                    return .gone
                case 301, 302, 303, 307, 308:
                    guard let location = response.headers.first(name: "Location"),
                          let next = URL(string: location, relativeTo: target.url)?.absoluteURL.absoluteString else {
                        return .failed(reason: "\(current) answered HTTP \(response.status.code) without a usable Location")
                    }
                    current = next
                default:
                    return .failed(reason: "\(current) answered HTTP \(response.status.code)")
                }
            }
            return .failed(reason: "\(url) redirected more than \(policy.maxRedirects) times")
        } catch {
            return .failed(reason: current == url || error.reason.contains(url) ? error.reason
                                                                               : "\(url) redirected to \(current): \(error.reason)")
        }
    }

    /// A URL that may be fetched, with the address to connect to.
    private struct Target {
        let url: URL
        let host: String
        let address: ResolvedAddress
    }

    private func screen(_ text: String) throws(FetchRefusal) -> Target {
        guard let url = URL(string: text), url.scheme?.lowercased() == "https" else {
            throw FetchRefusal("\(text) is not an https URL; only HTTPS is fetched")
        }
        guard let host = url.host, !host.isEmpty else { throw FetchRefusal("\(text) names no host") }
        let addresses = try HostResolver.addresses(of: host)
        if !policy.allowPrivate, let inner = addresses.first(where: { !AddressScreen.isPublic($0.bytes) }) {
            throw FetchRefusal("\(host) is at \(inner.text), a loopback, private or link-local address, which is fetched only with verification.allow_private")
        }
        guard let first = addresses.first else { throw FetchRefusal("the host \(host) has no address") }
        return Target(url: url, host: host, address: first)
    }

    private func get(_ target: Target, budgetDeadline: NIODeadline) throws(FetchRefusal) -> HTTPClient.Response {
        let address = target.url.absoluteString
        // A hop never runs past the night's budget: its own limits are cut to what is left.
        let remaining = budgetDeadline - .now()
        guard remaining > .zero else {
            throw FetchRefusal("\(address) was not requested: the night's fetch budget of \(policy.budgetSeconds) seconds was spent")
        }
        let ownDeadline = NIODeadline.now() + .seconds(policy.requestTimeout)
        let budgetBound = budgetDeadline < ownDeadline
        let connectLimit = min(TimeAmount.seconds(policy.connectTimeout), remaining)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: connectLimit, read: min(.seconds(policy.requestTimeout), remaining)))
        // One attempt per hop: by default a failed connection (a TLS failure among them) is
        // tried again and again until the deadline, a dozen handshakes for one URL.
        configuration.connectionPool.retryConnectionEstablishment = false
        // Connect to the address just checked, never to a second lookup's answer.
        if !HostResolver.isLiteral(target.host) { configuration.dnsOverride = [target.host: target.address.text] }
        // One client per request: its configuration pins this hop's address.
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        // Shut down without waiting: after a timeout the connection may linger until the slow
        // host gives up, and the night must not wait for that.
        defer { _ = client.shutdown() }
        do {
            let request = try HTTPClient.Request(url: target.url, method: .GET, headers: [
                "Accept": "application/ld+json, application/json", "User-Agent": "relicensure (Open Badges verification)",
            ])
            let delegate = ResponseAccumulator(request: request, maxBodySize: policy.maxBytes)
            return try client.execute(request: request, delegate: delegate,
                                      deadline: min(ownDeadline, budgetDeadline)).wait()
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw FetchRefusal("\(address) sent more than \(policy.maxBytes) bytes; a badge document is far smaller")
        } catch let error as HTTPClientError where error == .connectTimeout {
            throw FetchRefusal(FetchTimeouts.connectReason(address, limit: connectLimit, policy: policy))
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout].contains(error) {
            throw FetchRefusal(budgetBound
                ? "\(address) was cut off when the night's fetch budget of \(policy.budgetSeconds) seconds was spent"
                : "\(address) did not answer within \(policy.requestTimeout) seconds")
        } catch {
            throw FetchRefusal("\(address) could not be fetched: \(error)")
        }
    }
}
