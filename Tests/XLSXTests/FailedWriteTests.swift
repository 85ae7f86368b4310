import Foundation
import Testing
import XLSX
import XLSXReader

/// A workbook that cannot be written says why and leaves nothing behind.
@Suite struct FailedWriteTests {
    @Test func folderRemovedBeforeCloseThrowsAndLeavesNoFile() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let target = folder.file("reports")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        let path = target + "/relicensure-2026-03.xlsx"
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Summary")
        try sheet.write("District", row: 0, column: 0)
        try FileManager.default.removeItem(atPath: target)

        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.message.contains(path))
        #expect(error.message.contains("Error creating output xlsx file"))
        #expect(error.message.contains("No such file or directory"))
        #expect(error.code != nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(workbook.isClosed)
    }

    @Test func pathInAMissingFolderIsRefusedAtOnce() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("missing/report.xlsx")
        let error = try #require(throws: XLSXError.self) { try Workbook(path: path) }
        #expect(error.message.contains(path))
        #expect(error.message.contains("does not exist"))
        #expect(try folder.contents().isEmpty)
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        let workbook = try Workbook(path: path)
        try workbook.addWorksheet(named: "Summary").write(1, row: 0, column: 0)
        // Something puts a non-empty folder where the file should go, so the rename must fail.
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)

        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.message.contains(path))
        #expect(error.message.contains("could not move the finished file into place"))
        #expect(try folder.contents() == ["report.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inner"])
    }

    @Test func aFolderAtThePathIsRefusedAtOnce() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let error = try #require(throws: XLSXError.self) { try Workbook(path: folder.path) }
        #expect(error.message.contains("a folder of that name"))
    }

    @Test func closingTwiceThrows() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("twice.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Summary")
        try workbook.close()
        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.message.contains("already been closed"))
        #expect(error.message.contains(path))
        #expect(try XLSXDocument(path: path).sheetNames == ["Summary"])
        // The sheet outlives its C counterpart safely: writing is an error, not a crash.
        #expect(throws: XLSXError.self) { try sheet.write("late", row: 0, column: 0) }
        sheet.freezePanes(row: 1, column: 0)
        #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "Late") }
    }

    @Test func closingAfterAFailedCloseThrows() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let target = folder.file("gone")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        let workbook = try Workbook(path: target + "/report.xlsx")
        try FileManager.default.removeItem(atPath: target)
        #expect(throws: XLSXError.self) { try workbook.close() }
        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.message.contains("already been closed"))
    }

    @Test func aWorkbookNeverClosedLeavesNothing() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        do {
            let workbook = try Workbook(path: folder.file("abandoned.xlsx"))
            for index in 0..<3 {
                let sheet = try workbook.addWorksheet(named: "Sheet \(index)")
                for row in 0..<100 { try sheet.write(Double(row), row: row, column: 0) }
            }
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func aMistakeInTheDocumentPropertiesFailsTheClose() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("titled.xlsx")
        let workbook = try Workbook(path: path)
        try workbook.addWorksheet(named: "Summary").write("x", row: 0, column: 0)
        workbook.setDocumentProperties(title: "bad\u{0}title", author: nil)
        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.message.contains("NUL"))
        #expect(try folder.contents().isEmpty)
    }

    @Test func anExistingFileIsReplacedOnlyOnSuccess() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("report.xlsx")
        let first = try Workbook(path: path)
        try first.addWorksheet(named: "First").write("one", row: 0, column: 0)
        try first.close()

        let failing = try Workbook(path: path)
        try failing.addWorksheet(named: "Second").write("two", row: 0, column: 0)
        failing.setDocumentProperties(title: "\u{0}", author: nil)
        #expect(throws: XLSXError.self) { try failing.close() }
        #expect(try XLSXDocument(path: path).sheetNames == ["First"])

        let second = try Workbook(path: path)
        try second.addWorksheet(named: "Second").write("two", row: 0, column: 0)
        try second.close()
        #expect(try XLSXDocument(path: path).sheetNames == ["Second"])
        #expect(try folder.contents() == ["report.xlsx"])
    }
}
