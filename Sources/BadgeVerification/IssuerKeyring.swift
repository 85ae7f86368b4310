public import OpenBadges

/// The keys of every issuer, from the two sources SPEC §4.4 allows: keys pinned for the issuer's
/// id in `verification.keys`, and keys the issuer's own profile lists in `publicKey` — written
/// out in the profile, or CryptographicKey documents named by id. Profiles and key documents
/// must come from a trusted source (the inbox); the caller passes no others.
public struct IssuerKeyring: Sendable {
    private var keysByIssuer: [String: [IssuerKey]]
    /// What could not be used, one sentence each, for the log: a key document missing or
    /// unreadable, a key whose `owner` is another issuer.
    public private(set) var problems: [String] = []

    /// `pinned`: keys by issuer id, already decoded from the configured files.
    public init(pinned: [String: [IssuerKey]], trustedProfiles: [IssuerProfile], trustedKeys: [CryptographicKey]) {
        keysByIssuer = pinned
        var documents: [String: CryptographicKey] = [:]
        for key in trustedKeys {
            if let id = key.id { documents[id] = key }
        }
        for profile in trustedProfiles {
            guard let issuerID = profile.id else { continue }
            let origin = "the profile of \(issuerID)"
            var listed = profile.embeddedKeys
            for keyID in profile.publicKeyIDs {
                guard let document = documents[keyID] else {
                    problems.append("key \(keyID) listed by \(origin) is not in the inbox")
                    continue
                }
                listed.append(document)
            }
            for document in listed {
                if let owner = document.owner, owner != issuerID {
                    problems.append("key \(document.id ?? "without id") listed by \(origin) belongs to \(owner); not used")
                    continue
                }
                do {
                    keysByIssuer[issuerID, default: []].append(try IssuerKeyDecoder.key(document, origin: origin))
                } catch {
                    problems.append(error.message)
                }
            }
        }
    }

    /// The keys of the issuer `issuerID`, pinned ones first.
    public func keys(for issuerID: String) -> [IssuerKey] {
        keysByIssuer[issuerID] ?? []
    }
}
