/// A related document (an assertion's BadgeClass, a BadgeClass's issuer): written out in full
/// inside the document, or named by its id, to be resolved from the catalog of documents read.
///
/// An object that has an `id` but no `name` is read as a reference by id, not as an embedded
/// document: OB 2.0 allows `"badge": {"id": "…"}` for `"badge": "…"`.
public enum Reference<Document: Sendable>: Sendable {
    case embedded(Document)
    case id(String)

    /// The embedded document, when there is one.
    public var embedded: Document? {
        if case .embedded(let document) = self { return document }
        return nil
    }
}

extension Reference where Document == BadgeClass {
    /// The BadgeClass / Achievement id, embedded or referenced (`nil` for an embedded legacy class without one).
    public var id: String? {
        switch self {
        case .embedded(let badge): return badge.id
        case .id(let id): return id
        }
    }
}

extension Reference where Document == IssuerProfile {
    /// The issuer id, embedded or referenced (`nil` for an embedded legacy issuer without one).
    public var id: String? {
        switch self {
        case .embedded(let issuer): return issuer.id
        case .id(let id): return id
        }
    }
}
