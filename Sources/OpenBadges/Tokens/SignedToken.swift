/// A compact JWS / VC-JWT, decoded but not verified.
struct SignedToken {
    /// The token as received, without surrounding white space.
    let compact: String
    let header: JSONValue
    /// The whole payload (for a VC 1.1 JWT the credential is its `vc` member).
    let payload: JSONValue
}
