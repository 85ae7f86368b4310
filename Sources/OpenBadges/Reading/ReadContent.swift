/// What one document turned out to be.
public enum ReadContent: Sendable {
    /// An award (any version).
    case assertion(Assertion)
    /// An OB 2.0 BadgeClass, an OB 1.x badge class, or an OB 3.0 Achievement document.
    case badgeClass(BadgeClass)
    /// An Issuer / Profile.
    case issuer(IssuerProfile)
    case revocationList(RevocationList)
    /// A BitstringStatusListCredential or StatusList2021Credential.
    case statusList(StatusList)
    case cryptographicKey(CryptographicKey)
    /// A bare `{id, revoked: true}` document (what a revoked hosted assertion URL serves).
    case revocationNotice(awardID: String)
    /// A baked image that holds only the URL of its hosted assertion (an OB 1.0 baked PNG, or an
    /// SVG whose `verify` attribute is a URL and that has no body): the award must be fetched.
    case assertionURL(String)
    /// Not readable; the reason says why and what to do.
    case invalid(InvalidReason)

    /// The assertion, when this is one.
    public var assertion: Assertion? {
        if case .assertion(let assertion) = self { return assertion }
        return nil
    }

    /// The reason, when this is `invalid`.
    public var invalidReason: InvalidReason? {
        if case .invalid(let reason) = self { return reason }
        return nil
    }
}
