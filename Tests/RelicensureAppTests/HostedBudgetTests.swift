import Foundation
import RelicensureApp
import TestHTTPS
import Testing

@Suite("Issue 16: no upload makes a night take longer than its fetch budget (SPEC §4.4 \"Hosted\")")
struct HostedBudgetTests {
    @Test("1,000 slow hosted uploads: the night ends within its budget, and the next night does not fetch them before their back-off")
    func thousandSlowUploads() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:], fetching: "  fetch_budget_seconds: 3\n")
            defer { hosted.server.stop() }
            let count = 1_000
            for index in 0..<count {
                let path = "/assertions/slow-\(index)"
                hosted.server.set(path, .slow(seconds: 4, json: HostedUploads.assertion(hosted.id(path), badge: index)))
                try hosted.upload(path, badge: index)
            }
            let started = Date()
            let first = try hosted.district.night("2026-11-20")
            let elapsed = Date().timeIntervalSince(started)
            let fetchedFirst = hosted.server.requestedPaths.count
            // The budget is 3 s; reading and recording 1,000 uploads takes a few more.
            #expect(elapsed < 20, "the night took \(elapsed) s")
            #expect(fetchedFirst <= 40, "\(fetchedFirst) fetched: more than one host's cap")
            #expect(first.hostedPostponed == count)
            #expect(first.hostedLeftOver < count, "some were tried")
            #expect(first.hostedLeftOver >= count - 40, "no more than one host's cap was tried")
            #expect(NightlySummaryText.render(first).contains("\(count) not fetched or not proven tonight"))
            let status = try Status.run(session: try hosted.district.workspace.session(), json: false)
            #expect(status.contains("hosted fetch postponed: \(count)"))

            let recorded = try hosted.column("verification", of: "/assertions/slow-999")
            let next = try hosted.district.night("2026-11-21")
            #expect(try hosted.column("verification", of: "/assertions/slow-999") == recorded,
                    "a waiting upload keeps its verdict word for word, so a night run again records the same")
            #expect(hosted.server.requestedPaths.count == fetchedFirst, "fetched again before the back-off ran out")
            #expect(next.hostedWaiting == count)
            #expect(try hosted.district.scalar("SELECT count(*)::text FROM award_outcomes WHERE outcome = 'unverified'") == "\(count)")

            let third = try hosted.district.night("2026-11-22")
            #expect(third.hostedWaiting == 0, "every back-off ran out")
            #expect(third.hostedLeftOver < count, "some were tried again once the back-off ran out")
            #expect(try hosted.district.scalar("SELECT max(retry_on)::text FROM hosted_fetch_backoff") == "2026-11-26",
                    "the second failure waits 4 days")
        }
    }

    @Test("A bundle of 16 hosted ids is fetched a few a night, not all at once")
    func bundleCap() throws {
        try withTestDatabase { database in
            let hosted = try HostedUploads(database, routes: [:])
            defer { hosted.server.stop() }
            var lines: [String] = []
            for index in 0..<16 {
                let path = "/assertions/bundled-\(index)"
                let text = HostedUploads.assertion(hosted.id(path), badge: index)
                hosted.server.set(path, .slow(seconds: 4, json: text))
                lines.append(text.replacingOccurrences(of: "\n", with: " "))
            }
            try hosted.district.workspace.write("uploads/bundle.jsonl", lines.joined(separator: "\n") + "\n")
            let summary = try hosted.district.night()
            #expect(hosted.server.requestedPaths.count <= 4)
            #expect(summary.hostedLeftOver == 12)
        }
    }
}
