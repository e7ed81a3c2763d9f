import Synchronization

/// Decoded story profiles, each with the stored version it was read at.
///
/// Decoding the 50 candidate profiles of every new article would cost more than everything else
/// in the transaction. The version column of `stories` goes up with every write, by this process
/// or another, so a cached profile is used only while it is still the stored one. Bounded: past `limit` entries (about 10 kB each) the cache starts again
/// empty, which keeps the daemon's memory small; the stories that are busy come back at once.
final class StoryProfileCache: Sendable {
    private let entries = Mutex<[Int64: (version: Int64, profile: StoryProfile)]>([:])
    private let limit: Int

    init(limit: Int = 2_048) {
        self.limit = limit
    }

    /// The cached profile of `story` if it is at `version`.
    func profile(_ story: Int64, version: Int64) -> StoryProfile? {
        entries.withLock { entries in
            guard let entry = entries[story], entry.version == version else { return nil }
            return entry.profile
        }
    }

    /// Caches `profile` as stored at `version`.
    func store(_ profile: StoryProfile, version: Int64) {
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[profile.id] = (version, profile)
        }
    }

    /// Forgets everything (after a rolled-back transaction).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
