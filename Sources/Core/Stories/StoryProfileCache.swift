import Synchronization

/// What placement compares of the story profiles it used recently (their similarity records,
/// ``StoryProfile/similarityRecord(of:)``), each with the stored version it was read at.
///
/// Reading 50 candidate records from SQLite for every new article cost more than comparing them.
/// Candidates are compared through the record (``StoryProfile/similarity(record:terms:keys:language:)``):
/// its vectors are sorted by hash, so a comparison merges them instead of hashing every key, as a
/// decoded profile's dictionaries did (4% of ingest). The version column of `stories` goes up with
/// every write, by this process or another, so a cached record is used only while it is still the
/// stored one. Bounded: past `limit` records the cache starts again empty, which keeps the
/// daemon's memory small; the stories that are busy come back at once.
package final class StoryProfileCache: Sendable {
    /// By the story id's bits: looked up for every candidate of every article.
    private let records: Mutex<HashValueMap<(version: Int64, record: [UInt8])>>
    private let limit: Int

    /// At most `limit` records. 2,048 by default, about 1.5 kB each: in the memory that held 1,024
    /// whole records (3-5 kB), which left placement reading candidates from SQLite at 2.4% of an
    /// ingest of 2,000 files (0.7% now). SQLite's page cache (8 MB, see `Store`) keeps more of
    /// the records read in memory. Holding 4,096 saved little more at 20,000 stories, where most
    /// candidates are read anyway, and took the ingest's peak memory near 100 MB.
    package init(limit: Int = 2_048) {
        self.limit = limit
        records = Mutex(HashValueMap(minimumCapacity: limit))
    }

    /// The cached record of `story` (what comparing reads of it) if it is at `version`.
    package func record(_ story: Int64, version: Int64) -> [UInt8]? {
        records.withLock { records in
            guard let cached = records[UInt64(bitPattern: story)], cached.version == version else { return nil }
            return cached.record
        }
    }

    /// Caches `similarityRecord`, what comparing reads of the stored record of `story` at `version`
    /// (``StoryProfile/comparedRecord(of:)``).
    package func store(similarityRecord compared: [UInt8], story: Int64, version: Int64) {
        records.withLock { records in
            if records.count >= limit { records = HashValueMap(minimumCapacity: limit) }
            records[UInt64(bitPattern: story)] = (version, compared)
        }
    }

    /// The cached records of `stories` at `versions` (by position: nil where the version is
    /// unknown or the cache lacks that record), and the stories whose records are to be read.
    package func records(of stories: [Int64], versions: [Int64?]) -> (records: [[UInt8]?], uncached: [Int64]) {
        var found = [[UInt8]?](repeating: nil, count: stories.count)
        var uncached: [Int64] = []
        for (index, story) in stories.enumerated() {
            guard let version = versions[index] else { continue }
            if let record = record(story, version: version) {
                found[index] = record
            } else {
                uncached.append(story)
            }
        }
        return (found, uncached)
    }

    /// Forgets every record.
    package func removeAll() {
        records.withLock { $0 = HashValueMap(minimumCapacity: limit) }
    }
}
