import Foundation
import RelicensureApp
import TestHTTPS
import Testing

@Suite("Hosted uploads fetched from their issuer's host over HTTPS (SPEC §4.4 \"Hosted\", §5 step 3)")
struct HostedUploadTests {
    @Test("Credited when served from within the issuer's allowedOrigins; outside, 410, revoked, http redirect, oversized and slow are not; the night completes")
    func hostedNight() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:])
            let served = HostedUploads.assertion(hosted.id("/assertions/valid"), badge: 0)
            hosted.server.set("/assertions/valid", .json(served))
            hosted.server.set("/elsewhere/outside", .json(HostedUploads.assertion(hosted.id("/elsewhere/outside"), badge: 1)))
            hosted.server.set("/assertions/gone", .status(410))
            hosted.server.set("/assertions/revoked", .json(HostedUploads.assertion(hosted.id("/assertions/revoked"), badge: 2,
                                                                                  extra: #", "revoked": true"#)))
            hosted.server.set("/assertions/to-http", .redirect(to: "http://127.0.0.1:\(hosted.server.port)/assertions/valid"))
            hosted.server.set("/assertions/huge", .oversized(bytes: 600_000))
            hosted.server.set("/assertions/slow", .slow(seconds: 4, json: served))
            // The upload of "valid" names Jordan; the issuer's copy names Avery, and counts.
            try hosted.upload("/assertions/valid", badge: 0, email: "jordan.bishop@k12.de.us")
            try hosted.upload("/elsewhere/outside", badge: 1)
            for (index, path) in ["/assertions/gone", "/assertions/revoked", "/assertions/to-http", "/assertions/huge",
                                  "/assertions/slow"].enumerated() {
                try hosted.upload(path, badge: index + 2)
            }
            let summary = try hosted.district.night()
            #expect(summary.runID != nil)
            #expect(try hosted.outcome("/assertions/valid") == "credited")
            #expect(try hosted.column("verification", of: "/assertions/valid") == "verified-hosted")
            #expect(try hosted.column("recipient_identity", of: "/assertions/valid") == "avery.abbott@k12.de.us")
            #expect(try hosted.column("source_path", of: "/assertions/valid") == hosted.id("/assertions/valid"))
            #expect(try hosted.district.scalar("SELECT educator_id FROM ledger_entries") == "0040100")
            #expect(try hosted.district.creditedHours() == "10")

            #expect(try hosted.outcome("/elsewhere/outside") == "unverified")
            #expect(try hosted.column("verification", of: "/elsewhere/outside")?.contains("startsWith") == true)
            #expect(!hosted.server.requestedPaths.contains("/elsewhere/outside"), "an id out of scope is never requested")
            #expect(try hosted.outcome("/assertions/gone") == "revoked")
            #expect(try hosted.outcome("/assertions/revoked") == "revoked")
            for (path, reason) in [("/assertions/to-http", "not an https URL"), ("/assertions/huge", "more than"),
                                   ("/assertions/slow", "did not answer")] {
                #expect(try hosted.outcome(path) == "unverified")
                #expect(try hosted.column("verification", of: path)?.contains(reason) == true, "\(path)")
            }
            hosted.server.stop()
        }
    }

    @Test("A credited hosted award is fetched again after a week: 410 or revoked: true then reverses its credit")
    func recheck() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:])
            for (index, path) in ["/assertions/a", "/assertions/b"].enumerated() {
                hosted.server.set(path, .json(HostedUploads.assertion(hosted.id(path), badge: index)))
                try hosted.upload(path, badge: index)
            }
            _ = try hosted.district.night("2026-11-20")
            #expect(try hosted.district.creditedHours() == "20")
            let fetchedFirst = hosted.server.requestedPaths.count

            hosted.server.set("/assertions/a", .status(410))
            hosted.server.set("/assertions/b", .json(HostedUploads.assertion(hosted.id("/assertions/b"), badge: 1,
                                                                            extra: #", "revoked": true"#)))
            _ = try hosted.district.night("2026-11-24")
            #expect(hosted.server.requestedPaths.count == fetchedFirst, "confirmed 4 days ago: not fetched again yet")
            #expect(try hosted.district.creditedHours() == "20")

            let later = try hosted.district.night("2026-11-28")
            #expect(Set(later.postings.map(\.awardID)) == [hosted.id("/assertions/a"), hosted.id("/assertions/b")])
            #expect(try hosted.district.scalar("SELECT count(*)::text FROM ledger_entries WHERE action = 'REVERSE'") == "2")
            #expect(try hosted.outcome("/assertions/a") == "revoked")
            #expect(try hosted.outcome("/assertions/b") == "revoked")
            #expect(try hosted.district.creditedHours() == "0")
            hosted.server.stop()
        }
    }

    @Test("Without allow_private a hosted upload on loopback is never fetched: unverified, and the server sees no request")
    func loopbackNotFetched() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:], allowPrivate: false)
            hosted.server.set("/assertions/valid", .json(HostedUploads.assertion(hosted.id("/assertions/valid"), badge: 0)))
            try hosted.upload("/assertions/valid", badge: 0)
            _ = try hosted.district.night()
            #expect(try hosted.outcome("/assertions/valid") == "unverified")
            #expect(try hosted.column("verification", of: "/assertions/valid")?.contains("allow_private") == true)
            #expect(hosted.server.requestedPaths.isEmpty)
            hosted.server.stop()
        }
    }
}
