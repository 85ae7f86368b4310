/// The error fields of a server error, as `PQresultErrorField` names them.
///
/// postgres_ext.h defines these as character macros (`PG_DIAG_SQLSTATE` is `'C'`), which Swift
/// cannot import, so the same characters are spelled here.
enum DiagnosticField {
    static let sqlState = code("C")
    static let messagePrimary = code("M")
    static let messageDetail = code("D")
    static let messageHint = code("H")
    static let tableName = code("t")
    static let constraintName = code("n")

    private static func code(_ character: Unicode.Scalar) -> Int32 {
        Int32(character.value)
    }
}
