import OpenBadges
import Relicensure
import RelicensureStore

/// Which awards a night evaluates (SPEC §5 "Every night again"). An award's outcome can change
/// only when something it depends on changed, so after a first night only those are evaluated
/// again; the result is the same as evaluating every waiting award, which the nightly tests
/// check night by night against a run that does (`RELICENSURE_FULL_EVALUATION=1`).
enum EvaluationScope {
    /// Every waiting award: no night recorded yet, the configuration changed, the as-of date is
    /// before the last night's, approval decisions were changed or removed in place, or the
    /// operator asked for it.
    case everything(reason: String)
    /// Only awards whose inputs changed since the last committed night.
    case changedSince(EvaluationBasis)

    /// `approvalsRewritten` is the count read now under the night's hold on the approvals
    /// (`Store.approvalsRewritten`, sql/023).
    static func decide(store: Store, session: Session, approvalsRewritten: Int64) throws -> EvaluationScope {
        if session.settings.fullEvaluation {
            return .everything(reason: "RELICENSURE_FULL_EVALUATION is set")
        }
        guard let basis = try store.evaluationBasis() else { return .everything(reason: "first night") }
        if basis.rulesKey != rulesKey(session) {
            return .everything(reason: "configuration or crediting rules changed")
        }
        if session.asOf < basis.asOf { return .everything(reason: "as-of date before the last night's") }
        // Added decisions are found by id and date; one changed or removed in place is not.
        guard let rewritten = basis.approvalsRewritten else {
            return .everything(reason: "the last night did not count approval decisions changed in place (before sql/023)")
        }
        if rewritten != approvalsRewritten {
            return .everything(reason: "approval decisions were changed or removed in the database since the last night")
        }
        return .changedSince(basis)
    }

    /// What must be the same as the last night's for waiting awards to keep their outcomes:
    /// the configuration file and the engine's rules.
    static func rulesKey(_ session: Session) -> String {
        "\(session.configChecksum) rules \(CreditingEngine.rulesVersion) reading \(RosterChanges.readingVersion)"
    }

    var basis: EvaluationBasis? {
        if case .changedSince(let basis) = self { return basis }
        return nil
    }
}

/// The roster as tonight's evaluation reads it, against how the last night read it: which
/// educators changed, and which addresses were added or removed.
struct RosterChanges: Sendable {
    /// Educators new or changed since the last night, as tonight reads them.
    var changed: [String: EvaluatedEducator] = [:]
    /// Educators the last night read who are no longer on the roster.
    var removed: [String] = []
    /// Addresses of changed or removed educators, before and after.
    var addresses: Set<String> = []

    /// No educator changed: the roster is at the revision the last night read.
    init() {}

    /// Compares tonight's roster with the fingerprints the last night recorded; `previous`
    /// reads the last night's addresses of the educators that differ (or left), the only
    /// ones whose addresses matter. A fingerprint holds every address and whether the
    /// educator is active, so an equal fingerprint is an unchanged reading.
    init(roster: [Educator], previousFingerprints: [String: String],
         previous: ([String]) throws -> [String: EvaluatedEducator]) rethrows {
        var present = Set<String>(minimumCapacity: roster.count)
        for educator in roster {
            present.insert(educator.id)
            let reading = Self.reading(educator)
            if previousFingerprints[educator.id] != reading.fingerprint { changed[educator.id] = reading }
        }
        removed = previousFingerprints.keys.filter { !present.contains($0) }.sorted()
        let before = try previous(changed.keys.filter { previousFingerprints[$0] != nil } + removed)
        for (id, reading) in changed {
            let was = before[id]
            // Who a badge's recipient matches depends only on addresses and who is active.
            if was?.emails != reading.emails || was?.active != reading.active {
                addresses.formUnion(reading.emails)
                addresses.formUnion(was?.emails ?? [])
            }
        }
        for id in removed { addresses.formUnion(before[id]?.emails ?? []) }
    }

    /// What crediting reads of an educator (SPEC §5): district, license type and term, whether
    /// active, and every address. Names and school do not change an outcome.
    static func reading(_ educator: Educator) -> EvaluatedEducator {
        // The fields joined by U+001F, built in one string (50,000 educators a night).
        let emails = educator.allEmails
        var fingerprint = educator.districtCode
        fingerprint.reserveCapacity(96)
        for field in [educator.licenseType ?? "", educator.term?.start.description ?? "",
                      educator.term?.end.description ?? "", educator.isActive ? "active" : "inactive"] + emails {
            fingerprint += "\u{1F}"
            fingerprint += field
        }
        return EvaluatedEducator(fingerprint: fingerprint, emails: emails, active: educator.isActive)
    }

    /// Changes whenever `reading` reads something else: every educator then counts as changed once.
    static let readingVersion = "1"

    /// Educators with an address that compares equal (trimmed, lower-cased) to one of
    /// `addresses`: a badge naming a changed address may have matched one of them alone.
    static func sharing(_ addresses: Set<String>, in roster: [Educator]) -> [String] {
        let changed = Set(addresses.map(RecipientDirectory.normalise))
        return roster.filter { educator in educator.allEmails.contains { changed.contains(RecipientDirectory.normalise($0)) } }
            .map(\.id)
    }

    /// The identities a badge naming one of `addresses` would carry: plain ones as compared
    /// (trimmed, lower-cased), hashed ones once per (algorithm, salt) stored, for every form of
    /// the address SPEC §5 step 2 tries.
    static func identities(of addresses: Set<String>, salts: [(algorithm: String, salt: String)])
        -> (plain: [String], hashed: [(identity: String, salt: String)]) {
        let plain = Set(addresses.map(RecipientDirectory.normalise)).sorted()
        var hashed: [(identity: String, salt: String)] = []
        for (name, salt) in salts {
            guard let algorithm = HashAlgorithm(rawValue: name) else { continue }
            for address in addresses.sorted() {
                for form in RecipientIdentity.candidates(for: address) {
                    let digest = RecipientIdentity.hash(form, salt: salt.isEmpty ? nil : salt, algorithm: algorithm)
                    hashed.append(("\(name)$\(digest)", salt))
                }
            }
        }
        return (plain, hashed)
    }
}
