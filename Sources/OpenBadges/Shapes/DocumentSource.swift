/// Where a document came from, as far as reading it needs to know.
struct DocumentSource {
    /// Hex SHA-256 of the document's bytes as received: the award id of last resort.
    let sha256: String
    /// The compact JWS the document was the payload of, when it was.
    var token: SignedToken?
}
