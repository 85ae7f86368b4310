public import OpenBadges

/// An educator on a district's roster: who they are, where they work, and the license term
/// whose hours we count.
public struct Educator: Sendable, Hashable {
    /// The district's opaque id (leading zeros matter).
    public var id: String
    public var firstName: String
    public var lastName: String
    /// The primary e-mail address.
    public var email: String
    /// Other addresses the educator may have earned badges under.
    public var otherEmails: [String]
    public var districtCode: String
    public var schoolCode: String?
    public var schoolName: String?
    /// `continuing`, `advanced`, `initial`, … as the roster says, lower-cased.
    public var licenseType: String?
    /// The current license term, when the roster has one.
    public var term: LicenseTerm?
    public var isActive: Bool

    public init(id: String, firstName: String, lastName: String, email: String, otherEmails: [String] = [],
                districtCode: String, schoolCode: String? = nil, schoolName: String? = nil,
                licenseType: String? = nil, term: LicenseTerm? = nil, isActive: Bool = true) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.otherEmails = otherEmails
        self.districtCode = districtCode
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.licenseType = licenseType
        self.term = term
        self.isActive = isActive
    }

    /// Every address a badge may name, primary first.
    public var allEmails: [String] { [email] + otherEmails }

    /// Advanced-license holders renew through the National Board, not by hours.
    public var hasAdvancedLicense: Bool { licenseType?.lowercased() == "advanced" }
}

/// A license term: the first and last day, both included (SPEC §4.1).
public struct LicenseTerm: Sendable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The SQL twin is `in_license_term` (sql/012_rules.sql); RuleTwinTests holds the two together.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Days in the term, both ends included.
    public var length: Int { start.days(until: end) + 1 }
}
