public import OpenBadges

/// Which folder an item came from: the trusted inbox or educators' untrusted uploads (SPEC §4.4).
public enum BadgeSource: String, Sendable {
    case inbox
    case uploads
}

/// One award (or one unreadable item) as it goes into the `awards` table.
public struct IncomingAward: Sendable {
    public var awardID: String
    public var source: BadgeSource
    public var sourceSHA256: String
    public var sourcePath: String
    public var sourceLine: Int?
    public var specVersion: String?
    public var badgeID: String?
    public var badgeName: String?
    public var issuerID: String?
    public var issuerName: String?
    public var recipient: RecipientIdentity?
    public var awardedAt: String?
    public var awardDate: CalendarDate?
    public var expiresAt: String?
    public var revoked: Bool
    public var revocationReason: String?
    public var creditsEarned: Double?
    /// How the award was proven, or why not yet (the `verification` column).
    public var verification: VerificationOutcome
    /// Set for items that could not be read: the reason code.
    public var invalidDetail: String?
    public var documentJSON: String?
    /// The compact JWS the award came in, as received, so that an upload can be verified again.
    public var signedToken: String?

    public init(awardID: String, source: BadgeSource, sourceSHA256: String, sourcePath: String, sourceLine: Int? = nil,
                specVersion: String? = nil, badgeID: String? = nil, badgeName: String? = nil, issuerID: String? = nil,
                issuerName: String? = nil, recipient: RecipientIdentity? = nil, awardedAt: String? = nil,
                awardDate: CalendarDate? = nil, expiresAt: String? = nil, revoked: Bool = false,
                revocationReason: String? = nil, creditsEarned: Double? = nil, verification: VerificationOutcome = .trustedChannel,
                invalidDetail: String? = nil, documentJSON: String? = nil, signedToken: String? = nil) {
        self.awardID = awardID
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.sourcePath = sourcePath
        self.sourceLine = sourceLine
        self.specVersion = specVersion
        self.badgeID = badgeID
        self.badgeName = badgeName
        self.issuerID = issuerID
        self.issuerName = issuerName
        self.recipient = recipient
        self.awardedAt = awardedAt
        self.awardDate = awardDate
        self.expiresAt = expiresAt
        self.revoked = revoked
        self.revocationReason = revocationReason
        self.creditsEarned = creditsEarned
        self.verification = verification
        self.invalidDetail = invalidDetail
        self.documentJSON = documentJSON
        self.signedToken = signedToken
    }
}

/// A BadgeClass, issuer profile, key or revocation list for the catalog.
public struct IncomingCatalogDocument: Sendable {
    public enum Kind: String, Sendable {
        case badgeClass = "badge_class", issuer, key, revocationList = "revocation_list", statusList = "status_list"
    }

    public var kind: Kind
    public var documentID: String
    public var source: BadgeSource
    public var name: String?
    /// For a BadgeClass: its issuer's id; for a list or key: its owner.
    public var issuerID: String?
    public var documentJSON: String
    public var sourceSHA256: String

    public init(kind: Kind, documentID: String, source: BadgeSource, name: String?, issuerID: String?,
                documentJSON: String, sourceSHA256: String) {
        self.kind = kind
        self.documentID = documentID
        self.source = source
        self.name = name
        self.issuerID = issuerID
        self.documentJSON = documentJSON
        self.sourceSHA256 = sourceSHA256
    }
}

/// A revocation from a trusted source: a revocation-only document or a list entry.
public struct IncomingRevocation: Sendable {
    public var awardID: String
    /// The list's id, or "" for a revocation-only document.
    public var listID: String
    public var issuerID: String?
    public var reason: String?
    public var sourceSHA256: String

    public init(awardID: String, listID: String, issuerID: String?, reason: String?, sourceSHA256: String) {
        self.awardID = awardID
        self.listID = listID
        self.issuerID = issuerID
        self.reason = reason
        self.sourceSHA256 = sourceSHA256
    }
}

/// A file read tonight, recorded by content so that it is never read again.
public struct IncomingSourceFile: Sendable {
    public var sha256: String
    public var path: String
    public var source: BadgeSource
    public var sizeBytes: Int
    public var items: Int

    public init(sha256: String, path: String, source: BadgeSource, sizeBytes: Int, items: Int) {
        self.sha256 = sha256
        self.path = path
        self.source = source
        self.sizeBytes = sizeBytes
        self.items = items
    }
}

/// A file's path, size and stamp (modification time, change time and inode) when it was
/// hashed: the same on a later night means the same file, not read again.
public struct IncomingFileStamp: Sendable {
    public var source: BadgeSource
    public var path: String
    public var sizeBytes: Int
    public var stamp: String
    public var sha256: String

    public init(source: BadgeSource, path: String, sizeBytes: Int, stamp: String, sha256: String) {
        self.source = source
        self.path = path
        self.sizeBytes = sizeBytes
        self.stamp = stamp
        self.sha256 = sha256
    }

    /// What is compared with a stored stamp.
    public static func key(size: Int, stamp: String) -> String { "\(size) \(stamp)" }
}
