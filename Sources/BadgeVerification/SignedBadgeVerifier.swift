public import OpenBadges

/// Checks the signature of a signed badge (OB 2.0 signed assertion, OB 3.0 VC-JWT, bare or
/// baked) against the keys of the award's own issuer, exactly as SPEC §4.4 says:
///
/// - the header's `alg` must be RS256, ES256 or EdDSA (any case), and the header must mark no
///   extension critical (`crit`, RFC 7515 §4.1.11), else `unverified`;
/// - then the token must be three base64url segments without padding, else `malformed`;
/// - a `kid` (or, for OB 2.0, `verification.creator`; `kid` wins) selects the key with that id,
///   keys without an id are always tried, and without either every key is tried;
/// - the signature is checked over the first two segments exactly as received;
/// - keys the token carries (`jwk`, `x5c`, `jku`) are never looked at;
/// - a VC-JWT's `iss`, `jti`, `nbf` and `sub` must match its credential.
public enum SignedBadgeVerifier {
    /// The verdict for `assertion`, whose issuer is `issuerID` (nil when no trusted source says
    /// who issued it), given that issuer's keys.
    public static func verify(_ assertion: Assertion, issuerID: String?, keys: [IssuerKey]) -> SignatureVerdict {
        guard let token = assertion.signedToken, let header = assertion.tokenHeader else {
            return .unverified(reason: "the badge is not signed, and an upload is credited only when a key of its issuer signed it")
        }
        let algorithm: SigningAlgorithm
        switch acceptedAlgorithm(header) {
        case .success(let accepted): algorithm = accepted
        case .failure(let refusal): return .unverified(reason: refusal.reason)
        }
        let parts: CompactSignature
        do {
            parts = try CompactSignature(token: token)
        } catch {
            return .malformed(reason: error.reason)
        }
        guard let issuerID else {
            return .unverified(reason: "no trusted source says who issued it (its BadgeClass is not in the inbox), so no key can vouch for it")
        }
        let keyID = header["kid"]?.stringValue ?? (assertion.specVersion == .v3_0 ? nil : assertion.verification.creator)
        let candidates = keys.filter { $0.algorithm == algorithm && ($0.id == nil || keyID == nil || $0.id == keyID) }
        guard !candidates.isEmpty else {
            let selection = keyID.map { " with id \($0)" } ?? ""
            return .unverified(reason: "no \(algorithm.rawValue) key\(selection) of issuer \(issuerID) is on file (\(keys.count) key\(keys.count == 1 ? "" : "s") known)")
        }
        guard let key = candidates.first(where: { $0.material.isValidSignature(parts.signature, for: parts.signingInput) }) else {
            return .unverified(reason: "the signature does not check with any \(algorithm.rawValue) key of issuer \(issuerID) (\(candidates.count) tried)")
        }
        if let disagreement = CredentialClaims.disagreement(in: assertion) { return .unverified(reason: disagreement) }
        return .verified(keyID: key.id, origin: key.origin, rsaBits: key.rsaBits)
    }

    /// Why a signed upload is malformed, found without any key: an accepted algorithm whose
    /// token is not a compact JWS. `nil` for unsigned badges, other algorithms and good tokens.
    public static func malformation(of assertion: Assertion) -> String? {
        guard let token = assertion.signedToken, let header = assertion.tokenHeader,
              case .success = acceptedAlgorithm(header) else { return nil }
        do {
            _ = try CompactSignature(token: token)
            return nil
        } catch {
            return error.reason
        }
    }

    private static func acceptedAlgorithm(_ header: JSONValue) -> Result<SigningAlgorithm, TokenProblem> {
        guard let name = header["alg"]?.stringValue else {
            return .failure(TokenProblem("the token's header names no algorithm ('alg')"))
        }
        guard let algorithm = SigningAlgorithm(headerName: name) else {
            return .failure(TokenProblem("the token's algorithm '\(name)' is not accepted (only RS256, ES256 and EdDSA are)"))
        }
        // RFC 7515 §4.1.11: extensions marked critical must be understood, and none are here.
        if let critical = header["crit"] {
            return .failure(TokenProblem("the token marks extensions critical (crit \(critical.serialized())), which this product does not understand"))
        }
        return .success(algorithm)
    }
}
