internal import CXLSXWriter

/// A style registered in one workbook, to pass to `Worksheet.write`.
///
/// Made only by `Workbook.addFormat`. The libxlsxwriter format it stands for belongs to that
/// workbook and lives exactly as long as it: a worksheet checks that the format came from its own
/// workbook before handing the pointer to C, so a format from another (perhaps freed) workbook is
/// an error, never a dangling pointer.
public struct CellFormat {
    /// The style this format was made from.
    public let style: CellStyle
    let pointer: UnsafeMutablePointer<lxw_format>?
    let owner: Workbook.Identity
    /// Why this format cannot be used (a bad number format, say), reported at the first write
    /// that uses it, because `addFormat` does not throw.
    let problem: XLSXError?

    init(style: CellStyle, pointer: UnsafeMutablePointer<lxw_format>?, owner: Workbook.Identity,
         problem: XLSXError?) {
        self.style = style
        self.pointer = pointer
        self.owner = owner
        self.problem = problem
    }

    /// The C format to use in `workbook`, or the reason it cannot be used there.
    func resolve(in workbook: Workbook, _ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_format> {
        guard owner == workbook.identity else {
            throw XLSXError(message: "\(context()): the format was made by another workbook; "
                                + "make it with this workbook's addFormat.")
        }
        if let problem { throw XLSXError(message: "\(context()): \(problem.message)", code: problem.code) }
        guard let pointer else {
            throw XLSXError(message: "\(context()): libxlsxwriter could not allocate the format.")
        }
        return pointer
    }
}
