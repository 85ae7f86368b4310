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
    static let notSigned = "the badge is not signed and hosted badges are not fetched (verification.fetch is false), so an upload counts only when a key of its issuer signed it"

    /// `hosted`: what was fetched before the night's transaction (HostedFetches); an upload
    /// that no signature proves is judged by its hosted assertion when one was fetched.
    /// Returns the uploads whose hosted assertion did not prove them (award id → why), which
    /// wait out a back-off before they are fetched again.
    @discardableResult
    static func run(store: Store, session: Session, runID: Int64, hosted: HostedFetches) throws -> [String: String] {
        let logger = session.logger
        // Read even on a night without uploads: a broken key file is reported at once.
        let pinned = try pinnedKeys(session.configuration.verification)
        let copies = try store.uploadCopiesToVerify()
        guard !copies.isEmpty else { return [:] }
        let catalog = try store.trustedCatalog()
        let profiles = catalog.issuerDocuments.compactMap(profile(fromJSON:))
        let keyring = IssuerKeyring(pinned: pinned, trustedProfiles: profiles,
                                    trustedKeys: catalog.keyDocuments.compactMap(key(fromJSON:)))
        for problem in keyring.problems { logger.warning("issuer key not usable", metadata: ["problem": "\(problem)"]) }
        let profilesByID = Dictionary(profiles.compactMap { profile in profile.id.map { ($0, profile) } },
                                      uniquingKeysWith: { first, _ in first })

        var verdicts: [UploadVerdict] = []
        var hostedCopies: [IncomingAward] = []
        var unproven: [String: String] = [:]
        var days = ZonedDays(session.configuration.timeZone)
        var start = copies.startIndex
        while start < copies.endIndex {
            let awardID = copies[start].awardID
            let end = copies[start...].firstIndex { $0.awardID != awardID } ?? copies.endIndex
            var verdict = judge(copies[start..<end], keyring: keyring, badgeIssuers: catalog.badgeIssuers, logger: logger)
            if verdict.verification != .verifiedBySignature, let reason = hosted.waiting[awardID] {
                verdict = UploadVerdict(awardID: awardID, verification: .unverified(reason: reason))
            } else if verdict.verification != .verifiedBySignature, let result = hosted.results[awardID] {
                let claimed = copies[start..<end].lazy.compactMap { catalog.issuerID(named: $0.issuerID, badgeID: $0.badgeID) }.first
                switch HostedVerification.verdict(awardID: awardID, result: result, claimedIssuer: claimed,
                                                  badgeIssuers: catalog.badgeIssuers, profiles: profilesByID) {
                case .verified(let assertion, let body, let url, let issuerID):
                    let copy = BadgeIngest.incoming(assertion, source: .uploads, sha256: ContentHash.sha256Hex(body),
                                                    path: url, verification: .verifiedHosted, days: &days)
                    hostedCopies.append(copy)
                    verdict = UploadVerdict(awardID: awardID, verification: copy.verification, promotedCopy: copy.sourceSHA256,
                                            issuerID: issuerID, revoked: assertion.revoked)
                case .revoked(let issuerID):
                    verdict = UploadVerdict(awardID: awardID, verification: .verifiedHosted,
                                            issuerID: issuerID, revoked: true)
                case .unverified(let reason):
                    unproven[awardID] = reason
                    verdict = UploadVerdict(awardID: awardID, verification: .unverified(reason: reason))
                }
            }
            verdicts.append(verdict)
            start = end
        }
        try store.keep(hostedCopies: hostedCopies, runID: runID, seenOn: session.asOf)
        try store.record(verdicts, on: session.asOf)
        logger.info("uploads verified", metadata: [
            "checked": "\(verdicts.count)",
            "verified_by_signature": "\(verdicts.count(where: { $0.verification == .verifiedBySignature }))",
            "verified_hosted": "\(verdicts.count(where: { $0.verification == .verifiedHosted }))",
        ])
        return unproven
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
                return UploadVerdict(awardID: copy.awardID, verification: .verifiedBySignature,
                                     promotedCopy: copy.isCurrent ? nil : copy.sourceSHA256, issuerID: issuerID,
                                     revoked: revoked)
            case .unverified(let reason), .malformed(let reason):
                firstReason = firstReason ?? reason
            }
        }
        let reason = firstReason ?? notSigned
        return UploadVerdict(awardID: copies.first?.awardID ?? "", verification: .unverified(reason: reason))
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

    static func profile(fromJSON text: String) -> IssuerProfile? {
        guard case .issuer(let profile)? = BadgeReader.read(Array(text.utf8), fileName: "issuer.json").items.first?.content else { return nil }
        return profile
    }

    private static func key(fromJSON text: String) -> CryptographicKey? {
        guard case .cryptographicKey(let key)? = BadgeReader.read(Array(text.utf8), fileName: "key.json").items.first?.content else { return nil }
        return key
    }
}
