/// Reads `.jwt` / `.jws` files and baked tokens: a signed OB 2.0 assertion (payload = assertion)
/// or an OB 3.0 VC-JWT (payload = credential, or VC 1.1 form with the credential in `vc`).
/// The payload is read without checking the signature; the token is kept for verification.
enum TokenReader {
    static func content(_ bytes: ArraySlice<UInt8>, sha256: String, limits: ReadLimits) -> ReadContent {
        let token: SignedToken
        do {
            token = try CompactJWS.parse(bytes, limits: limits)
        } catch {
            return .invalid(error)
        }
        let document: JSONValue
        if case .object(let credential)? = token.payload["vc"] {
            document = .object(credential)
        } else {
            document = token.payload
        }
        return DocumentReader.read(document, source: DocumentSource(sha256: sha256, token: token))
    }
}
