import OpenBadges
import Relicensure

/// Small builders that keep each engine test to the facts it is about.
enum Fixture {
    static let ddoeIssuer = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let nea = "https://api.badgr.io/public/issuers/nea"
    static let dp = "https://badges.digitalpromise.org/issuers/dp"

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static func hours(_ value: Int) -> ClockHours { ClockHours(value) }

    static func educator(_ id: String, email: String? = nil, district: String = "31", term: (String, String)? = ("2022-07-01", "2027-06-30"),
                         active: Bool = true, others: [String] = []) -> Educator {
        Educator(id: id, firstName: "First\(id)", lastName: "Last\(id)", email: email ?? "e\(id)@k12.de.us",
                 otherEmails: others, districtCode: district,
                 term: term.map { LicenseTerm(start: date($0.0), end: date($0.1)) }, isActive: active)
    }

    static func award(_ id: String, to email: String, badge: String = "b1", issuer: String = ddoeIssuer,
                      on day: String = "2026-10-01", revoked: Bool = false,
                      readiness: AwardFacts.Readiness = .ready) -> AwardFacts {
        AwardFacts(awardID: id, readiness: readiness, badgeID: badge, badgeName: "Badge \(badge)", issuerID: issuer,
                   issuerName: "Issuer", awardDate: date(day),
                   recipient: RecipientIdentity(type: "email", identity: email, hashed: false, salt: nil),
                   isRevoked: revoked)
    }

    static func rules(stateCap: Int? = nil, districts: [DistrictRules] = []) -> CreditingRules {
        CreditingRules(requiredHours: hours(90), microCredentialCap: stateCap.map { hours($0) },
                       ddoe: DDOERule(hoursPerCredential: hours(10), issuerIDs: [ddoeIssuer]),
                       districts: Dictionary(uniqueKeysWithValues: districts.map { ($0.code, $0) }))
    }

    static func neaDistrict(approval: ApprovalMode = .perEducator, issuerCap: Int? = nil, externalCap: Int? = nil,
                            from: String? = nil, until: String? = nil, badgeHours: [String: ClockHours] = [:]) -> DistrictRules {
        DistrictRules(code: "31", name: "Red Clay", externalCap: externalCap.map { hours($0) }, issuers: [
            IssuerRule(issuerID: nea, name: "NEA", hours: hours(10), badgeHours: badgeHours, approval: approval,
                       from: from.map(date), until: until.map(date), cap: issuerCap.map { hours($0) }),
        ])
    }

    static func approval(_ id: Int64, educator: String, badge: String, _ verdict: ApprovalDecision.Verdict,
                         on day: String = "2026-10-05", hours: Int? = nil) -> ApprovalDecision {
        ApprovalDecision(id: id, educatorID: educator, badgeID: badge, verdict: verdict,
                         hours: hours.map { ClockHours($0) }, decidedBy: "HR", decidedOn: date(day))
    }

    static func input(asOf: String = "2026-11-20", rules: CreditingRules = rules(), roster: [Educator],
                      approvals: [ApprovalDecision] = [], standing: [StandingCredit] = [],
                      revoked: Set<String> = [], awards: [AwardFacts]) -> CreditingInput {
        CreditingInput(asOf: date(asOf), rules: rules, roster: roster, approvals: ApprovalBook(approvals),
                       standing: standing, revokedAwardIDs: revoked, awards: awards)
    }
}

extension CreditingResult {
    func outcome(of awardID: String) -> Outcome? { decisions.last { $0.awardID == awardID }?.outcome }
    func decision(of awardID: String) -> Decision? { decisions.last { $0.awardID == awardID } }
    var addedHours: ClockHours { postings.filter { $0.action == .add }.reduce(.zero) { $0 + $1.hours } }
}
