import Foundation
import OpenBadges

/// The VC-JWT rule of SPEC §4.4: the registered claims `iss`, `jti`, `nbf` and (when the
/// subject has an id) `sub` must say what the credential says. A claim the token leaves out
/// cannot disagree; `exp` is not compared, since an expired credential still shows the learning.
enum CredentialClaims {
    /// Why the claims and the credential disagree; `nil` when they agree or this is no VC-JWT.
    static func disagreement(in assertion: Assertion) -> String? {
        guard assertion.specVersion == .v3_0, assertion.signedToken != nil, let claims = assertion.tokenClaims else { return nil }
        let credential = assertion.document
        if let problem = compare("iss", claims["iss"], idOf(credential["issuer"]), "the credential's issuer") { return problem }
        if let problem = compare("jti", claims["jti"], credential["id"]?.stringValue, "the credential's id") { return problem }
        let subjects = (credential["credentialSubject"]?.asList ?? []).filter { $0.objectValue != nil }
        let subject = subjects.first { $0["achievement"] != nil } ?? subjects.first
        if let subjectID = subject?["id"]?.stringValue,
           let problem = compare("sub", claims["sub"], subjectID, "the credential subject's id") { return problem }
        if let nbf = claims["nbf"] {
            let field = credential["validFrom"] != nil ? "validFrom" : "issuanceDate"
            if let stated = credential[field], !stated.isNull {
                guard let notBefore = AwardInstant.parse(nbf), let from = AwardInstant.parse(stated),
                      sameMoment(notBefore, from) else {
                    return "the VC-JWT claim 'nbf' (\(nbf.serialized())) does not match the credential's \(field) (\(stated.serialized()))"
                }
            }
        }
        return nil
    }

    private static func compare(_ claim: String, _ value: JSONValue?, _ stated: String?, _ what: String) -> String? {
        guard let value, let stated else { return nil }
        guard value.stringValue == stated else {
            return "the VC-JWT claim '\(claim)' (\(value.serialized())) does not match \(what) (\(stated))"
        }
        return nil
    }

    /// An id written as a string or as an object's `id`.
    private static func idOf(_ value: JSONValue?) -> String? {
        value?.stringValue ?? value?["id"]?.stringValue
    }

    /// The same second (JWT NumericDate has no fractions), or the same UTC day for a date-only value.
    private static func sameMoment(_ first: AwardInstant, _ second: AwardInstant) -> Bool {
        switch (first, second) {
        case (.instant(let a), .instant(let b)):
            return a.timeIntervalSince1970.rounded(.down) == b.timeIntervalSince1970.rounded(.down)
        default:
            return first.calendarDate(in: .gmt) == second.calendarDate(in: .gmt)
        }
    }
}
