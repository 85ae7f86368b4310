internal import CXLSXWriter

/// Turns a `CellStyle` into the settings of a fresh libxlsxwriter format.
enum FormatBuilder {
    /// The most bytes libxlsxwriter keeps of a number format; longer ones it would cut silently.
    static let maxNumberFormatBytes = Int(LXW_FORMAT_FIELD_LEN) - 1

    /// Why `style` cannot become a format, or `nil` when it can.
    static func problem(with style: CellStyle) -> XLSXError? {
        for (name, color) in [("font colour", style.fontColor), ("background colour", style.backgroundColor)] {
            if let color, color > 0xFF_FFFF {
                return XLSXError(message: "The \(name) 0x\(String(color, radix: 16)) is not an 0xRRGGBB colour.")
            }
        }
        if let numberFormat = style.numberFormat {
            if let problem = CString.problem(numberFormat, "The number format \"\(numberFormat)\" cannot be used") {
                return problem
            }
            if numberFormat.utf8.count > maxNumberFormatBytes {
                return XLSXError(message: "The number format \"\(numberFormat)\" is longer than "
                                 + "libxlsxwriter's \(maxNumberFormatBytes) bytes.")
            }
        }
        return nil
    }

    /// Applies `style` to `format`. Call only when `problem(with:)` is `nil`.
    static func apply(_ style: CellStyle, to format: UnsafeMutablePointer<lxw_format>) {
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let color = style.fontColor { format_set_font_color(format, libraryColor(color)) }
        // A background colour alone means a solid fill to libxlsxwriter, in cell formats and in
        // conditional (differential) formats alike.
        if let color = style.backgroundColor { format_set_bg_color(format, libraryColor(color)) }
        if let numberFormat = style.numberFormat {
            numberFormat.withCString { format_set_num_format(format, $0) }
        }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.textWrap { format_set_text_wrap(format) }
        if let alignment = style.alignment { format_set_align(format, libraryAlignment(alignment)) }
    }

    /// libxlsxwriter reads colour 0 as "unset", so black has its own marker value.
    static func libraryColor(_ color: UInt32) -> lxw_color_t {
        color == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(color)
    }

    static func libraryAlignment(_ alignment: HorizontalAlignment) -> UInt8 {
        switch alignment {
        case .left: UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .justify: UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        }
    }
}
