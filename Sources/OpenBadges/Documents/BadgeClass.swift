/// What an award is for: an OB 2.0 BadgeClass, an OB 0.5/1.x badge class, or an OB 3.0
/// Achievement (with the credential's issuer as its issuer).
public struct BadgeClass: Sendable {
    /// The BadgeClass / Achievement id; `nil` only for legacy classes embedded without one.
    public var id: String?
    public var name: String
    public var issuer: Reference<IssuerProfile>
    /// OB 3.0 `creditsAvailable`: shown, never used for hours (SPEC §4.3).
    public var creditsAvailable: Double?
    /// The BadgeClass / Achievement JSON as written.
    public var document: JSONValue

    public init(id: String?, name: String, issuer: Reference<IssuerProfile>, creditsAvailable: Double? = nil,
                document: JSONValue) {
        self.id = id
        self.name = name
        self.issuer = issuer
        self.creditsAvailable = creditsAvailable
        self.document = document
    }
}
