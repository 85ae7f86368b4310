import Hummingbird
import Logging

/// One line per request (SPEC §8 "Logs"): method, route pattern, status, milliseconds and login.
/// The pattern (`/educators/{id}`), never the path or the query string, so that no id, name,
/// e-mail address or search reaches the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let logger: Logger

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: error.status.code, since: start)
            throw error
        } catch {
            // A fault of ours (the database went away, say): the operator needs to know which.
            // Our errors' descriptions name no person (PostgresError leaves rows out).
            log(request, context, status: 500, since: start, failure: "\(error)")
            throw error
        }
    }

    private func log(_ request: Request, _ context: WebContext, status: Int, since start: ContinuousClock.Instant,
                     failure: String? = nil) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let route = context.endpointPath ?? "(no route)"
        let line = "\(request.method.rawValue) \(route) \(status) \(String(format: "%.1f", milliseconds)) ms \(context.account?.login ?? "-")"
        if let failure {
            logger.error("\(line) failed: \(failure)")
        } else {
            logger.info("\(line)")
        }
    }
}
