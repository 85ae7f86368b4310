/// The JWS algorithms SPEC §4.4 accepts. A token whose header names any other — `none`,
/// `HS256`, `PS256`, `ES384` … — leaves the badge `unverified`.
public enum SigningAlgorithm: String, Sendable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256, RSA keys of 1024 bits or more.
    case rs256 = "RS256"
    /// ECDSA on P-256 with SHA-256, the signature as the 64 bytes r ‖ s.
    case es256 = "ES256"
    /// Ed25519.
    case edDSA = "EdDSA"

    /// The algorithm a JOSE header's `alg` names, matched without regard to case.
    public init?(headerName: String) {
        let wanted = headerName.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }
}
