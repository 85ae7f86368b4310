/// Why a file, line or embedded text could not be read as an Open Badges document.
///
/// `code` is stable and machine-readable (SPEC §5 step 1: `malformed_json`,
/// `missing_field:recipient`, `bad_date`, …); `message` is one sentence a person can act on.
public struct InvalidReason: Sendable, Error, Hashable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The codes this module produces.
    public enum Code {
        /// Not JSON: a syntax error, a comment, a trailing comma, a repeated key.
        public static let malformedJSON = "malformed_json"
        /// Text that is not UTF-8 (Latin-1, UTF-16, binary).
        public static let notUTF8 = "not_utf8"
        /// JSON nested deeper than `ReadLimits.maxDepth`.
        public static let tooDeep = "too_deep"
        /// A file, document or inflated text over its `ReadLimits` size.
        public static let tooLarge = "too_large"
        /// A file of 0 bytes.
        public static let emptyFile = "empty_file"
        /// A date that is not a Unix time, an ISO 8601 date-time or `YYYY-MM-DD`, or not a real day.
        public static let badDate = "bad_date"
        /// A recipient identity that cannot be compared (a malformed hash, an unknown algorithm).
        public static let badRecipient = "bad_recipient"
        /// JSON that is not an award or catalog document this product reads.
        public static let unsupportedFormat = "unsupported_format"
        /// An `@context` that names no Open Badges or Verifiable Credentials vocabulary.
        public static let unknownContext = "unknown_context"
        /// An image with no `openbadges` / `openbadgecredential` data in it.
        public static let noBadgeData = "no_badge_data"
        /// A PNG that is truncated or corrupt (bad signature, chunk length, CRC, compressed text).
        public static let badPNG = "bad_png"
        /// An SVG that cannot be scanned safely (unbalanced or unterminated markup).
        public static let badSVG = "bad_svg"
        /// An SVG whose DOCTYPE declares an external entity (XXE); never loaded.
        public static let svgExternalEntity = "svg_external_entity"
        /// An SVG whose DOCTYPE declares internal entities (entity expansion bombs); never expanded.
        public static let svgEntityDeclaration = "svg_entity_declaration"
        /// A compact JWS / VC-JWT that is not three base64url segments with JSON header and payload.
        public static let badToken = "bad_token"
        /// A file that could not be opened or read.
        public static let unreadableFile = "unreadable_file"

        /// A required property is absent: `missing_field:recipient`.
        public static func missingField(_ name: String) -> String { "missing_field:\(name)" }
        /// A property has the wrong kind of value: `bad_field:badge`.
        public static func badField(_ name: String) -> String { "bad_field:\(name)" }
    }
}
