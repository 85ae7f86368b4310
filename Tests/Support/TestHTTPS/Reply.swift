/// What the test server answers on one path.
public enum Reply: Sendable {
    /// 200 with this JSON body.
    case json(String)
    /// This status and no body (410 Gone, 404 …).
    case status(Int)
    /// 302 to this location.
    case redirect(to: String)
    /// 200 with a body of this many bytes (announced in Content-Length).
    case oversized(bytes: Int)
    /// 200 with this JSON body, sent only after this many seconds.
    case slow(seconds: Int64, json: String)
}
