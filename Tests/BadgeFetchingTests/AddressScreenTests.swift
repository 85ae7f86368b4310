@testable import BadgeFetching
import Testing

@Suite("Which addresses a fetch may reach")
struct AddressScreenTests {
    @Test("Loopback, private, link-local, CGNAT, multicast and mapped private addresses are not public",
          arguments: [[127, 0, 0, 1], [10, 1, 2, 3], [172, 16, 0, 1], [192, 168, 1, 1], [169, 254, 169, 254],
                      [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1], [255, 255, 255, 255],
                      [UInt8](repeating: 0, count: 15) + [1],
                      [0xFE, 0x80] + [UInt8](repeating: 0, count: 13) + [1],
                      [0xFD, 0x12] + [UInt8](repeating: 0, count: 14),
                      [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 10, 0, 0, 1]] as [[UInt8]])
    func inner(_ address: [UInt8]) {
        #expect(!AddressScreen.isPublic(address))
    }

    @Test("Ordinary public addresses are public",
          arguments: [[8, 8, 8, 8], [151, 101, 1, 1], [172, 32, 0, 1],
                      [0x26, 0x06, 0x47, 0x00] + [UInt8](repeating: 0, count: 10) + [0x11, 0x11]] as [[UInt8]])
    func outer(_ address: [UInt8]) {
        #expect(AddressScreen.isPublic(address))
    }
}
