import Relicensure

/// What `relicensure --version` prints: the program's version and the crediting rules' version
/// (a change of rules re-evaluates every waiting award; SPEC §5).
public enum ProductVersion {
    /// The program's version; its minor number follows the SPEC version it implements.
    public static let number = "0.7.0"

    public static var line: String {
        "relicensure \(number) (SPEC v7), crediting rules \(CreditingEngine.rulesVersion)"
    }
}
