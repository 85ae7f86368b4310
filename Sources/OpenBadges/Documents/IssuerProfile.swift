/// Who issues badges: an OB 2.0 Issuer / Profile, a legacy issuer organization, or an OB 3.0 Profile.
public struct IssuerProfile: Sendable {
    /// The issuer id; `nil` only for legacy issuers (0.5, 1.0) that had none.
    public var id: String?
    public var name: String
    public var url: String?
    public var email: String?
    /// OB 2.0 `revocationList`: the id of the RevocationList that revokes this issuer's awards.
    public var revocationListID: String?
    /// Ids of the keys this profile names by reference in `publicKey` (resolve them from the
    /// catalog or the issuer's origin); keys written out in full are in `embeddedKeys`.
    public var publicKeyIDs: [String]
    /// Keys written out in full in `publicKey`.
    public var embeddedKeys: [CryptographicKey]
    /// `verification.allowedOrigins`: hosts from which hosted assertions may be fetched.
    public var allowedOrigins: [String]
    /// `verification.startsWith`: URL prefixes hosted assertion ids must start with.
    public var startsWith: [String]
    /// The profile JSON as written (legacy fields not renamed).
    public var document: JSONValue

    public init(id: String?, name: String, url: String? = nil, email: String? = nil, revocationListID: String? = nil,
                publicKeyIDs: [String] = [], embeddedKeys: [CryptographicKey] = [], allowedOrigins: [String] = [],
                startsWith: [String] = [], document: JSONValue) {
        self.id = id
        self.name = name
        self.url = url
        self.email = email
        self.revocationListID = revocationListID
        self.publicKeyIDs = publicKeyIDs
        self.embeddedKeys = embeddedKeys
        self.allowedOrigins = allowedOrigins
        self.startsWith = startsWith
        self.document = document
    }
}
