/// What checking one signed badge against its issuer's keys found (SPEC §4.4).
public enum SignatureVerdict: Sendable, Equatable {
    /// The signature checks with the key `keyID` (nil for a bare PEM) from `origin`; `rsaBits`
    /// is the size of an RSA key, so that keys under 2048 bits can be logged.
    case verified(keyID: String?, origin: String, rsaBits: Int?)
    /// Not proven: no signature, an algorithm not accepted, no key of the issuer, a signature
    /// that does not check, or VC-JWT claims that disagree with the credential.
    case unverified(reason: String)
    /// A token with an accepted algorithm that is not a compact JWS: the award is `invalid`.
    case malformed(reason: String)
}
