/// An account of the web door (SPEC §8): who logs in, and what they may see and decide.
public struct WebAccount: Sendable, Hashable {
    /// `state` (every district), `district` (one district) or `school` (one school).
    public enum Role: String, Sendable, CaseIterable {
        case state, district, school
    }

    public var login: String
    public var role: Role
    public var districtCode: String?
    public var schoolCode: String?
    /// May approve or deny external badges (never a `school` account).
    public var canApprove: Bool
    public var isDisabled: Bool

    public init(login: String, role: Role, districtCode: String? = nil, schoolCode: String? = nil,
                canApprove: Bool = false, isDisabled: Bool = false) {
        self.login = login
        self.role = role
        self.districtCode = districtCode
        self.schoolCode = schoolCode
        self.canApprove = canApprove
        self.isDisabled = isDisabled
    }

    /// The educators the account may see.
    public var scope: RosterScope {
        switch role {
        case .state: .everyone
        case .district: RosterScope(districtCode: districtCode)
        case .school: RosterScope(districtCode: districtCode, schoolCode: schoolCode)
        }
    }
}
