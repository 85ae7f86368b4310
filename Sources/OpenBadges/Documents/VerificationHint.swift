/// How an award says it can be verified. Read here, acted on by verification (SPEC §4.4).
public struct VerificationHint: Sendable, Hashable {
    /// The verification method an award names.
    public enum Kind: String, Sendable, Hashable {
        /// OB 2.0 `hosted` / `HostedBadge`, OB 1.0 `hosted`, OB 0.5 (always hosted).
        case hosted
        /// A compact JWS: OB 2.0 `signed` / `SignedBadge`, OB 1.0 `signed`, any token we read.
        case signed
        /// An OB 3.0 credential with an embedded `proof` (Data Integrity), which this product does not check.
        case embeddedProof
        /// No verification property at all.
        case none
    }

    public var kind: Kind
    /// OB 1.0 `verify.url`: the hosted assertion URL (hosted) or the public key URL (signed).
    public var url: String?
    /// OB 2.0 `verification.creator`: the id of the signing key.
    public var creator: String?
    /// `allowedOrigins` / `startsWith` written on the assertion's own verification object, if any
    /// (the issuer's are on `IssuerProfile`).
    public var allowedOrigins: [String]
    public var startsWith: [String]

    public init(kind: Kind, url: String? = nil, creator: String? = nil, allowedOrigins: [String] = [],
                startsWith: [String] = []) {
        self.kind = kind
        self.url = url
        self.creator = creator
        self.allowedOrigins = allowedOrigins
        self.startsWith = startsWith
    }
}
