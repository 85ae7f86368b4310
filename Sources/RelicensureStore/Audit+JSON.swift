import Foundation
import Relicensure

extension Audit {
    /// The audit as the `jsonb` text the ledger and outcomes keep, keys sorted so that equal
    /// audits are equal text.
    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
