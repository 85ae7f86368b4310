import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An HTTPS server on 127.0.0.1 (a free port) for one test, with a certificate of the test's
/// own making; it answers each path as `routes` says (404 otherwise) and records every path
/// asked for. It never listens anywhere but 127.0.0.1.
public final class LocalHTTPSServer: Sendable {
    public let certificates: TestCertificates
    public let port: Int
    private let channel: any Channel
    private let requests: NIOLockedValueBox<[String]>
    private let connections: NIOLockedValueBox<Int>
    private let routes: NIOLockedValueBox<[String: Reply]>

    /// `https://127.0.0.1:PORT`, to which a route's path is appended.
    public var origin: String { "https://127.0.0.1:\(port)" }

    /// Paths requested so far, in order.
    public var requestedPaths: [String] { requests.withLockedValue { $0 } }

    /// TCP connections accepted so far: each is one TLS handshake attempted, whether or not a
    /// request followed.
    public var acceptedConnections: Int { connections.withLockedValue { $0 } }

    /// `certificates`: another server's, so that both are trusted through one CA file (a
    /// foreign host the issuer's host redirects to must be reachable for a test to mean anything).
    public init(routes: [String: Reply], certificates shared: TestCertificates? = nil) throws {
        let certificates = try shared ?? TestCertificates()
        let context = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificates.serverPEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem))))
        let requests = NIOLockedValueBox<[String]>([])
        let routes = NIOLockedValueBox(routes)
        let connections = NIOLockedValueBox(0)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.withLockedValue { $0 += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(routes: routes, requests: requests))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
        self.certificates = certificates
        self.requests = requests
        self.routes = routes
        self.connections = connections
    }

    /// Answers `path` with `reply` from now on.
    public func set(_ path: String, _ reply: Reply) {
        routes.withLockedValue { $0[path] = reply }
    }

    /// Stops listening.
    public func stop() {
        try? channel.close().wait()
    }
}

/// Answers one request per route.
private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: NIOLockedValueBox<[String: Reply]>
    let requests: NIOLockedValueBox<[String]>
    private var path = ""

    init(routes: NIOLockedValueBox<[String: Reply]>, requests: NIOLockedValueBox<[String]>) {
        self.routes = routes
        self.requests = requests
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = head.uri
            requests.withLockedValue { $0.append(head.uri) }
        case .body:
            break
        case .end:
            respond(context: context)
        }
    }

    private func respond(context: ChannelHandlerContext) {
        switch routes.withLockedValue({ $0[path] }) {
        case .json(let text)?:
            send(context: context, status: .ok, body: Array(text.utf8))
        case .status(let code)?:
            send(context: context, status: HTTPResponseStatus(statusCode: code), body: [])
        case .redirect(let location)?:
            send(context: context, status: .found, body: [], headers: [("Location", location)])
        case .oversized(let bytes)?:
            send(context: context, status: .ok, body: [UInt8](repeating: UInt8(ascii: " "), count: bytes))
        case .slow(let seconds, let text)?:
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(seconds)) {
                let (handler, context) = bound.value
                handler.send(context: context, status: .ok, body: Array(text.utf8))
            }
        case nil:
            send(context: context, status: .notFound, body: [])
        }
    }

    private func send(context: ChannelHandlerContext, status: HTTPResponseStatus, body: [UInt8],
                      headers extra: [(String, String)] = []) {
        var headers = HTTPHeaders([("Content-Type", "application/ld+json"), ("Content-Length", String(body.count))])
        headers.add(contentsOf: extra)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
