import Logging
import OpenBadges
import RelicensureStore

/// SPEC §5 step 3 for OB 3.0 credentials: an award whose `credentialStatus` names a
/// BitstringStatusListEntry or StatusList2021Entry with purpose `revocation` is revoked when its
/// bit is set in that status list credential — one from a trusted source (the inbox), issued by
/// the award's own issuer.
enum StatusListRevocation {
    static let entryTypes: Set<String> = ["BitstringStatusListEntry", "StatusList2021Entry"]

    static func revokedAwardIDs(store: Store, logger: Logger) throws -> Set<String> {
        let awards = try store.awardsWithCredentialStatus()
        guard !awards.isEmpty else { return [] }
        var lists: [String: StatusList] = [:]
        for text in try store.trustedStatusLists() {
            if case .statusList(let list)? = BadgeReader.read(Array(text.utf8), fileName: "status-list.json").items.first?.content,
               let id = list.id {
                lists[id] = list
            }
        }
        var revoked = Set<String>()
        for award in awards {
            guard let status = try? JSONValue(parsing: award.credentialStatus) else { continue }
            for entry in status.asList where isRevoked(entry, issuerID: award.issuerID, lists: lists, logger: logger) {
                revoked.insert(award.awardID)
            }
        }
        return revoked
    }

    /// True when `entry` is a revocation entry whose bit is set in its issuer's trusted list.
    static func isRevoked(_ entry: JSONValue, issuerID: String?, lists: [String: StatusList], logger: Logger) -> Bool {
        let types = Set((entry["type"]?.asList ?? []).compactMap(\.stringValue))
        guard !types.isDisjoint(with: entryTypes), entry["statusPurpose"]?.stringValue?.lowercased() == "revocation",
              let listID = entry["statusListCredential"]?.stringValue, let index = index(entry["statusListIndex"]) else {
            return false
        }
        guard let list = lists[listID] else { return false }
        guard let issuerID, list.issuerID == issuerID, list.purpose == nil || list.purpose == "revocation" else {
            logger.warning("status list of another issuer or purpose ignored", metadata: ["list": "\(listID)"])
            return false
        }
        return list.isSet(index) == true
    }

    /// `statusListIndex`: a non-negative integer, written as a number or a string of one.
    private static func index(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number, _)?: return number >= 0 && number.rounded() == number && number < 1e12 ? Int(number) : nil
        case .string(let text)?: return Int(text).flatMap { $0 >= 0 ? $0 : nil }
        default: return nil
        }
    }
}
