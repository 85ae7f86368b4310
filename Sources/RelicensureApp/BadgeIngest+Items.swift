import BadgeVerification
import Foundation
import OpenBadges
import RelicensureStore

extension BadgeIngest {
    /// Turns one read item into staged rows: an award, catalog documents, revocations.
    mutating func record(_ item: ReadItem, file: String, fileDigest: String, source: BadgeSource) {
        tally.items += 1
        let content = item.content.storageProblem.map(ReadContent.invalid) ?? item.content
        switch Self.screened(content, source: source) {
        case .assertion(let assertion):
            record(assertion, item: item, file: file, source: source)
        case .badgeClass(let badgeClass):
            stage(badgeClass, source: source, digest: item.sha256)
        case .issuer(let issuer):
            stage(issuer, source: source, digest: item.sha256)
        case .revocationList(let list):
            guard let id = list.id else {
                logger.warning("revocation list without an id ignored", metadata: ["file": "\(file)"])
                return
            }
            addToCatalog(IncomingCatalogDocument(kind: .revocationList, documentID: id, source: source, name: nil,
                                                   issuerID: list.issuerID, documentJSON: "{}",
                                                   sourceSHA256: item.sha256))
            // Nothing from uploads ever revokes anything (SPEC §4.4).
            guard source == .inbox else { return }
            for entry in list.revoked {
                revocations.append(IncomingRevocation(awardID: entry.id, listID: id, issuerID: list.issuerID,
                                                      reason: entry.reason, sourceSHA256: item.sha256))
            }
        case .statusList(let list):
            stage(list, source: source, digest: item.sha256, file: file)
        case .cryptographicKey(let key):
            guard let id = key.id else { return }
            addToCatalog(IncomingCatalogDocument(kind: .key, documentID: id, source: source, name: nil,
                                                   issuerID: key.owner, documentJSON: key.json.serialized(),
                                                   sourceSHA256: item.sha256))
        case .revocationNotice(let awardID):
            guard source == .inbox else {
                logger.info("revocation notice in uploads ignored: only the inbox revokes", metadata: ["file": "\(file)"])
                return
            }
            revocations.append(IncomingRevocation(awardID: awardID, listID: "", issuerID: nil, reason: nil,
                                                  sourceSHA256: item.sha256))
        case .assertionURL(let url):
            // A baked SVG that only points at its hosted assertion: the award exists, but its
            // content arrives only when the assertion is fetched from the issuer.
            awards.append(IncomingAward(awardID: url, source: source, sourceSHA256: item.sha256, sourcePath: file,
                                        sourceLine: item.line, verification: .hostedReference))
        case .invalid(let reason):
            tally.invalidItems += 1
            logger.warning("unreadable item", metadata: ["file": "\(file)", "line": "\(item.line.map(String.init) ?? "-")",
                                                         "detail": "\(reason.code)"])
            awards.append(IncomingAward(awardID: "sha256:" + item.sha256, source: source, sourceSHA256: fileDigest,
                                        sourcePath: file, sourceLine: item.line,
                                        revocationReason: nil, verification: .notRead,
                                        invalidDetail: reason.code, documentJSON: nil))
        }
    }

    private mutating func record(_ assertion: Assertion, item: ReadItem, file: String, source: BadgeSource) {
        // An upload is proven later the same night, against the keys known then (UploadVerification).
        let verification: VerificationOutcome = source == .inbox ? .trustedChannel : Self.uncheckedUpload
        var award = Self.incoming(assertion, source: source, sha256: item.sha256, path: file, verification: verification,
                                  days: &days)
        award.sourceLine = item.line
        award.revoked = assertion.revoked && source == .inbox
        if let badgeClass = assertion.badge.embedded {
            // A BadgeClass without an id is still one credential: name it by issuer and name
            // so that the duplicate rule can recognise a second award of it.
            award.badgeID = badgeClass.id ?? "urn:relicensure:badge:\(award.issuerID ?? "unknown-issuer"):\(badgeClass.name)"
            stage(badgeClass, source: source, digest: item.sha256)
        }
        awards.append(award)
    }

    /// The row of an award read from `assertion`; an embedded BadgeClass gives its name and
    /// issuer (its id, when it has none, is left to the caller).
    static func incoming(_ assertion: Assertion, source: BadgeSource, sha256: String, path: String, verification: VerificationOutcome,
                         days: inout ZonedDays) -> IncomingAward {
        let badgeClass = assertion.badge.embedded
        return IncomingAward(
            awardID: assertion.awardID, source: source, sourceSHA256: sha256, sourcePath: path,
            specVersion: assertion.specVersion.rawValue, badgeID: assertion.badge.id, badgeName: badgeClass?.name,
            issuerID: badgeClass?.issuer.id, issuerName: badgeClass?.issuer.embedded?.name, recipient: assertion.recipient,
            awardedAt: ZonedDays.utcText(assertion.awardedAt), awardDate: days.day(of: assertion.awardedAt),
            expiresAt: assertion.expires.map(ZonedDays.utcText), revoked: assertion.revoked,
            revocationReason: assertion.revocationReason, creditsEarned: assertion.creditsEarned,
            verification: verification, invalidDetail: nil, documentJSON: assertion.document.serialized(),
            signedToken: assertion.signedToken)
    }

    private mutating func stage(_ badgeClass: BadgeClass, source: BadgeSource, digest: String) {
        var issuerID: String?
        switch badgeClass.issuer {
        case .id(let id): issuerID = id
        case .embedded(let issuer):
            issuerID = issuer.id
            stage(issuer, source: source, digest: digest)
        }
        guard let id = badgeClass.id else { return }
        addToCatalog(IncomingCatalogDocument(kind: .badgeClass, documentID: id, source: source, name: badgeClass.name,
                                               issuerID: issuerID, documentJSON: badgeClass.document.serialized(),
                                               sourceSHA256: digest))
    }

    private mutating func stage(_ issuer: IssuerProfile, source: BadgeSource, digest: String) {
        guard let id = issuer.id else { return }
        addToCatalog(IncomingCatalogDocument(kind: .issuer, documentID: id, source: source, name: issuer.name,
                                               issuerID: id, documentJSON: issuer.document.serialized(),
                                               sourceSHA256: digest))
    }
}
