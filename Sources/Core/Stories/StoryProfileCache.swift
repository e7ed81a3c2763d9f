import Synchronization

/// The stored records of the story profiles placement used recently, each with the stored version
/// it was read at.
///
/// Reading 50 candidate records from SQLite for every new article cost more than comparing them.
/// Candidates are compared through the record (``StoryProfile/similarity(record:terms:keys:language:)``):
/// its vectors are sorted by hash, so a comparison merges them instead of hashing every key, as a
/// decoded profile's dictionaries did (4% of ingest). Only the story an article joins is decoded.
/// The version column of `stories` goes up with every write, by this process or another, so a
/// cached record is used only while it is still the stored one. Bounded: past `limit` records
/// (3-5 kB each) the cache starts again empty, which keeps the daemon's memory small; the stories
/// that are busy come back at once.
final class StoryProfileCache: Sendable {
    /// By the story id's bits: looked up for every candidate of every article.
    private let records: Mutex<HashValueMap<(version: Int64, record: [UInt8])>>
    private let limit: Int

    /// At most `limit` records. 1,024 by default: SQLite's page cache (8 MB, see `Store`) keeps
    /// more of the records it evicts in memory, for less than doubling this cache would take.
    init(limit: Int = 1_024) {
        self.limit = limit
        records = Mutex(HashValueMap(minimumCapacity: limit))
    }

    /// The cached record of `story` if it is at `version`.
    func record(_ story: Int64, version: Int64) -> [UInt8]? {
        records.withLock { records in
            guard let cached = records[UInt64(bitPattern: story)], cached.version == version else { return nil }
            return cached.record
        }
    }

    /// Caches `record` of `story` as stored at `version`.
    func store(_ record: [UInt8], story: Int64, version: Int64) {
        records.withLock { records in
            if records.count >= limit { records = HashValueMap(minimumCapacity: limit) }
            records[UInt64(bitPattern: story)] = (version, record)
        }
    }

    /// Forgets every record.
    func removeAll() {
        records.withLock { $0 = HashValueMap(minimumCapacity: limit) }
    }
}
