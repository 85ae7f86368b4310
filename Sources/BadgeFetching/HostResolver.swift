#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// One address a host name resolves to: its bytes (4 for IPv4, 16 for IPv6) and its text.
struct ResolvedAddress: Sendable, Equatable {
    let bytes: [UInt8]
    let text: String
}

/// The system resolver (`getaddrinfo`), the one C call of this module, made safe: nothing
/// above it sees a pointer.
enum HostResolver {
    /// Every address of `host` (a name or an IP literal), without duplicates; throws the
    /// resolver's own message when the name does not resolve.
    static func addresses(of host: String) throws(FetchRefusal) -> [ResolvedAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw FetchRefusal("the host \(host) does not resolve (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(first) }
        var found: [ResolvedAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node?.pointee {
            node = entry.ai_next
            guard let address = entry.ai_addr, let resolved = resolved(address, family: entry.ai_family),
                  !found.contains(resolved) else { continue }
            found.append(resolved)
        }
        guard !found.isEmpty else { throw FetchRefusal("the host \(host) has no IPv4 or IPv6 address") }
        return found
    }

    /// True when `host` is written as an IPv4 or IPv6 address rather than a name.
    static func isLiteral(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func resolved(_ address: UnsafeMutablePointer<sockaddr>, family: Int32) -> ResolvedAddress? {
        switch family {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                let bytes = withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                return ResolvedAddress(bytes: bytes, text: text(family: AF_INET, bytes))
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                let bytes = withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                return ResolvedAddress(bytes: bytes, text: text(family: AF_INET6, bytes))
            }
        default:
            return nil
        }
    }

    private static func text(family: Int32, _ address: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let length = socklen_t(buffer.count)
        let written = buffer.withUnsafeMutableBufferPointer { output in
            address.withUnsafeBytes { input in inet_ntop(family, input.baseAddress, output.baseAddress, length) != nil }
        }
        guard written else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
