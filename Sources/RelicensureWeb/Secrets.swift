import Foundation
import OpenBadges

/// Session ids, CSRF tokens and bearer tokens: 256 random bits from the system's generator.
enum Secrets {
    /// A new random value, 64 hexadecimal digits (safe in a cookie, a form and a header).
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// What the database keeps of a session id or token: its SHA-256, so that a copy of the
    /// tables opens no session.
    static func digest(_ secret: String) -> String {
        ContentHash.sha256Hex(Data(secret.utf8))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
