public import Foundation

extension Decimal: PostgresEncodable {
    /// Decimal's description is locale independent (always a `.`), which `numeric` expects.
    public var postgresText: String { description }
}

extension UUID: PostgresEncodable {
    public var postgresText: String { uuidString }
}
