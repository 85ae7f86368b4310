import Postgres

/// Which educators an account of the web door may see (SPEC §8): every district, one
/// district, or one school of one district. Every scoped query applies it in its SQL.
public struct RosterScope: Sendable, Hashable {
    public var districtCode: String?
    public var schoolCode: String?

    public init(districtCode: String? = nil, schoolCode: String? = nil) {
        self.districtCode = districtCode
        self.schoolCode = schoolCode
    }

    /// Every educator (a `state` account, and the command line).
    public static let everyone = RosterScope()

    /// The condition that limits the educators table aliased `alias` to the scope, with the
    /// district code as parameter `$n` and the school code as `$(n+1)` (see `parameters`).
    func condition(on alias: String, firstParameter n: Int) -> String {
        "($\(n)::text IS NULL OR \(alias).district_code = $\(n)) AND ($\(n + 1)::text IS NULL OR \(alias).school_code = $\(n + 1))"
    }

    /// The two parameters `condition` refers to, in order.
    var parameters: [(any PostgresEncodable)?] { [districtCode, schoolCode] }
}

extension PostgresQuery.StringInterpolation {
    /// Appends the condition that limits the educators table aliased `alias` to `scope`.
    mutating func appendInterpolation(_ scope: RosterScope, on alias: String) {
        appendInterpolation(fragment: { scope.condition(on: alias, firstParameter: $0) }, parameters: scope.parameters)
    }
}
