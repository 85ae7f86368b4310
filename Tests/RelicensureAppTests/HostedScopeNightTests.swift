import Foundation
import OpenBadges
import RelicensureApp
import RelicensureStore
import TestHTTPS
import Testing

@Suite("Issue 16: no host can steer hosted verification outside its issuer's scope (SPEC §4.4 \"Hosted\")")
struct HostedScopeNightTests {
    @Test("An open redirect on the allowed host credits nothing, and a foreign 410 revokes nothing: the foreign host sees no request")
    func openRedirect() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:])
            let foreign = try LocalHTTPSServer(routes: ["/gone": .status(410)], certificates: hosted.server.certificates)
            defer { hosted.server.stop(); foreign.stop() }
            foreign.set("/forged", .json(HostedUploads.assertion(hosted.id("/assertions/open"), badge: 0)))
            hosted.server.set("/assertions/open", .redirect(to: foreign.origin + "/forged"))
            hosted.server.set("/assertions/held", .json(HostedUploads.assertion(hosted.id("/assertions/held"), badge: 1)))
            try hosted.upload("/assertions/open", badge: 0)
            try hosted.upload("/assertions/held", badge: 1)
            _ = try hosted.district.night("2026-11-20")
            #expect(try hosted.outcome("/assertions/open") == "unverified")
            #expect(try hosted.column("verification", of: "/assertions/open")?.contains("scope") == true)
            #expect(try hosted.outcome("/assertions/held") == "credited")
            #expect(try hosted.district.creditedHours() == "10")

            hosted.server.set("/assertions/held", .redirect(to: foreign.origin + "/gone"))
            _ = try hosted.district.night("2026-11-28")
            #expect(try hosted.column("revoked", of: "/assertions/held") == "f")
            #expect(try hosted.district.creditedHours() == "10")
            #expect(foreign.requestedPaths.isEmpty)
            #expect(foreign.acceptedConnections == 0)
        }
    }

    @Test("An id with userinfo that passes a raw startsWith is not requested, and not credited")
    func userinfo() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:], verification: { server in
                #"{"startsWith": ["https://127.0.0.1:\#(server.port)"]}"#
            })
            let foreign = try LocalHTTPSServer(routes: [:], certificates: hosted.server.certificates)
            defer { hosted.server.stop(); foreign.stop() }
            let id = "https://127.0.0.1:\(hosted.server.port)@127.0.0.1:\(foreign.port)/assertions/u"
            foreign.set("/assertions/u", .json(HostedUploads.assertion(id, badge: 0)))
            try hosted.district.workspace.write("uploads/userinfo.json", HostedUploads.assertion(id, badge: 0))
            _ = try hosted.district.night()
            #expect(try hosted.district.scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(id)'") == "unverified")
            #expect(try hosted.district.creditedHours() == "0")
            #expect(foreign.requestedPaths.isEmpty)
            #expect(foreign.acceptedConnections == 0)
        }
    }

    @Test("Dot segments and %2e%2e do not escape a startsWith path: not requested, not credited")
    func dotSegments() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:], verification: { server in
                #"{"startsWith": ["\#(server.origin)/assertions/ddoe/"]}"#
            })
            defer { hosted.server.stop() }
            let paths = ["/assertions/ddoe/../other/x", "/assertions/ddoe/%2e%2e/other/y", "/assertions/ddoe/%2E%2E/%2e%2e/z"]
            for (index, path) in paths.enumerated() {
                hosted.server.set(path, .json(HostedUploads.assertion(hosted.id(path), badge: index)))
                try hosted.district.workspace.write("uploads/dots-\(index).json", HostedUploads.assertion(hosted.id(path), badge: index))
            }
            _ = try hosted.district.night()
            for path in paths {
                #expect(try hosted.outcome(path) == "unverified", "\(path)")
            }
            #expect(try hosted.district.creditedHours() == "0")
            #expect(hosted.server.requestedPaths.isEmpty)
        }
    }

    @Test("An upload naming an issuer no trusted source knows is never requested; HR sees its claimed names as unverified claims")
    func unknownIssuer() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:])
            let foreign = try LocalHTTPSServer(routes: [:], certificates: hosted.server.certificates)
            defer { hosted.server.stop(); foreign.stop() }
            let id = foreign.origin + "/assertions/1"
            let forged = """
                {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "\(id)",
                 "recipient": \(Sample.plain("avery.abbott@k12.de.us")), "issuedOn": "2026-10-01T12:00:00Z",
                 "verification": {"type": "hosted"},
                 "badge": {"type": "BadgeClass", "id": "\(foreign.origin)/badge", "name": "Forged Literacy",
                           "description": "x", "criteria": "x", "image": "x",
                           "issuer": {"type": "Issuer", "id": "\(foreign.origin)/issuer", "name": "Forged Board", "url": "x"}}}
                """
            foreign.set("/assertions/1", .json(forged))
            try hosted.district.workspace.write("uploads/forged.json", forged)
            _ = try hosted.district.night()
            #expect(foreign.requestedPaths.isEmpty)
            #expect(foreign.acceptedConnections == 0)
            #expect(try hosted.district.scalar("SELECT outcome FROM award_outcomes WHERE award_id = '\(id)'") == "unverified")

            let store = try hosted.district.workspace.session().openStore()
            let standings = try store.readingSnapshot {
                let batches = try store.startAwards(.outcome("unverified"), asOf: CalendarDate(year: 2026, month: 11, day: 20) ?? .init(dayNumber: 0))
                var all: [AwardStanding] = []
                while let batch = try batches.next() { all += batch }
                return all
            }
            let standing = standings.first { $0.awardID == id }
            #expect(standing?.badgeName == "unverified claim: Forged Literacy")
            #expect(standing?.issuerName?.hasPrefix("unverified claim:") ?? true)
        }
    }
}
