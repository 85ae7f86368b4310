/// What a document's `@context` says about the vocabulary it is written in.
enum JSONLDContext: Equatable {
    /// No `@context` (OB 0.5 and 1.0 documents).
    case absent
    /// `https://w3id.org/openbadges/v1` (OB 1.1).
    case openBadgesV1
    /// `https://w3id.org/openbadges/v2` (OB 2.0), or a context written inline as an object.
    case openBadgesV2
    /// A Verifiable Credentials context (VC 1.1 or 2.0) or an OB 3.0 context.
    case verifiableCredentials
    /// Only contexts we do not know.
    case unknown(String)

    init(_ value: JSONValue?) {
        guard let value else {
            self = .absent
            return
        }
        var found: [JSONLDContext] = []
        var firstUnknown: String?
        for entry in value.asList {
            switch entry {
            case .string(let url):
                let known = JSONLDContext.classify(url)
                if let known { found.append(known) } else if firstUnknown == nil { firstUnknown = url }
            case .object:
                // An inline context (as the 1EdTech validator's test issuers carry): OB 2.0 terms.
                found.append(.openBadgesV2)
            default:
                continue
            }
        }
        if found.contains(.verifiableCredentials) {
            self = .verifiableCredentials
        } else if found.contains(.openBadgesV2) {
            self = .openBadgesV2
        } else if found.contains(.openBadgesV1) {
            self = .openBadgesV1
        } else {
            self = .unknown(firstUnknown ?? value.serialized())
        }
    }

    private static func classify(_ url: String) -> JSONLDContext? {
        // The common contexts, compared whole before anything is allocated.
        switch url {
        case "https://w3id.org/openbadges/v2": return .openBadgesV2
        case "https://w3id.org/openbadges/v1": return .openBadgesV1
        case "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/2018/credentials/v1": return .verifiableCredentials
        default: break
        }
        var address = Substring(url)
        for scheme in ["https://", "http://"] where address.hasPrefix(scheme) {
            address = address.dropFirst(scheme.count)
        }
        let v2 = ["w3id.org/openbadges/v2", "openbadgespec.org/v2/context.json"]
        let v1 = ["w3id.org/openbadges/v1", "openbadgespec.org/v1/context.json"]
        let credentials = ["www.w3.org/2018/credentials/v1", "www.w3.org/ns/credentials/v2",
                           "purl.imsglobal.org/spec/ob/v3p0/", "imsglobal.github.io/openbadges-specification/"]
        if v2.contains(where: { address == $0 || address == $0 + "/" }) { return .openBadgesV2 }
        if v1.contains(where: { address == $0 || address == $0 + "/" }) { return .openBadgesV1 }
        if credentials.contains(where: { address.hasPrefix($0) }) { return .verifiableCredentials }
        // Contexts that only add terms (security suites, extensions) neither make nor break a badge.
        return nil
    }
}
