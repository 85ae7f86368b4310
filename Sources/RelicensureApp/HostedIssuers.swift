import BadgeFetching
import BadgeVerification
import OpenBadges
import RelicensureStore

/// The trusted issuers that tonight's hosted fetches are scoped by (SPEC §4.4): profiles and
/// BadgeClass owners from the trusted catalog and from tonight's inbox files, which are read
/// ahead here because the scope of a fetch is decided before the night's transaction ingests them.
struct HostedIssuers {
    var profiles: [String: IssuerProfile] = [:]
    var badgeIssuers: [String: String] = [:]

    static func tonight(store: Store, session: Session) throws -> HostedIssuers {
        var issuers = HostedIssuers()
        let catalog = try store.trustedCatalog()
        issuers.badgeIssuers = catalog.badgeIssuers
        for profile in catalog.issuerDocuments.compactMap(UploadVerification.profile(fromJSON:)) {
            if let id = profile.id, issuers.profiles[id] == nil { issuers.profiles[id] = profile }
        }
        for (_, item) in NewBadgeFiles.items(in: session.configuration.inbox, seen: try store.seenFileHashes(from: .inbox),
                                              stamps: try store.fileStamps(from: .inbox)) {
            switch item.content {
            case .issuer(let profile): issuers.add(profile)
            case .badgeClass(let badgeClass): issuers.add(badgeClass)
            case .assertion(let assertion): assertion.badge.embedded.map { issuers.add($0) }
            default: continue
            }
        }
        return issuers
    }

    /// The issuers whose scope may hold `candidate`'s hosted assertion: the issuer it claims,
    /// only when a trusted source knows that issuer; for a bare URL (a baked image that names
    /// only its assertion), any trusted issuer. An issuer nobody trusted vouches for scopes
    /// nothing: its own origin would be any host an educator names.
    func issuers(for candidate: HostedCandidate) -> [String] {
        let trusted = Set(profiles.keys).union(badgeIssuers.values)
        let claims = [candidate.claimedIssuerID, candidate.claimedBadgeID.flatMap { badgeIssuers[$0] }].compactMap { $0 }
        guard !claims.isEmpty else { return trusted.sorted() }
        return Array(Set(claims).intersection(trusted)).sorted()
    }

    /// The scope `candidate`'s URL and every redirect hop must lie in.
    func scope(for candidate: HostedCandidate) -> FetchJob.Scope {
        let scopes = issuers(for: candidate).map { (id: $0, profile: profiles[$0]) }
        return { url in
            var firstViolation: String?
            for scope in scopes {
                guard let violation = HostedScope.violation(of: url, issuerID: scope.id, profile: scope.profile) else { return nil }
                firstViolation = firstViolation ?? violation
            }
            return firstViolation ?? "no trusted issuer profile or BadgeClass names the issuer it claims, so \(url) is not on a host known to be its issuer's"
        }
    }

    private mutating func add(_ profile: IssuerProfile) {
        if let id = profile.id { profiles[id] = profile }
    }

    private mutating func add(_ badgeClass: BadgeClass) {
        switch badgeClass.issuer {
        case .id(let id):
            if let badgeID = badgeClass.id { badgeIssuers[badgeID] = id }
        case .embedded(let issuer):
            add(issuer)
            if let badgeID = badgeClass.id, let id = issuer.id { badgeIssuers[badgeID] = id }
        }
    }
}
