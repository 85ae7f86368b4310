import OpenBadges
import RelicensureStore

extension BadgeIngest {
    /// A status list credential goes to the catalog under its id; only a trusted copy (the
    /// inbox) ever revokes anything (SPEC §4.4, §5 step 3).
    mutating func stage(_ list: StatusList, source: BadgeSource, digest: String, file: String) {
        guard let id = list.id else {
            logger.warning("status list without an id ignored", metadata: ["file": "\(file)"])
            return
        }
        addToCatalog(IncomingCatalogDocument(kind: .statusList, documentID: id, source: source, name: nil,
                                               issuerID: list.issuerID, documentJSON: list.document.serialized(),
                                               sourceSHA256: digest))
    }
}
