public import OpenBadges
public import Relicensure
public import RelicensureStore
public import Reports

/// `relicensure educator ID-or-EMAIL` (SPEC §6): one educator's transcript as of the session's
/// as-of date. The web door's transcript page and its JSON twin are made by the same code.
public enum EducatorTranscript {
    /// The transcript of the educator `key` names by id or e-mail address. An unknown key, or
    /// an address several educators share, is a usage error (exit 2) that says what to give.
    public static func build(session: Session, key: String) throws -> Transcript {
        let store = try session.openStore()
        let asOf = session.asOf
        return try store.readingSnapshot {
            let ids = try store.educatorIDs(idOrEmail: key)
            guard ids.count <= 1 else {
                throw AppError(.usage, "The e-mail address '\(key)' belongs to \(ids.count) educators "
                               + "(\(ids.joined(separator: ", "))); give the educator id instead")
            }
            guard let id = ids.first,
                  let transcript = try transcript(store: store, educatorID: id,
                                                  required: session.configuration.rules.requiredHours, asOf: asOf) else {
                throw AppError(.usage, "No educator has the id or e-mail address '\(key)'; "
                               + "check the spelling, or import the roster that lists them")
            }
            return transcript
        }
    }

    /// The transcript of the educator with this id when they are in `scope`; `nil` when they are
    /// not, exactly as when there is no such educator (SPEC §8).
    public static func build(store: Store, educatorID: String, scope: RosterScope, required: ClockHours,
                             asOf: CalendarDate) throws -> Transcript? {
        try store.readingSnapshot { () throws -> Transcript? in
            guard try store.isEducator(educatorID, in: scope) else { return nil }
            return try transcript(store: store, educatorID: educatorID, required: required, asOf: asOf)
        }
    }

    private static func transcript(store: Store, educatorID id: String, required: ClockHours,
                                   asOf: CalendarDate) throws -> Transcript? {
        guard let educator = try store.educator(idOrEmail: id), educator.id == id else { return nil }
        let hours = try store.educatorHours(asOf: asOf, month: ReportMonth(containing: asOf), educatorID: id)
        let pdms = try PDMSHours.read(store: store, asOf: asOf, educatorID: id)
        let progress = Progress(educator: educator, credited: hours[id]?.term ?? .zero, other: pdms.other(id),
                                required: required, asOf: asOf)
        let awards = try store.awards(.educator(id), asOf: asOf).map { award in
            Transcript.Award(awardID: award.awardID, badgeID: award.badgeID, badgeName: award.badgeName,
                             issuerID: award.issuerID, issuerName: award.issuerName, awardDate: award.awardDate,
                             outcome: award.outcome ?? "not_evaluated", hours: award.hours ?? .zero,
                             reason: MonthlySheets.reason(award),
                             note: award.outcome == Outcome.credited.rawValue && award.reason == "capped" ? "capped" : nil)
        }
        let activities = try pdms.snapshot.map { snapshot in
            try store.pdmsActivities(of: snapshot, educatorID: id, asOf: asOf).map { activity, ours, inTerm in
                Transcript.OtherActivity(activity: activity, notCounted: ours.map { "our own credit \($0)" }
                    ?? (inTerm ? nil : "outside the license term"))
            }
        } ?? []
        return Transcript(educator: educator, asOf: asOf, progress: progress, awards: awards,
                          pdmsImportedOn: pdms.snapshot?.importedOn, otherActivities: activities)
    }
}
