/// A public key document: an OB 2.0 CryptographicKey (`publicKeyPem`), or a JSON Web Key
/// (`publicKeyJwk`, or a bare JWK document whose `kid` is its id). Read here, checked elsewhere.
public struct CryptographicKey: Sendable {
    public var id: String?
    /// The issuer profile id that owns the key (OB 2.0 `owner`).
    public var owner: String?
    public var publicKeyPem: String?
    public var jwk: JSONValue?

    public init(id: String?, owner: String?, publicKeyPem: String?, jwk: JSONValue?) {
        self.id = id
        self.owner = owner
        self.publicKeyPem = publicKeyPem
        self.jwk = jwk
    }
}
