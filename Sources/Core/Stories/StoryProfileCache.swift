import Synchronization

/// Story profiles recently used by placement, each with the stored version it was read at:
/// decoded when the story took an article, else as its stored record (compared without decoding).
///
/// Reading 50 candidate records from SQLite for every new article cost more than comparing them.
/// The version column of `stories` goes up with every write, by this process or another, so a
/// cached entry is used only while it is still the stored one. Bounded: past `limit` entries
/// (a decoded profile is about 10 kB, a record 3-5 kB) the cache starts again empty, which keeps
/// the daemon's memory small; the stories that are busy come back at once.
final class StoryProfileCache: Sendable {
    /// A cached story: its decoded profile, or its record when it was only compared.
    enum Entry: Sendable {
        case profile(StoryProfile)
        case record([UInt8])
    }

    private let entries = Mutex<[Int64: (version: Int64, entry: Entry)]>([:])
    private let limit: Int

    init(limit: Int = 2_048) {
        self.limit = limit
    }

    /// What is cached of `story` if it is at `version`.
    func entry(_ story: Int64, version: Int64) -> Entry? {
        entries.withLock { entries in
            guard let cached = entries[story], cached.version == version else { return nil }
            return cached.entry
        }
    }

    /// Caches `profile` as stored at `version`.
    func store(_ profile: StoryProfile, version: Int64) {
        store(.profile(profile), story: profile.id, version: version)
    }

    /// Caches `entry` of `story` as stored at `version`.
    func store(_ entry: Entry, story: Int64, version: Int64) {
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[story] = (version, entry)
        }
    }

    /// Forgets everything (after a rolled-back transaction).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
