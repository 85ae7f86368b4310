/// The Open Badges version a document was written to (legacy shapes are read as the 1EdTech
/// validator upgrades them, but keep the version they came in).
public enum SpecVersion: String, Sendable, Hashable, CaseIterable {
    case v0_5 = "0.5", v1_0 = "1.0", v1_1 = "1.1", v2_0 = "2.0", v3_0 = "3.0"
}
