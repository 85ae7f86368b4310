// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 strict concurrency plus the upcoming features the
/// server ecosystem has adopted (explicit `any`, imports internal unless marked public).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "relicensure",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "relicensure", targets: ["relicensure"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Fetching hosted badges over HTTPS (SPEC §3 `verification.fetch`, §4.4 "Hosted").
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Tests only: the certificate of the tests' own HTTPS server.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        // PEM and DER of issuers' public keys (SPEC §4.4); the tests' certificate too.
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        // Tests only: property-based testing of the crediting engine.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The web door (SPEC §8): HTTP server, bcrypt passwords, mustache templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries: module maps and shim headers only.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibZ", path: "Sources/CLibZ", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // Thin, safe Swift layers over the C libraries.
        .target(name: "Postgres", dependencies: ["CLibPQ"], swiftSettings: strictSettings),
        .target(name: "XLSX", dependencies: ["CXLSXWriter"], swiftSettings: strictSettings),

        // Reading every Open Badges shape; recipient hashing.
        .target(name: "OpenBadges",
                dependencies: ["CLibZ", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strictSettings),

        // Proving an uploaded badge: compact JWS signatures checked with the issuer's own keys (SPEC §4.4).
        .target(name: "BadgeVerification",
                dependencies: ["OpenBadges", .product(name: "Crypto", package: "swift-crypto"),
                               .product(name: "_CryptoExtras", package: "swift-crypto"),
                               .product(name: "SwiftASN1", package: "swift-asn1")],
                swiftSettings: strictSettings),

        // Fetching documents from issuers' hosts over HTTPS: HTTPS only, bounded redirects,
        // timeouts, a size cap, and no private addresses unless allowed (SPEC §3, §4.4).
        .target(name: "BadgeFetching",
                dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client"),
                               .product(name: "NIOCore", package: "swift-nio"),
                               .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                               .product(name: "NIOHTTP1", package: "swift-nio"),
                               .product(name: "NIOSSL", package: "swift-nio-ssl")],
                swiftSettings: strictSettings),

        // Every roster address hashed with one salt, in a loop over libcrypto (libssl-dev): what
        // matching a salt met once costs (issue 15; docs/PERFORMANCE.md).
        .target(name: "CRosterDigests", path: "Sources/CRosterDigests", linkerSettings: [.linkedLibrary("crypto")]),

        // The domain and the pure crediting engine: no files, no SQL.
        .target(name: "Relicensure", dependencies: ["OpenBadges", "CRosterDigests"], swiftSettings: strictSettings),

        // The configuration file (YAML) turned into domain rules, with file:line errors.
        .target(name: "RelicensureConfig",
                dependencies: ["Relicensure", .product(name: "Yams", package: "Yams")],
                swiftSettings: strictSettings),

        // The ledger in PostgreSQL: migrations, repositories, runs, export batches.
        .target(name: "RelicensureStore",
                dependencies: ["Postgres", "Relicensure", "OpenBadges"],
                swiftSettings: strictSettings,
                plugins: ["EmbedMigrations"]),
        // The migrations of sql/ built into the executable (SPEC §7: installed as one program).
        .executableTarget(name: "MigrationEmbedder", swiftSettings: strictSettings),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["MigrationEmbedder"]),

        // RFC 4180 CSV, read and written, with formula-injection neutralising.
        .target(name: "CSV", swiftSettings: strictSettings),

        // Files people open: the PDMS CSV, the monthly workbook, transcripts.
        .target(name: "Reports", dependencies: ["Relicensure", "XLSX", "CSV"], swiftSettings: strictSettings),

        // The nightly job and the other use cases, composed from the layers above.
        .target(name: "RelicensureApp",
                dependencies: ["Relicensure", "RelicensureConfig", "RelicensureStore", "Reports",
                               "OpenBadges", "BadgeVerification", "BadgeFetching", "Postgres", "CSV",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),

        // The web door (SPEC §8): accounts, scope, pages and their JSON twins, over the same use cases.
        .target(name: "RelicensureWeb",
                dependencies: ["RelicensureApp", "RelicensureConfig", "RelicensureStore", "Reports", "Relicensure",
                               "Postgres", "CSV", "OpenBadges",
                               .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "HummingbirdCore", package: "hummingbird"),
                               .product(name: "HummingbirdTLS", package: "hummingbird"),
                               .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                               .product(name: "Mustache", package: "swift-mustache"),
                               .product(name: "NIOCore", package: "swift-nio"),
                               .product(name: "NIOPosix", package: "swift-nio"),
                               .product(name: "NIOSSL", package: "swift-nio-ssl"),
                               .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),

        // The command line.
        .executableTarget(name: "relicensure",
                          dependencies: ["RelicensureApp", "RelicensureWeb",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strictSettings),

        // Test support: reads back the workbooks our tests write.
        .target(name: "XLSXReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/Support/XLSXReader", swiftSettings: strictSettings),

        // Test support: keys and signed tokens, genuine and forged, made with swift-crypto.
        .target(name: "TestSigning",
                dependencies: ["OpenBadges", .product(name: "Crypto", package: "swift-crypto"),
                               .product(name: "_CryptoExtras", package: "swift-crypto")],
                path: "Tests/Support/TestSigning", swiftSettings: strictSettings),

        // Test support: an HTTPS server on 127.0.0.1 with a certificate made in the test.
        .target(name: "TestHTTPS",
                dependencies: [.product(name: "NIOCore", package: "swift-nio"),
                               .product(name: "NIOPosix", package: "swift-nio"),
                               .product(name: "NIOHTTP1", package: "swift-nio"),
                               .product(name: "NIOSSL", package: "swift-nio-ssl"),
                               .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                               .product(name: "X509", package: "swift-certificates"),
                               .product(name: "SwiftASN1", package: "swift-asn1"),
                               .product(name: "Crypto", package: "swift-crypto")],
                path: "Tests/Support/TestHTTPS", swiftSettings: strictSettings),

        // Test support: a test's own folder in the temporary directory, removed when the test ends.
        .target(name: "TemporaryFolders", path: "Tests/Support/TemporaryFolders", swiftSettings: strictSettings),

        .testTarget(name: "PostgresTests", dependencies: ["Postgres"], swiftSettings: strictSettings),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "XLSXReader"], swiftSettings: strictSettings),
        .testTarget(name: "OpenBadgesTests", dependencies: ["OpenBadges"], swiftSettings: strictSettings),
        .testTarget(name: "BadgeFetchingTests", dependencies: ["BadgeFetching", "TestHTTPS"], swiftSettings: strictSettings),
        .testTarget(name: "BadgeVerificationTests", dependencies: ["BadgeVerification", "OpenBadges", "TestSigning"],
                    swiftSettings: strictSettings),
        .testTarget(name: "RelicensureTests",
                    dependencies: ["Relicensure", "OpenBadges",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: strictSettings),
        .testTarget(name: "CSVTests", dependencies: ["CSV"], swiftSettings: strictSettings),
        .testTarget(name: "ReportsTests",
                    dependencies: ["Reports", "RelicensureApp", "RelicensureStore", "RelicensureConfig", "Relicensure",
                                   "OpenBadges", "Postgres", "XLSXReader", "CSV",
                                   .product(name: "Logging", package: "swift-log")],
                    swiftSettings: strictSettings),
        .testTarget(name: "RelicensureAppTests",
                    dependencies: ["RelicensureApp", "RelicensureConfig", "RelicensureStore", "Reports",
                                   "Postgres", "XLSXReader", "CSV", "OpenBadges", "Relicensure", "TestSigning", "TestHTTPS",
                                   "TemporaryFolders", .product(name: "Logging", package: "swift-log")],
                    swiftSettings: strictSettings),
        .testTarget(name: "RelicensureWebTests",
                    dependencies: ["RelicensureWeb", "RelicensureApp", "RelicensureConfig", "RelicensureStore",
                                   "Relicensure", "Postgres", "OpenBadges", "TemporaryFolders",
                                   .product(name: "Hummingbird", package: "hummingbird"),
                                   .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "Logging", package: "swift-log")],
                    swiftSettings: strictSettings),
    ]
)
