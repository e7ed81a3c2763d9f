import Core
import Foundation

/// Writes a day's digest as `STATE/digests/YYYY-MM-DD.md`, `.json` and `.html` and records it, with its
/// journal entry, in the archive: what both the scheduler and `digest --publish` do.
struct DigestPublisher: Sendable {
    let store: any Archive
    let stateDirectory: String
    let schedule: DigestSchedule
    /// How many stories the digest lists.
    var topStories = 10

    /// The digest of `day`, or a usage error for a day that is not a date.
    func digest(of day: String) throws -> Digest {
        guard let digest = try store.digest(of: day, schedule: schedule, topStories: topStories) else {
            throw DigestError("'\(day)' is not a date: write it YYYY-MM-DD")
        }
        return digest
    }

    /// The digest as JSON, keys sorted, for people and tools.
    static func json(_ digest: Digest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(digest)
    }

    /// Builds, writes and records the digest of `day`; returns the Markdown file's path, or nil
    /// when another host of a shared archive published it (``Archive/publishingOnce(_:_:)``).
    ///
    /// The files are written first, each under a temporary name then renamed, so a reader never
    /// sees half a digest; the record comes last, so a crash in between publishes again on start.
    @discardableResult
    func publish(_ day: String) throws -> String? {
        try store.publishingOnce(day) { try publishHere(day) }
    }

    private func publishHere(_ day: String) throws -> String {
        let digest = try digest(of: day)
        let folder = stateDirectory + "/digests"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let markdownPath = folder + "/\(day).md"
        try Self.write(Data(digest.markdown.utf8), to: markdownPath)
        try Self.write(try Self.json(digest), to: folder + "/\(day).json")
        try Self.write(Data(digest.html.utf8), to: folder + "/\(day).html")
        _ = try store.recordPublished(digest, path: markdownPath, at: Date())
        return markdownPath
    }

    static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw DigestError("Cannot move '\(temporary)' to '\(path)': \(String(cString: strerror(errno)))")
        }
    }
}

/// A digest that cannot be made, with the reason.
struct DigestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
