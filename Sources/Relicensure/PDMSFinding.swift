/// What a reconciliation with PDMS finds (SPEC §9): a difference between what we credited and
/// exported and what the latest PDMS transcript import holds.
public enum PDMSFinding: String, Sendable, CaseIterable, Codable {
    /// A credit exported longer ago than `pdms.grace_days` whose hours PDMS does not hold.
    case missingInPDMS = "missing_in_pdms"
    /// A credit we reversed that PDMS still holds.
    case reversedButInPDMS = "reversed_but_in_pdms"
    /// PDMS holds our credit with other hours.
    case hoursDiffer = "hours_differ"
    /// A PDMS row naming a micro-credential that no award of ours accounts for.
    case unknownToUs = "unknown_to_us"

    /// One sentence for HR: what to key into PDMS, or whom to ask; `batch` is the PDMS batch
    /// that carried the credit, named so that HR can find its file.
    public func whatToDo(batch: Int64?) -> String {
        switch self {
        case .missingInPDMS:
            "Key this credit into PDMS from batch \(batch.map(String.init) ?? "N")'s file "
                + "(relicensure export pdms --batch \(batch.map(String.init) ?? "N") writes it again)."
        case .reversedButInPDMS: "Remove this credit from PDMS (or key the REVERSE row of its batch): we reversed it."
        case .hoursDiffer: "Correct the hours in PDMS to ours, or correct ours (relicensure correct) if PDMS is right."
        case .unknownToUs: "Ask the educator or the issuer for the badge so that it reaches our inbox, or check the PDMS row."
        }
    }
}
