import CSV
import Foundation
@testable import RelicensureApp
import Testing

/// Issue 6, items 6 and 7, for the CSV reader the roster and approvals imports stand on: seeded
/// random records survive writing and reading, random text never traps and never loses its
/// line numbers, and a NUL is a bad record, not a bad file.
@Suite("RFC 4180 CSV under random input")
struct CSVPropertyTests {
    static let alphabet: [String] = ["a", "Z", "0", " ", ",", "\"", "\r", "\n", "\r\n", "'", "=", "+", "-", "@", "\t",
                                     "é", "李", "👩🏽‍🏫", "\u{202E}", ";", "\\", "\u{FEFF}"]

    static func field(_ random: inout SeededRandom) -> String {
        (0..<random.below(8)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
    }

    @Test("Random records written with CSVWriter read back as the same fields (neutralised), on the right lines",
          arguments: [1, 2, 3, 4])
    func roundTrip(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<2_000 {
            var records: [[String]] = (0..<(1 + random.below(6))).map { _ in (0..<(1 + random.below(5))).map { _ in Self.field(&random) } }
            // A lone empty field is a blank line, which readers skip; a leading BOM is the file's.
            records = records.filter { $0 != [""] }
            if let first = records.first?.first, first.hasPrefix("\u{FEFF}") { records[0][0] = "x" + first }
            var writer = CSVWriter()
            for record in records { writer.append(record) }
            let read = try CSVReader(writer.text).map { try $0.get() }
            #expect(read.map(\.fields) == records.map { $0.map(CellText.neutralised) })
            // A record starts on the line after the previous one's last line break.
            var line = 1
            for (record, written) in zip(read, records) {
                #expect(record.line == line)
                line += 1 + written.joined().unicodeScalars.filter { $0 == "\n" }.count
            }
        }
    }

    @Test("Random text never traps; records and problems come in line order", arguments: [5, 6, 7])
    func randomText(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<1_000 {
            let text = (0..<random.below(200)).map { _ in Self.alphabet[random.below(Self.alphabet.count)] }.joined()
            var last = 0
            for result in CSVReader(text) {
                let line = switch result {
                case .success(let record): record.line
                case .failure(let problem): problem.line
                }
                #expect(line > last)
                last = line
            }
        }
    }

    @Test("A record holding a NUL character is a problem on its line; the records around it are read")
    func nulCharacter() {
        let results = Array(CSVReader("a,b\r\n1,x\u{0}y\r\n\"q\u{0}\",2\r\n3,4\r\n"))
        #expect(results.count == 4)
        for index in [1, 2] {
            guard case .failure(let problem) = results[index] else {
                Issue.record("record \(index) should be a problem")
                continue
            }
            #expect(problem.line == index + 1)
            #expect(problem.message.contains("NUL character (U+0000)"))
        }
        if case .success(let last) = results[3] { #expect(last.fields == ["3", "4"]) } else { Issue.record("the last record was lost") }
    }
}

/// Inputs that crashed `scripts/fuzz csv`, kept as tests: each must satisfy the fuzz target's
/// properties (lines never go backwards, a record survives writing and reading again) and the
/// roster's table must read it without trapping.
@Suite("CSV inputs the fuzzer found")
struct CSVFuzzCrashTests {
    static let folder = Workspace.checkout.appendingPathComponent("Tests/Fixtures/fuzz-crashes")

    @Test("Every saved crash reads cleanly", arguments: try FileManager.default.contentsOfDirectory(
        atPath: Workspace.checkout.appendingPathComponent("Tests/Fixtures/fuzz-crashes").path).filter { $0.hasPrefix("csv-") }.sorted())
    func savedCrash(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        var lastLine = 0
        for result in CSVReader(text) {
            switch result {
            case .success(let record):
                #expect(record.line > lastLine, "lines go backwards at \(record.line)")
                lastLine = record.line
                let written = record.fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
                var again = CSVReader(written).makeIterator()
                if record.fields != [""], case .success(let reread)? = again.next() {
                    #expect(reread.fields == record.fields, "line \(record.line): \(record.fields.map { Array($0.unicodeScalars) })")
                }
            case .failure(let problem):
                #expect(problem.line > lastLine, "lines go backwards at \(problem.line)")
                lastLine = problem.line
            }
        }
        _ = try? CSVTable(text: text, file: "fuzz.csv", required: ["educator_id", "email"])
    }
}
