import Foundation
internal import CXLSXWriter

/// An Excel workbook being written: the one owner of a libxlsxwriter `lxw_workbook`.
///
/// Every worksheet, format and chart made from a workbook lives inside its C workbook; the Swift
/// values that stand for them keep the `Workbook` alive and ask it whether it is still open
/// before each call into C, so nothing outside this module ever holds a pointer that can dangle.
///
/// The file appears at `path` only when `close()` succeeds: libxlsxwriter writes to a hidden
/// temporary file in the same folder (`.<name>.tmp-<random>`), which is renamed into place, so
/// no reader ever sees half a workbook and a failed write leaves nothing behind. A workbook that
/// is never closed is freed without writing anything.
///
/// In constant-memory mode (the default) each row is written out as soon as a later row is
/// started, so rows must be written top to bottom, and strings are stored inline in their cells.
public final class Workbook {
    /// Tells the formats of one workbook apart from those of another.
    struct Identity: Hashable {
        let value = UInt64.random(in: .min ... .max)
    }

    /// Where the finished workbook goes.
    public let path: String
    /// Whether rows are streamed to disk as they are written (see the type's documentation).
    public let constantMemory: Bool
    let identity = Identity()
    /// `path` made absolute when the workbook was started, so a later change of the working
    /// directory cannot move the file.
    private let finalPath: String
    /// The file libxlsxwriter writes; renamed to `finalPath` by a successful `close()`.
    private let temporaryPath: String

    /// `nil` once the workbook has been closed or discarded: libxlsxwriter frees it either way.
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var formats: [CellStyle: CellFormat] = [:]
    /// A mistake made through a call that cannot throw (`setDocumentProperties`), reported by
    /// `close()` so that the workbook is not written without it.
    private var deferredProblem: XLSXError?

    /// Starts a workbook that `close()` will write to `path`.
    ///
    /// Throws when `path` is empty, names a folder, or lies in a folder that does not exist.
    public init(path: String, constantMemory: Bool = true) throws {
        self.path = path
        self.constantMemory = constantMemory
        let opening = "Cannot create the workbook '\(path)'"
        guard !path.isEmpty else { throw XLSXError(message: "Cannot create a workbook: the path is empty.") }
        if let problem = CString.problem(path, opening) { throw problem }

        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw XLSXError(message: "\(opening): the folder '\(folder)' does not exist.")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw XLSXError(message: "\(opening): a folder of that name is already there.")
        }
        finalPath = url.path
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(random)").path

        // libxlsxwriter copies both strings, so they need to live only for this call. Its own
        // scratch files go in the same folder: it is known to be writable, and a full /tmp then
        // cannot fail a report whose folder has room.
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 0
        handle = temporaryPath.withCString { file in
            folder.withCString { scratch in
                options.tmpdir = UnsafeMutablePointer(mutating: scratch)
                return workbook_new_opt(file, &options)
            }
        }
        guard handle != nil else {
            throw XLSXError(message: "\(opening): libxlsxwriter could not allocate the workbook.")
        }
    }

    deinit {
        discard()
    }

    /// Whether `close()` has been called (successfully or not).
    public var isClosed: Bool { handle == nil }

    /// Adds a worksheet at the end of the workbook.
    ///
    /// The name must be 1 to 31 characters, none of `[ ] : * ? / \`, not start or end with an
    /// apostrophe, and not already be used (ignoring case), as in Excel.
    public func addWorksheet(named name: String) throws -> Worksheet {
        let context = "Cannot add the sheet '\(name)' to '\(path)'"
        let workbook = try openHandle(context)
        guard !name.isEmpty else { throw XLSXError(message: "\(context): a sheet name cannot be empty.") }
        let sheet = try CString.with(name, context) { cName -> UnsafeMutablePointer<lxw_worksheet>? in
            if let problem = LibraryError.check(workbook_validate_sheet_name(workbook, cName), context) {
                throw problem
            }
            errno = 0
            return workbook_add_worksheet(workbook, cName)
        }
        guard let sheet else {
            // The name was valid, so what failed is the sheet's scratch file (constant memory)
            // or an allocation; errno tells which.
            let reason = errno == 0 ? "out of memory" : String(cString: strerror(errno))
            throw XLSXError(message: "\(context): libxlsxwriter could not create the sheet (\(reason)).")
        }
        worksheets.append(sheet)
        return Worksheet(name: name, workbook: self, handle: sheet)
    }

    /// The format for `style`, made once per distinct style and reused after that.
    ///
    /// Never fails here: a style libxlsxwriter cannot take (a colour beyond `0xFFFFFF`, a number
    /// format with a NUL or over 127 bytes) makes a format whose first use throws.
    public func addFormat(_ style: CellStyle) -> CellFormat {
        if let cached = formats[style] { return cached }
        if let problem = FormatBuilder.problem(with: style) {
            return CellFormat(style: style, pointer: nil, owner: identity, problem: problem)
        }
        guard let workbook = handle else {
            return CellFormat(style: style, pointer: nil, owner: identity,
                              problem: closedError("Cannot add a format to '\(path)'"))
        }
        guard let pointer = workbook_add_format(workbook) else {
            return CellFormat(style: style, pointer: nil, owner: identity,
                              problem: XLSXError(message: "libxlsxwriter could not allocate a format."))
        }
        FormatBuilder.apply(style, to: pointer)
        let format = CellFormat(style: style, pointer: pointer, owner: identity, problem: nil)
        formats[style] = format
        return format
    }

    /// A new chart, to fill with series and then place with `Worksheet.insert(_:row:column:)`.
    ///
    /// Never fails here: a chart libxlsxwriter could not make reports that when inserted.
    public func addChart(_ kind: ChartKind) -> Chart {
        guard let workbook = handle else {
            return Chart(kind: kind, workbook: self, handle: nil,
                         problem: closedError("Cannot add a chart to '\(path)'"))
        }
        let chart = workbook_add_chart(workbook, kind.libraryType)
        return Chart(kind: kind, workbook: self, handle: chart,
                     problem: chart == nil ? XLSXError(message: "libxlsxwriter could not allocate the chart.") : nil)
    }

    /// Sets the title and author that Excel shows in the file's properties.
    ///
    /// A text with a NUL character makes `close()` fail rather than write a wrong title.
    public func setDocumentProperties(title: String, author: String?) {
        let context = "Cannot set the document properties of '\(path)'"
        guard let workbook = handle else { return }
        do {
            try CString.with(title, context) { cTitle in
                try CString.with(author ?? "", context) { cAuthor in
                    var properties = lxw_doc_properties()
                    properties.title = UnsafeMutablePointer(mutating: cTitle)
                    if author != nil { properties.author = UnsafeMutablePointer(mutating: cAuthor) }
                    if let problem = LibraryError.check(workbook_set_properties(workbook, &properties), context) {
                        throw problem
                    }
                }
            }
        } catch let error as XLSXError {
            deferredProblem = deferredProblem ?? error
        } catch {
            deferredProblem = deferredProblem ?? XLSXError(message: "\(context): \(error)")
        }
    }

    /// Writes the workbook and moves it to `path`.
    ///
    /// On any failure the temporary file is deleted and nothing is left at `path` (an earlier file
    /// there is kept as it was). Whether it succeeds or not, the workbook is closed afterwards:
    /// calling `close()` again throws.
    public func close() throws {
        let context = "Cannot write the workbook '\(path)'"
        let workbook = try openHandle(context)
        if let deferredProblem {
            discard()
            throw deferredProblem
        }
        handle = nil
        // workbook_close frees the workbook whether or not it managed to write it.
        errno = 0
        let result = workbook_close(workbook)
        let systemError = errno
        guard result == LXW_NO_ERROR else {
            removeTemporaryFile()
            var message = "\(context): \(LibraryError.text(result))"
            if systemError != 0, LibraryError.setsErrno(result) {
                message += " (\(String(cString: strerror(systemError))))"
            }
            throw XLSXError(message: message, code: LibraryError.code(result))
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            removeTemporaryFile()
            throw XLSXError(message: "\(context): could not move the finished file into place (\(reason)).")
        }
    }

    // MARK: - For the worksheets and charts of this workbook

    /// The C workbook, or an error starting with `context` when it has been closed.
    func openHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw closedError(context()) }
        return handle
    }

    private func closedError(_ context: String) -> XLSXError {
        XLSXError(message: "\(context): the workbook has already been closed.")
    }

    /// Frees the C workbook without writing it, and removes any file it had started.
    private func discard() {
        guard let workbook = handle else { return }
        handle = nil
        // libxlsxwriter 1.1.4 closes a constant-memory sheet's scratch file only while writing the
        // workbook; freeing it unwritten would leak the descriptor, so close those here first.
        for sheet in worksheets {
            if let scratch = sheet.pointee.optimize_tmpfile {
                fclose(scratch)
                sheet.pointee.optimize_tmpfile = nil
                sheet.pointee.file = nil
            }
        }
        lxw_workbook_free(workbook)
        removeTemporaryFile()
    }

    private func removeTemporaryFile() {
        unlink(temporaryPath)
    }
}
