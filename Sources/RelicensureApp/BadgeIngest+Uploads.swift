import BadgeVerification
import OpenBadges
import RelicensureStore

extension BadgeIngest {
    /// What an upload is recorded as until the night's verification has judged it.
    static let uncheckedUpload = VerificationOutcome.unverified(reason: "not checked yet")

    /// An upload whose token names an accepted algorithm but is not a compact JWS is `invalid`
    /// (SPEC §4.4). It is recorded under its content hash, like any unreadable item, so that a
    /// broken copy can never take the id of a genuine award and shadow it.
    static func screened(_ content: ReadContent, source: BadgeSource) -> ReadContent {
        guard source == .uploads, case .assertion(let assertion) = content,
              let problem = SignedBadgeVerifier.malformation(of: assertion) else { return content }
        return .invalid(InvalidReason(code: InvalidReason.Code.badToken, message: "The token is malformed: \(problem)."))
    }
}
