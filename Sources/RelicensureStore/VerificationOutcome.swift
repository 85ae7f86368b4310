/// How an award was proven, as recorded on it (the `verification` column): SPEC §4.4. The
/// night carries this value from the row it reads to the verdict it writes; the column's text
/// is made and read here only (`recorded`, `init(recorded:)`).
public enum VerificationOutcome: Sendable, Hashable {
    /// From the inbox: the issuing platform's own export.
    case trustedChannel
    /// From uploads, signed by a key of the award's own issuer.
    case verifiedBySignature
    /// From uploads, fetched from the issuer's own host.
    case verifiedHosted
    /// From uploads and not proven, with the reason.
    case unverified(reason: String)
    /// Known only by its hosted assertion's URL (a baked SVG that points at it): the award's
    /// content arrives when the assertion is fetched.
    case hostedReference
    /// An item that could not be read: the award's `invalid_detail` says why.
    case notRead

    /// The text recorded on the award: `trusted-channel`, `verified-by-signature`,
    /// `verified-hosted`, `unverified: reason`, `hosted-reference` or `not-read`.
    public var recorded: String {
        switch self {
        case .trustedChannel: "trusted-channel"
        case .verifiedBySignature: "verified-by-signature"
        case .verifiedHosted: "verified-hosted"
        case .unverified(let reason): "unverified: \(reason)"
        case .hostedReference: "hosted-reference"
        case .notRead: "not-read"
        }
    }

    /// The outcome `recorded` wrote, or `nil` for text no version of relicensure records.
    /// Any text beginning `unverified` is unverified, its reason after the `:` and spaces.
    public init?(recorded text: String) {
        switch text {
        case "trusted-channel": self = .trustedChannel
        case "verified-by-signature": self = .verifiedBySignature
        case "verified-hosted": self = .verifiedHosted
        case "hosted-reference": self = .hostedReference
        case "not-read": self = .notRead
        default:
            guard text.hasPrefix("unverified") else { return nil }
            self = .unverified(reason: String(text.dropFirst("unverified".count).drop { $0 == ":" || $0 == " " }))
        }
    }

    /// The outcome recorded on award `awardID`; text no version records is an error rather than
    /// a guess, since a wrong guess could credit an unproven upload.
    static func stored(_ text: String, awardID: String) throws -> VerificationOutcome {
        guard let outcome = VerificationOutcome(recorded: text) else {
            throw StoreError("award \(awardID) has a verification this version does not know: \(text)")
        }
        return outcome
    }

    /// True for an upload proven by its issuer's signature or host. The SQL twin is
    /// `verification_is_verified` (sql/012_rules.sql); RuleTwinTests holds the two together.
    public var isVerified: Bool { self == .verifiedBySignature || self == .verifiedHosted }

    /// True for the outcomes that let an upload be credited.
    public var isProven: Bool {
        switch self {
        case .trustedChannel, .verifiedBySignature, .verifiedHosted: true
        case .unverified, .hostedReference, .notRead: false
        }
    }
}
