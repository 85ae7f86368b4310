import RelicensureStore

/// `relicensure migrate` (SPEC §7).
public enum Migrate {
    /// Applies pending migrations; returns their names.
    public static func run(session: Session) throws -> [String] {
        let store = try session.openStore(requireCurrentSchema: false)
        do {
            return try session.migrator().apply(to: store)
        } catch let error as StoreError {
            throw AppError(.failed, error.message)
        }
    }
}
