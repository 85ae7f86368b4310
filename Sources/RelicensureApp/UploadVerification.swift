import BadgeVerification
import Foundation
import Logging
import OpenBadges
import RelicensureConfig
import RelicensureStore

/// The night's proof of uploads (SPEC §4.4), run after tonight's files are merged and before
/// any award is evaluated. Every upload not yet proven is checked again against the keys known
/// tonight — pinned in `verification.keys`, or listed by issuer profiles from the inbox — so a
/// key that arrives later takes effect that night. Each copy of an award is tried; the first
/// that verifies becomes the award's row, and an unverified copy never shadows it.
enum UploadVerification {
    /// Why an unsigned upload is not credited.
    static let notSigned = "the badge is not signed; hosted badges are not fetched yet, so an upload counts only when a key of its issuer signed it"

    static func run(store: Store, session: Session) throws {
        let logger = session.logger
        // Read even on a night without uploads: a broken key file is reported at once.
        let pinned = try pinnedKeys(session.configuration.verification)
        let copies = try store.uploadCopiesToVerify()
        guard !copies.isEmpty else { return }
        let catalog = try store.trustedCatalog()
        let keyring = IssuerKeyring(pinned: pinned,
                                    trustedProfiles: catalog.issuerDocuments.compactMap(profile(fromJSON:)),
                                    trustedKeys: catalog.keyDocuments.compactMap(key(fromJSON:)))
        for problem in keyring.problems { logger.warning("issuer key not usable", metadata: ["problem": "\(problem)"]) }

        var verdicts: [UploadVerdict] = []
        var start = copies.startIndex
        while start < copies.endIndex {
            let awardID = copies[start].awardID
            let end = copies[start...].firstIndex { $0.awardID != awardID } ?? copies.endIndex
            verdicts.append(judge(copies[start..<end], keyring: keyring, badgeIssuers: catalog.badgeIssuers, logger: logger))
            start = end
        }
        try store.record(verdicts)
        let verified = verdicts.filter { $0.verification == VerificationOutcome.verifiedBySignature.recorded }.count
        logger.info("uploads verified", metadata: ["checked": "\(verdicts.count)", "verified_by_signature": "\(verified)"])
    }

    /// The verdict for one award from its copies, the current one first.
    static func judge(_ copies: ArraySlice<UploadCopy>, keyring: IssuerKeyring, badgeIssuers: [String: String],
                      logger: Logger) -> UploadVerdict {
        var firstReason: String?
        for copy in copies {
            let verdict: SignatureVerdict
            var issuerID: String?
            var revoked = false
            if let token = copy.signedToken, case .assertion(let assertion)? = BadgeReader.read(Array(token.utf8), fileName: "upload.jwt").items.first?.content {
                issuerID = AwardIssuer.id(of: assertion, trustedBadgeIssuers: badgeIssuers)
                revoked = assertion.revoked
                verdict = SignedBadgeVerifier.verify(assertion, issuerID: issuerID, keys: issuerID.map(keyring.keys(for:)) ?? [])
            } else {
                verdict = .unverified(reason: notSigned)
            }
            switch verdict {
            case .verified(let keyID, let origin, let rsaBits):
                if let rsaBits, rsaBits < 2048 {
                    logger.warning("an upload was verified with an RSA key under 2048 bits; ask the issuer for a stronger key",
                                   metadata: ["award": "\(copy.awardID)", "key": "\(keyID ?? origin)", "bits": "\(rsaBits)"])
                }
                return UploadVerdict(awardID: copy.awardID, verification: VerificationOutcome.verifiedBySignature.recorded,
                                     promotedCopy: copy.isCurrent ? nil : copy.sourceSHA256, issuerID: issuerID,
                                     revoked: revoked)
            case .unverified(let reason), .malformed(let reason):
                firstReason = firstReason ?? reason
            }
        }
        let reason = firstReason ?? notSigned
        return UploadVerdict(awardID: copies.first?.awardID ?? "", verification: VerificationOutcome.unverified(reason: reason).recorded)
    }

    /// The keys of `verification.keys`, decoded; a file that cannot be read or holds no usable
    /// key is a configuration error (exit 2) naming the file.
    static func pinnedKeys(_ settings: VerificationSettings) throws -> [String: [IssuerKey]] {
        var keys: [String: [IssuerKey]] = [:]
        for (issuerID, paths) in settings.keys {
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw AppError(.usage, "\(path): cannot read this key file (verification.keys for \(issuerID))")
                }
                do {
                    keys[issuerID, default: []] += try IssuerKeyDecoder.keys(inFile: [UInt8](data), origin: path)
                } catch {
                    throw AppError(.usage, "\(error.message) (verification.keys for \(issuerID))")
                }
            }
        }
        return keys
    }

    private static func profile(fromJSON text: String) -> IssuerProfile? {
        guard case .issuer(let profile)? = BadgeReader.read(Array(text.utf8), fileName: "issuer.json").items.first?.content else { return nil }
        return profile
    }

    private static func key(fromJSON text: String) -> CryptographicKey? {
        guard case .cryptographicKey(let key)? = BadgeReader.read(Array(text.utf8), fileName: "key.json").items.first?.content else { return nil }
        return key
    }
}
