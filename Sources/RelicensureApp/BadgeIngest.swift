import Foundation
import Logging
import OpenBadges
import RelicensureStore

/// Reads tonight's files from the inbox and uploads into staging tables: every file once per
/// content, every item recorded (unreadable ones as `invalid`). Awards stream into one open
/// COPY as each file is read (`AwardStaging`), so the server stores them on the other core
/// while the next file is parsed; the other rows are flushed by COPY in chunks, which ends
/// that COPY first. Memory stays bounded by one file and one chunk, not the night.
struct BadgeIngest {
    /// Tallies for the run record and the summary line.
    struct Tally: Sendable {
        var filesRead = 0
        var filesSeenBefore = 0
        var filesNotBadges = 0
        var items = 0
        var invalidItems = 0
        /// Files left for a later night because they may still be being written.
        var filesSettling = 0
    }

    let store: Store
    var days: ZonedDays
    let runID: Int64
    let day: CalendarDate
    let logger: Logger
    let settle: SettleWindow
    var limits = ReadLimits.standard
    /// Rows other than awards kept in memory before a COPY.
    var chunkSize = 5_000
    /// The COPY tonight's awards stream into, open from the first award read until the other
    /// rows are flushed.
    var awardStaging: AwardStaging?

    var awards: [IncomingAward] = []
    /// Catalog documents waiting to be staged, the last of each (kind, id, source) only: the
    /// merge keeps the last one staged, and assertions that embed their BadgeClass bring one
    /// per award, which would otherwise end the awards' COPY every few thousand awards.
    var catalog: [IncomingCatalogDocument] = []
    var catalogPositions: [CatalogKey: Int] = [:]
    var revocations: [IncomingRevocation] = []
    var files: [IncomingSourceFile] = []
    var stamps: [IncomingFileStamp] = []
    /// The stamps of the files hashed on earlier nights, by path, of the folder being read: a
    /// file with the same size and modification time is not read again.
    var knownStamps: [String: String] = [:]
    var tally = Tally()
    /// Files and subfolders that could not be read tonight.
    var unreadable: [String] = []

    init(store: Store, timeZone: TimeZone, runID: Int64, day: CalendarDate, logger: Logger, settle: SettleWindow) {
        self.store = store
        self.days = ZonedDays(timeZone)
        self.runID = runID
        self.day = day
        self.logger = logger
        self.settle = settle
    }

    /// Every regular file under `folder`, in a stable order (none when it cannot be read).
    static func files(under folder: String) -> [String] {
        (try? FolderListing.list(folder, setting: "inbox"))?.files ?? []
    }

    /// Reads every file of one folder not seen before: all chosen first, in order (so that the
    /// settle window judges every file against the same listing), then read one after another.
    /// - Throws: ``AppError`` (exit 1) when the folder itself is missing, not a folder or unreadable.
    mutating func ingest(folder: String, source: BadgeSource, seen: inout Set<String>) throws {
        let listing = try FolderListing.list(folder, setting: source == .inbox ? "inbox" : "uploads")
        for path in listing.unreadable { cannotRead(path) }
        knownStamps = try store.fileStamps(from: source)
        let paths = listing.files
        try store.forgetStamps(from: source, except: paths)
        let chosen = paths.compactMap { choose($0) }
        do {
            for file in chosen {
                try accept(try file.read(limits: limits), of: file, source: source, seen: &seen)
            }
            try flush()
        } catch {
            // The night fails and rolls back; the connection must be out of the COPY for that.
            awardStaging?.cancel()
            awardStaging = nil
            throw error
        }
    }

    /// A file or subfolder this night could not read: it is tried again next night, and the
    /// night ends with exit 4 so that a person looks (SPEC §7).
    private mutating func cannotRead(_ path: String) {
        unreadable.append(path)
        logger.warning("cannot read; it will be tried again next night", metadata: ["file": "\(path)"])
    }

    /// The file to read, or `nil` when it is not a badge file, cannot be examined, may still
    /// be being written, or has the stamp it had when it was read before.
    private mutating func choose(_ path: String) -> ChosenFile? {
        let name = (path as NSString).lastPathComponent
        guard BadgeReader.isBadgeFile(name) else {
            tally.filesNotBadges += 1
            logger.info("skipped: not a badge file", metadata: ["file": "\(path)"])
            return nil
        }
        guard let stamp = FileStamp(path: path) else {
            cannotRead(path)
            return nil
        }
        if let age = settle.unsettledAge(of: stamp) {
            putOff(path, reason: "modified \(Int(age.rounded())) s before the run started (settle window \(settle.seconds) s)")
            return nil
        }
        if knownStamps[path] == stamp.key {
            tally.filesSeenBefore += 1
            return nil
        }
        return ChosenFile(path: path, stamp: stamp)
    }

    /// Records what reading a file found: its stamp, and its items unless its bytes were read before.
    private mutating func accept(_ outcome: ChosenFile.Outcome, of job: ChosenFile, source: BadgeSource,
                                 seen: inout Set<String>) throws {
        let path = job.path, size = job.stamp.size
        let digest: String
        let items: [ReadItem]
        switch outcome {
        case .unreadable:
            cannotRead(path)
            return
        case .changedWhileRead:
            putOff(path, reason: "it changed while it was being read")
            return
        case .tooLarge(let hash):
            digest = hash
            items = [BadgeReader.tooLargeItem(size: size, limits: limits, sha256: hash)]
        case .read(let hash, .notABadgeFile):
            digest = hash
            items = []
        case .read(let hash, .items(let read)):
            digest = hash
            items = read
        }
        stamps.append(IncomingFileStamp(source: source, path: path, sizeBytes: size, stamp: job.stamp.text, sha256: digest))
        guard seen.insert(digest).inserted else {
            tally.filesSeenBefore += 1
            return
        }
        if case .read(_, .notABadgeFile) = outcome {
            tally.filesNotBadges += 1
            return
        }
        tally.filesRead += 1
        for item in items { record(item, file: path, fileDigest: digest, source: source) }
        files.append(IncomingSourceFile(sha256: digest, path: path, source: source, sizeBytes: size, items: items.count))
        try streamAwards()
        if catalog.count + revocations.count + files.count + stamps.count >= chunkSize { try flush() }
    }

    /// Leaves a file that may still be being written for a later night; nothing of it is
    /// recorded, so it is read whole once it has settled.
    private mutating func putOff(_ path: String, reason: String) {
        tally.filesSettling += 1
        logger.info("skipped: the file may still be being written; it is read on a later night",
                    metadata: ["file": "\(path)", "why": "\(reason)"])
    }

    /// Hands the awards read so far to the open COPY, opening it for the night's first.
    private mutating func streamAwards() throws {
        guard !awards.isEmpty else { return }
        let staging = try awardStaging ?? store.openAwardStaging(runID: runID, seenOn: day)
        awardStaging = staging
        try staging.stage(awards)
        awards.removeAll(keepingCapacity: true)
    }

    /// Ends the awards' COPY, then stages the rows waiting in memory.
    mutating func flush() throws {
        try streamAwards()
        if let staging = awardStaging {
            awardStaging = nil
            try staging.finish()
        }
        try store.stage(catalog: catalog, runID: runID)
        try store.stage(revocations: revocations)
        try store.stage(files: files, runID: runID, seenOn: day)
        try store.stage(stamps: stamps)
        stamps.removeAll(keepingCapacity: true)
        catalog.removeAll(keepingCapacity: true)
        catalogPositions.removeAll(keepingCapacity: true)
        revocations.removeAll(keepingCapacity: true)
        files.removeAll(keepingCapacity: true)
    }
}

extension BadgeIngest {
    /// Which catalog document a row is: the merge keeps one per key (`Store.mergeStaged`).
    struct CatalogKey: Hashable {
        let kind: IncomingCatalogDocument.Kind
        let documentID: String
        let source: BadgeSource
    }

    /// Adds `document` to the catalog rows waiting, in place of an earlier one with its key.
    mutating func addToCatalog(_ document: IncomingCatalogDocument) {
        let key = CatalogKey(kind: document.kind, documentID: document.documentID, source: document.source)
        if let position = catalogPositions[key] {
            catalog[position] = document
        } else {
            catalogPositions[key] = catalog.count
            catalog.append(document)
        }
    }
}
