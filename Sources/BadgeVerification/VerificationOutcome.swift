/// How an award was proven, as recorded on it (the `verification` column): SPEC §4.4.
public enum VerificationOutcome: Sendable, Equatable {
    /// From the inbox: the issuing platform's own export.
    case trustedChannel
    /// From uploads, signed by a key of the award's own issuer.
    case verifiedBySignature
    /// From uploads, fetched from the issuer's own host.
    case verifiedHosted
    /// From uploads and not proven, with the reason.
    case unverified(reason: String)

    /// The text recorded on the award: `trusted-channel`, `verified-by-signature`,
    /// `verified-hosted`, or `unverified: reason`.
    public var recorded: String {
        switch self {
        case .trustedChannel: "trusted-channel"
        case .verifiedBySignature: "verified-by-signature"
        case .verifiedHosted: "verified-hosted"
        case .unverified(let reason): "unverified: \(reason)"
        }
    }

    /// True for the outcomes that let an upload be credited.
    public var isProven: Bool {
        switch self {
        case .trustedChannel, .verifiedBySignature, .verifiedHosted: true
        case .unverified: false
        }
    }
}
