import Foundation
import Testing
import OpenBadges

@Suite struct JSONValueTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":[true,false,null],"m":{"s":"x\u00e9\ud83d\ude00\n"},"n":-1.50e+2}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "n"])
        #expect(value["a"] == .array([.bool(true), .bool(false), .null]))
        #expect(value["m"]?["s"]?.stringValue == "xé😀\n")
        #expect(value["n"] == .number(-150, text: "-1.50e+2"))
        #expect(value["z"]?.doubleValue == 1)
    }

    @Test func serializesCompactlyAndRoundTrips() throws {
        let text = #"{"b":"q\"uote\\ \/ tab\t ctl\u0001 é","n":1.50,"e":[],"o":{},"big":12345678901234567890}"#
        let value = try JSONValue(parsing: text)
        let serialized = value.serialized()
        #expect(serialized == #"{"b":"q\"uote\\ / tab\t ctl\u0001 é","n":1.50,"e":[],"o":{},"big":12345678901234567890}"#)
        #expect(try JSONValue(parsing: serialized) == value)
    }

    @Test func escapesAtEveryPositionOfAString() throws {
        let texts = ["\"", "\\\n\r\t\u{1}", "\"lead", "trail\\", "a\"b\\c\nd", "plain é 😀", "",
                     String(repeating: "run\"", count: 2_000) + "\u{1F}"]
        for text in texts {
            let serialized = JSONValue.string(text).serialized()
            #expect(try JSONValue(parsing: serialized) == .string(text))
            let decoded = try JSONSerialization.jsonObject(with: Data(serialized.utf8), options: [.fragmentsAllowed])
            #expect(decoded as? String == text)
        }
        #expect(JSONValue.string("q\"\\\n\u{1}").serialized() == #""q\"\\\n\u0001""#)
    }

    @Test(arguments: [
        ("", "malformed_json"),
        ("{", "malformed_json"),
        ("{\"a\":1,}", "malformed_json"),
        ("[1,]", "malformed_json"),
        ("{\"a\":1} x", "malformed_json"),
        ("{\"a\" 1}", "malformed_json"),
        ("// comment\n{}", "malformed_json"),
        ("{\"a\":01}", "malformed_json"),
        ("{\"a\":1.}", "malformed_json"),
        ("{\"a\":-}", "malformed_json"),
        ("{\"a\":\"\\x\"}", "malformed_json"),
        ("{\"a\":\"\\ud800\"}", "malformed_json"),
        ("{\"a\":\"\\udc00\"}", "malformed_json"),
        ("{\"a\":\"tab\there\"}", "malformed_json"),
        ("{\"a\":1,\"a\":2}", "malformed_json"),
        ("{\"a\":tru}", "malformed_json"),
        ("\"unterminated", "malformed_json"),
    ])
    func rejectsMalformedText(text: String, code: String) {
        #expect(throws: InvalidReason.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.code == code)
            #expect(error.message.contains("line"))
        }
    }

    @Test func rejectsRepeatedKeysInLargeObjects() {
        let members = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(throws: InvalidReason.self) { try JSONValue(parsing: "{\(members),\"k3\":0}") }
        #expect((try? JSONValue(parsing: "{\(members)}"))?.objectValue?.count == 20)
    }

    @Test func reportsTheLineAndColumnOfAnError() {
        do {
            _ = try JSONValue(parsing: "{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("parsed")
        } catch {
            #expect(error.message.contains("line 3, column 8"), "\(error.message)")
        }
    }

    @Test func rejectsInvalidUTF8Precisely() {
        let cases: [[UInt8]] = [
            [0x22, 0xC3, 0x28, 0x22],             // bad continuation
            [0x22, 0xC0, 0xAF, 0x22],             // overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22],       // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // past U+10FFFF
            [0x22, 0xE9, 0x22],                   // Latin-1 'é'
            [0x22, 0xE2, 0x82, 0x22],             // truncated sequence
        ]
        for bytes in cases {
            do {
                _ = try JSONValue(parsing: bytes)
                Issue.record("accepted \(bytes)")
            } catch {
                #expect(error.code == "not_utf8", "\(bytes): \(error)")
            }
        }
        #expect((try? JSONValue(parsing: [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]))?.stringValue == "😀")
    }

    @Test func stopsAtTheDepthLimitWithoutRecursingFurther() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try JSONValue(parsing: deep)
            Issue.record("parsed")
        } catch {
            #expect(error.code == "too_deep")
        }
        let objects = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(throws: InvalidReason.self) { try JSONValue(parsing: objects, maxDepth: 1_000_000) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONValue(parsing: ok)) != nil)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect((try? JSONValue(parsing: tooDeep)) == nil)
    }

    @Test func numbersKeepTheirTextAndValue() throws {
        let value = try JSONValue(parsing: "[0,-0,1e3,9007199254740993,0.1,1E-2,123456789012345678901234567890]")
        let numbers = value.arrayValue?.compactMap { element -> String? in
            if case .number(_, let text) = element { return text }
            return nil
        }
        #expect(numbers == ["0", "-0", "1e3", "9007199254740993", "0.1", "1E-2", "123456789012345678901234567890"])
        #expect(value.arrayValue?[2].doubleValue == 1000)
        #expect(value.arrayValue?[4].doubleValue == 0.1)
        #expect(value.arrayValue?[5].doubleValue == 0.01)
    }

    @Test func objectsCanBeEdited() {
        var object = JSONObject(["a": .number(1), "b": .string("x")])
        object["a"] = nil
        object["c"] = .bool(true)
        #expect(object.keys == ["b", "c"])
        #expect(JSONValue.object(object).serialized() == #"{"b":"x","c":true}"#)
    }
}

@Suite struct JSONStringScanningTests {
    /// The eight-bytes-at-a-time scan must stop at a special byte wherever it falls in a word.
    @Test func specialBytesAreFoundAtEveryOffset() throws {
        for length in 0..<40 {
            for position in 0..<max(length, 1) {
                var plain = Array(repeating: UInt8(ascii: "a"), count: length)
                let document = { (content: [UInt8]) -> [UInt8] in Array("{\"k\":\"".utf8) + content + Array("\"}".utf8) }
                #expect((try JSONValue(parsing: document(plain)))["k"]?.stringValue?.utf8.count == length)
                guard length > 0 else { continue }
                plain[position] = UInt8(ascii: "\"")
                #expect((try? JSONValue(parsing: document(plain))) == nil, "quote at \(position) of \(length)")
                plain[position] = 0x09
                #expect(throws: InvalidReason.self) { try JSONValue(parsing: document(plain)) }
                plain[position] = 0xE9
                do {
                    _ = try JSONValue(parsing: document(plain))
                    Issue.record("accepted Latin-1 at \(position) of \(length)")
                } catch {
                    #expect(error.code == "not_utf8")
                }
                var escaped = plain
                escaped.replaceSubrange(position...position, with: Array("\\u00e9".utf8))
                #expect((try JSONValue(parsing: document(escaped)))["k"]?.stringValue?.unicodeScalars.count == length)
                var multibyte = plain
                multibyte.replaceSubrange(position...position, with: [0xC3, 0xA9])
                #expect((try JSONValue(parsing: document(multibyte)))["k"]?.stringValue?.count == length)
            }
        }
    }

    @Test func theDepthCeilingHoldsWhateverIsAsked() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect((try? JSONValue(parsing: deep, maxDepth: 10_000)) == nil)
        let allowed = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect((try? JSONValue(parsing: allowed, maxDepth: 10_000)) != nil)
    }
}

@Suite struct JSONStackTests {
    /// Parsing (and freeing) the deepest document the parser allows fits a 1 MiB thread stack
    /// (an eighth of the default), even in a debug build.
    @Test func theDeepestDocumentFitsASmallThreadStack() {
        let deepest = String(repeating: "{\"a\":[", count: 128) + String(repeating: "]}", count: 128)
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let thread = Thread {
            outcome.parsed = (try? JSONValue(parsing: deepest, maxDepth: 256)) != nil
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        done.wait()
        #expect(outcome.parsed)
    }

    private final class Outcome: @unchecked Sendable {
        // Written by the worker before `signal`, read after `wait`.
        var parsed = false
    }
}
