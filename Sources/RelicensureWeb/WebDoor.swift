import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore
import NIOPosix
import NIOSSL
public import RelicensureApp
public import RelicensureConfig
import RelicensureStore

/// `relicensure serve` (SPEC §8): the administrators' web door over the same ledger and use
/// cases as the command line.
public enum WebDoor {
    /// The most connections the door holds open to the database, and so the most requests at
    /// the database at once; others wait their turn.
    public static let connections = 4

    /// The routes, their middleware and the connections, for `serve` and for tests.
    /// - Parameter requestLog: where the one line per request goes.
    public static func router(session: Session, requestLog: Logger,
                              connections: Int = WebDoor.connections) throws -> Router<WebContext> {
        let pool = StorePool(limit: connections, threadPool: NIOThreadPool.singleton) { try session.openStore() }
        let environment = WebEnvironment(configuration: session.configuration, pool: pool,
                                         templates: try PageTemplates.library(), requestLog: requestLog)
        let router = Router(context: WebContext.self)
        router.add(middleware: AuthenticationMiddleware(environment: environment))
        router.add(middleware: RequestLogMiddleware(logger: requestLog))
        router.add(middleware: PageFrameMiddleware(environment: environment))
        router.add(middleware: CSRFMiddleware(environment: environment))
        router.get("/healthz") { _, _ in "ok" }
        LoginRoutes(environment: environment).add(to: router)
        let pages = router.group().add(middleware: RequireAccountMiddleware(api: false))
        let api = router.group("api").add(middleware: RequireAccountMiddleware(api: true))
        ScopedRoutes(environment: environment).add(pages: pages, api: api)
        return router
    }

    /// Serves until the process is stopped (SIGTERM or SIGINT end it gracefully).
    public static func serve(session: Session, listen: HostAndPort, logger: Logger) async throws {
        let router = try router(session: session, requestLog: logger)
        let web = session.configuration.web
        var server = HTTPServerBuilder.http1()
        if let tls = web.tls {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.cert).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
            server = try .tls(.http1(), tlsConfiguration: .makeServerConfiguration(certificateChain: chain,
                                                                                    privateKey: .privateKey(key)))
        }
        let app = Application(router: router, server: server,
                              configuration: .init(address: .hostname(listen.host, port: listen.port),
                                                   serverName: "relicensure"),
                              logger: logger)
        try await app.runService()
    }
}
