public import Foundation
import Relicensure

extension Transcript {
    /// For a person at a terminal: who, the term, the hours, then every award with its outcome
    /// in plain words.
    public var text: String {
        let person = educator
        var lines = ["\(person.firstName) \(person.lastName) (educator \(person.id), district \(person.districtCode)"
                     + (person.schoolName.map { ", \($0)" } ?? "") + ")"]
        if let term = person.term {
            lines.append("License: \(person.licenseType ?? "type not on record"), term \(term.start) to \(term.end)")
        } else {
            lines.append("License: \(person.licenseType ?? "type not on record"), no term on record")
        }
        lines.append("As of \(asOf): \(progress.credited) hours credited in the term + \(progress.other) other hours "
                     + "(\(otherHoursFrom)) = \(progress.total) of \(progress.required) required, "
                     + "\(progress.remaining) remaining; status \(progress.status.rawValue).")
        if !otherActivities.isEmpty {
            lines.append("")
            lines.append("Activities in PDMS (\(otherHoursFrom)):")
            for other in otherActivities {
                let activity = other.activity
                lines.append("  \(activity.completionDate)  \(activity.activityTitle)"
                             + (activity.provider.map { " — \($0)" } ?? "") + ", \(activity.clockHours) h"
                             + (other.notCounted.map { " (not counted: \($0))" } ?? ""))
            }
        }
        guard !awards.isEmpty else {
            lines.append("No awards on record.")
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append("Awards:")
        for award in awards {
            let badge = award.badgeName ?? award.badgeID ?? "badge not known"
            let issuer = award.issuerName ?? award.issuerID ?? "issuer not known"
            lines.append("  \(award.awardDate?.description ?? "no date")  \(badge) — \(issuer)")
            lines.append("      \(award.outcome), \(award.hours) h: \(award.reason)")
            lines.append("      \(award.awardID)")
        }
        return lines.joined(separator: "\n")
    }

    /// The one JSON object of SPEC §6, with exactly its keys (and where the other hours come
    /// from: `other_hours_from`, `pdms_imported_on`); absent values are `null`.
    public func json() throws -> Data {
        let person = educator
        let object: [String: Any] = [
            "educator_id": person.id,
            "first_name": person.firstName,
            "last_name": person.lastName,
            "district_code": person.districtCode,
            "license": [
                "type": ReportValue.text(person.licenseType).jsonValue,
                "start": ReportValue.date(person.term?.start).jsonValue,
                "end": ReportValue.date(person.term?.end).jsonValue,
            ],
            "required_hours": ReportValue.hours(progress.required).jsonValue,
            "credited_hours": ReportValue.hours(progress.credited).jsonValue,
            "other_hours": ReportValue.hours(progress.other).jsonValue,
            "total_hours": ReportValue.hours(progress.total).jsonValue,
            "other_hours_from": otherHoursFrom,
            "pdms_imported_on": ReportValue.date(pdmsImportedOn).jsonValue,
            "remaining_hours": ReportValue.hours(progress.remaining).jsonValue,
            "status": progress.status.rawValue,
            "awards": awards.map { award -> [String: Any] in
                var entry: [String: Any] = [
                    "award_id": award.awardID,
                    "badge_id": ReportValue.text(award.badgeID).jsonValue,
                    "badge_name": ReportValue.text(award.badgeName).jsonValue,
                    "issuer_id": ReportValue.text(award.issuerID).jsonValue,
                    "issuer_name": ReportValue.text(award.issuerName).jsonValue,
                    "award_date": ReportValue.date(award.awardDate).jsonValue,
                    "outcome": award.outcome,
                    "hours": ReportValue.hours(award.hours).jsonValue,
                    "reason": award.reason,
                ]
                if let note = award.note { entry["note"] = note }
                return entry
            },
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
