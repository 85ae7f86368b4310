import Relicensure
import RelicensureStore
import Reports

/// The transcript page (SPEC §8): the same `Transcript` as `relicensure educator ID`, with the
/// district's decisions and the ledger entries (who posted each, and why).
struct TranscriptView: Sendable {
    struct Award: Sendable {
        let date, badge, issuer, outcomeCode, outcomeLabel, hours, reason: String
        let note: String?
        /// Who decided the badge for the district, and when (the latest decision).
        let decided: String?
    }

    struct Decision: Sendable {
        let decidedOn, decidedBy, badge, verdict, hours, note: String
    }

    struct Entry: Sendable {
        let postedOn, badge, action, kind, hours, reason, recordedBy: String
    }

    let title: String
    let chrome: Chrome
    let name, id, district: String
    let school: String?
    let asOf, statusCode, statusLabel, credited, other, otherFrom, total, required, remaining, license, term, jsonHref: String
    let awards: [Award]
    let hasAwards: Bool
    let decisions: [Decision]
    let hasDecisions: Bool
    let ledger: [Entry]
    let hasLedger: Bool

    init(chrome: Chrome, transcript: Transcript, history: EducatorHistory) {
        let person = transcript.educator
        title = "\(person.firstName) \(person.lastName)"
        self.chrome = chrome
        name = title
        id = person.id
        district = person.districtCode
        school = person.schoolName
        asOf = transcript.asOf.description
        statusCode = transcript.progress.status.rawValue
        statusLabel = Words.status(transcript.progress.status)
        credited = transcript.progress.credited.description
        other = transcript.progress.other.description
        otherFrom = transcript.otherHoursFrom
        total = transcript.progress.total.description
        required = transcript.progress.required.description
        remaining = transcript.progress.remaining.description
        license = person.licenseType?.capitalizedFirst ?? "Type not on record"
        term = person.term.map { "\($0.start) to \($0.end)" } ?? "No term on record"
        jsonHref = "/api" + Words.transcriptHref(person.id)
        var latest: [String: ApprovalDecision] = [:]
        for decision in history.decisions { latest[decision.badgeID] = decision }
        awards = transcript.awards.map { award in
            let decision = award.badgeID.flatMap { latest[$0] }
            return Award(date: award.awardDate?.description ?? "", badge: award.badgeName ?? award.badgeID ?? "Badge not known",
                  issuer: award.issuerName ?? award.issuerID ?? "Issuer not known", outcomeCode: award.outcome,
                  outcomeLabel: Words.outcome(award.outcome), hours: award.hours.description, reason: award.reason,
                  note: award.note,
                  decided: decision.map(Words.decision))
        }
        hasAwards = !awards.isEmpty
        let badgeNames = Dictionary(transcript.awards.compactMap { a in a.badgeID.map { ($0, a.badgeName ?? $0) } }) { x, _ in x }
        decisions = history.decisions.map { decision in
            Decision(decidedOn: decision.decidedOn.description, decidedBy: decision.decidedBy,
                     badge: badgeNames[decision.badgeID] ?? decision.badgeID, verdict: decision.verdict.rawValue.capitalizedFirst,
                     hours: decision.hours?.description ?? "", note: decision.note ?? "")
        }
        hasDecisions = !decisions.isEmpty
        ledger = history.entries.map { entry in
            Entry(postedOn: entry.postedOn.description, badge: entry.badgeName, action: entry.action.rawValue,
                  kind: entry.kind, hours: entry.hours.description, reason: entry.reason,
                  recordedBy: entry.recordedBy ?? "nightly run")
        }
        hasLedger = !ledger.isEmpty
    }
}
