/// The limits that keep one hostile or broken file from exhausting memory, stack or time.
///
/// Every limit, when exceeded, makes that file or document one `invalid` item (`too_large` or
/// `too_deep`); nothing is truncated silently and nothing crashes.
///
/// `standard`:
/// - `maxFileBytes` = 64 MiB. A file larger than this is not parsed at all (and when it is read
///   with `BadgeReader.read(contentsOfFile:)` it is not even loaded). Badges are a few KB, baked
///   images rarely over 1 MB; a bulk `.jsonl` export of ~60,000 awards still fits. Split larger
///   exports into several files.
/// - `maxDocumentBytes` = 4 MiB: one JSON document, one bundle line, one JWS, or the text baked
///   into an image. OB 3.0 credentials with `data:` images reach hundreds of KB, not megabytes.
/// - `maxDepth` = 64 nested arrays/objects. Real badges nest fewer than 10 levels; the parser
///   never goes deeper than 256 whatever is asked.
/// - `maxInflatedBytes` = 4 MiB: what a compressed PNG `zTXt`/`iTXt` chunk may inflate to, so a
///   zip bomb stops after at most this many bytes.
public struct ReadLimits: Sendable, Hashable {
    public var maxFileBytes: Int
    public var maxDocumentBytes: Int
    public var maxDepth: Int
    public var maxInflatedBytes: Int

    public init(maxFileBytes: Int, maxDocumentBytes: Int, maxDepth: Int, maxInflatedBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDepth = maxDepth
        self.maxInflatedBytes = maxInflatedBytes
    }

    public static let standard = ReadLimits(maxFileBytes: 64 << 20, maxDocumentBytes: 4 << 20,
                                            maxDepth: 64, maxInflatedBytes: 4 << 20)
}
