import CSV
import Testing

@Suite("RFC 4180 CSV")
struct CSVTests {
    func records(_ text: String) -> [Result<CSVReader.Record, CSVReader.Problem>] { Array(CSVReader(text)) }

    @Test("Quoted fields, doubled quotes, CRLF, a BOM, and line numbers that count embedded line breaks")
    func reading() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\"multi\nline\",2,3\n\nlast,,\n"
        let rows = try records(text).map { try $0.get() }
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, \"y\"", "3"], ["multi\nline", "2", "3"], ["last", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 3, 6])
    }

    @Test("An unterminated quote is a problem on its own line; the rows before it are fine")
    func unterminated() {
        let results = records("a,b\n1,2\n\"open,3\n")
        #expect(results.count == 3)
        if case .failure(let problem) = results[2] { #expect(problem.line == 3) } else { Issue.record("expected a problem") }
    }

    @Test("Writing quotes only where needed and ends lines with CRLF")
    func writing() {
        var writer = CSVWriter()
        writer.append(["plain", "with,comma", "with \"quote\"", "line\nbreak"])
        #expect(writer.text == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"line\nbreak\"\r\n")
    }

    @Test("Formula injection is neutralised with a leading quote, the text kept",
          arguments: [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("\tTab", "'\tTab"), ("\rCR", "'\rCR"), ("Safe = text", "Safe = text"), ("", "")])
    func neutralising(input: String, expected: String) {
        #expect(CellText.neutralised(input) == expected)
    }

    @Test("What is written reads back the same (after neutralising)")
    func roundTrip() throws {
        let rows = [["id", "name"], ["007", "O'Brien, \"Pat\""], ["008", "=cmd|' /C calc'!A0"], ["009", "Zoë\nNewline"]]
        var writer = CSVWriter()
        for row in rows { writer.append(row) }
        let read = try records(writer.text).map { try $0.get().fields }
        #expect(read == rows.map { $0.map(CellText.neutralised) })
    }
}
