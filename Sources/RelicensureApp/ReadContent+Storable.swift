#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OpenBadges

/// What PostgreSQL cannot store must not stop the night: one NUL character in a badge's name,
/// or a number like `1e999999` in any field of a document, used to make the night's COPY fail
/// and the whole run with it (docs/RELIABILITY.md, hostile input). Such a document is recorded
/// as one `invalid` item instead, like any other unreadable document.
extension ReadContent {
    /// Why the document cannot be stored as it is, or nil when it can.
    var storageProblem: InvalidReason? {
        if holdsNULCharacter {
            return InvalidReason(code: "nul_character",
                                 message: "The document holds a NUL character (U+0000), which cannot be stored; export the badge again.")
        }
        if holdsHugeNumber {
            return InvalidReason(code: "number_out_of_range",
                                 message: "The document holds a number with more than \(JSONValue.storableDigits) digits or an exponent beyond ±\(JSONValue.storableExponent), which cannot be stored; export the badge again.")
        }
        return nil
    }

    private var holdsNULCharacter: Bool {
        switch self {
        case .assertion(let assertion):
            return assertion.document.holdsNULCharacter || assertion.awardID.holdsNULCharacter
        case .badgeClass(let badgeClass):
            return badgeClass.document.holdsNULCharacter
        case .issuer(let issuer):
            return issuer.document.holdsNULCharacter
        case .revocationList(let list):
            return (list.id?.holdsNULCharacter ?? false) || (list.issuerID?.holdsNULCharacter ?? false)
                || list.revoked.contains { $0.id.holdsNULCharacter || ($0.reason?.holdsNULCharacter ?? false) }
        case .cryptographicKey(let key):
            return (key.id?.holdsNULCharacter ?? false) || (key.owner?.holdsNULCharacter ?? false)
                || (key.jwk?.holdsNULCharacter ?? false)
        case .revocationNotice(let awardID):
            return awardID.holdsNULCharacter
        case .assertionURL(let url):
            return url.holdsNULCharacter
        case .statusList(let list):
            return list.document.holdsNULCharacter
        case .invalid(let reason):
            return reason.code.holdsNULCharacter
        }
    }

    /// Only documents stored as `jsonb` matter: the others keep no numbers.
    private var holdsHugeNumber: Bool {
        switch self {
        case .assertion(let assertion): return assertion.document.holdsHugeNumber
        case .badgeClass(let badgeClass): return badgeClass.document.holdsHugeNumber
        case .issuer(let issuer): return issuer.document.holdsHugeNumber
        case .cryptographicKey(let key): return key.jwk?.holdsHugeNumber ?? false
        case .statusList(let list): return list.document.holdsHugeNumber
        case .revocationList, .revocationNotice, .assertionURL, .invalid: return false
        }
    }
}

extension JSONValue {
    /// Limits well inside PostgreSQL `numeric` (131072 digits before the point, 16383 after):
    /// no real badge comes near them.
    static let storableDigits = 10_000
    static let storableExponent = 1_000

    /// Whether a key or a string anywhere in the value holds U+0000.
    var holdsNULCharacter: Bool {
        switch self {
        case .null, .bool, .number: return false
        case .string(let text): return text.holdsNULCharacter
        case .array(let elements): return elements.contains { $0.holdsNULCharacter }
        case .object(let object):
            return object.members.contains { $0.key.holdsNULCharacter || $0.value.holdsNULCharacter }
        }
    }

    /// Whether a number anywhere in the value is written with too many digits or too large an
    /// exponent for PostgreSQL to store.
    var holdsHugeNumber: Bool {
        switch self {
        case .null, .bool, .string: return false
        case .number(_, let text): return Self.isHuge(numberText: text)
        case .array(let elements): return elements.contains { $0.holdsHugeNumber }
        case .object(let object): return object.members.contains { $0.value.holdsHugeNumber }
        }
    }

    static func isHuge(numberText text: String) -> Bool {
        guard text.utf8.count > 6 else { return false }
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "e", maxSplits: 1)
        if parts[0].count > storableDigits { return true }
        guard parts.count == 2 else { return false }
        guard let exponent = Int(parts[1]) else { return true }  // more digits than an Int holds
        return abs(exponent) > storableExponent
    }
}

extension String {
    /// Searched with `memchr` over the string's own bytes: every key and string of every
    /// document passes through here, and the byte-by-byte `contains` took 2 % of a backfill.
    var holdsNULCharacter: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        } ?? utf8.contains(0)
    }
}
