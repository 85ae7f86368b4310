/// Which addresses a fetch may reach (SPEC §3 `allow_private`): without it, never loopback,
/// private (RFC 1918, unique-local), link-local, carrier-grade NAT, multicast, unspecified or
/// reserved addresses — a badge URL must not turn the nightly job into a probe of the
/// district's own network or of a cloud metadata service (169.254.169.254).
enum AddressScreen {
    /// True when `address` (4 or 16 bytes) is an ordinary public unicast address.
    static func isPublic(_ address: [UInt8]) -> Bool {
        switch address.count {
        case 4: return isPublicV4(address)
        case 16: return isPublicV6(address)
        default: return false
        }
    }

    private static func isPublicV4(_ a: [UInt8]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): return false          // this network, private, loopback
        case (100, 64...127): return false                     // carrier-grade NAT
        case (169, 254): return false                          // link-local (cloud metadata)
        case (172, 16...31): return false                      // private
        case (192, 168): return false                          // private
        case (192, 0) where a[2] == 0 || a[2] == 2: return false // IETF protocol assignments, TEST-NET-1
        case (198, 18...19): return false                      // benchmarking
        case (198, 51) where a[2] == 100: return false         // TEST-NET-2
        case (203, 0) where a[2] == 113: return false          // TEST-NET-3
        case (224...255, _): return false                      // multicast, reserved, broadcast
        default: return true
        }
    }

    private static func isPublicV6(_ a: [UInt8]) -> Bool {
        let prefix = a.prefix(12)
        if prefix.allSatisfy({ $0 == 0 }) { return false }                       // ::, ::1, IPv4-compatible
        if prefix.dropLast(2).allSatisfy({ $0 == 0 }) && a[10] == 0xFF && a[11] == 0xFF {
            return isPublicV4(Array(a.suffix(4)))                                // IPv4-mapped
        }
        if a[0] == 0x00, a[1] == 0x64, a[2] == 0xFF, a[3] == 0x9B { return isPublicV4(Array(a.suffix(4))) } // NAT64
        if a[0] & 0xFE == 0xFC { return false }                                  // unique-local fc00::/7
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return false }                  // link-local fe80::/10
        if a[0] == 0xFE && a[1] & 0xC0 == 0xC0 { return false }                  // site-local (deprecated)
        if a[0] == 0xFF { return false }                                         // multicast
        if a[0] == 0x20, a[1] == 0x01, a[2] == 0x0D, a[3] == 0xB8 { return false } // documentation
        return true
    }
}
