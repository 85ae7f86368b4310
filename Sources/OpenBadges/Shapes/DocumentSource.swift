/// Where a document came from, as far as reading it needs to know.
struct DocumentSource {
    /// Hex SHA-256 of the document's bytes as received: the award id of last resort.
    let sha256: String
    /// The compact JWS the document was the payload of, when it was.
    var token: SignedToken?
}

/// A compact JWS / VC-JWT, decoded but not verified.
struct SignedToken {
    /// The token as received, without surrounding white space.
    let compact: String
    let header: JSONValue
    /// The whole payload (for a VC 1.1 JWT the credential is its `vc` member).
    let payload: JSONValue
}
