import Foundation

extension String {
    /// The text in Unicode's composed form (NFC): "e" followed by a combining acute accent
    /// becomes "é". ASCII text, which has one form, is returned as it is, without the cost.
    var composed: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
