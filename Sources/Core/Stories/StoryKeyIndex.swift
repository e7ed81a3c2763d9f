/// The in-memory index from candidate keys to stories, read most recently updated first.
///
/// Mirrors a table `story_keys(key, story_id, last_seen)` with an index on `(key, last_seen DESC)`:
/// a story is listed under its current ``StoryProfile/indexKeys`` only, and a lookup reads at most
/// ``StoryClusteringOptions/storiesPerKey`` stories per key, so it costs at most
/// 20 × 200 rows however many stories share a common key such as `e:US`.
struct StoryKeyIndex {
    /// Per key, stories in the order they were indexed under it, latest last, each with the
    /// generation of its keys then; an entry of an older generation is stale (the row a store
    /// would have deleted), which spares comparing key sets on every read.
    ///
    /// Keyed by the key's stable hash rather than the key itself: at 20,000 open stories the key
    /// strings alone took tens of megabytes, and a 64-bit hash collision costs one extra candidate.
    /// Most keys name one story: ``CompactList`` keeps it without an allocation. A story id is
    /// kept in 32 bits (an archive's first four billion stories; a later story is not indexed and
    /// so never a candidate), which makes an entry 8 bytes instead of 16: 3 MB less at 20,000.
    private var postings: [UInt64: CompactList<(story: UInt32, generation: Int32)>] = [:]
    /// Each open story's current generation, bumped whenever its keys are replaced; by the story
    /// id's bits. Read for every entry a lookup walks (thousands per article at 20,000 open
    /// stories): a `Dictionary` hashed each id with SipHash.
    private var generations = HashValueMap<Int32>()

    /// Replaces the keys of `story` with `keys`, making it the most recent story under each.
    mutating func index(_ story: Int64, under keys: [String], scanned limit: Int) {
        guard let shortID = UInt32(exactly: story) else { return }
        let generation = (generations[UInt64(shortID)] ?? 0) &+ 1
        generations[UInt64(shortID)] = generation
        for key in keys.map(StableHash.of) {
            // The story's own entry of a former generation, last under the key, is stale: it is
            // replaced rather than kept beside the new one (a key of one story would else grow a
            // list at every article the story takes).
            if let last = postings[key]?.last, last.story == shortID, let position = postings[key]?.indices.last {
                postings[key]?[position] = (shortID, generation)
                continue
            }
            postings.append((shortID, generation), at: key)
            // Compaction keeps each list near `limit` live entries: older ones would never be read.
            if let count = postings[key]?.count, count > 4 * limit { compact(key, keeping: limit) }
        }
    }

    /// Drops the entries of stories no longer indexed (closed, or under keys they have since
    /// left) and the keys left with none.
    ///
    /// Closing a story only forgets its generation: without this sweep, the keys of every story a
    /// service ever saw stayed in memory (about half a megabyte a day at a thousand articles a day).
    mutating func dropStale() {
        var kept: [UInt64: CompactList<(story: UInt32, generation: Int32)>] = [:]
        kept.reserveCapacity(postings.count)
        for (key, list) in postings {
            let live = list.filter { generations[UInt64($0.story)] == $0.generation }
            if !live.isEmpty { kept[key] = CompactList(live) }
        }
        postings = kept
    }

    /// The entries under all keys, live or stale.
    var entryCount: Int { postings.values.reduce(0) { $0 + $1.count } }

    /// Forgets a story that left the window.
    mutating func remove(_ story: Int64) {
        guard let shortID = UInt32(exactly: story) else { return }
        generations[UInt64(shortID)] = nil
    }

    /// The stories sharing the most keys with `keys`, at most `limit`, reading at most `perKey`
    /// open stories under each key; ties go to the most recently seen story.
    ///
    /// - Parameter lastSeen: when an open story was last seen (seconds since 1970); nil for a story
    ///   out of the window.
    func candidates(for keys: [String], perKey: Int, limit: Int, lastSeen: (Int64) -> Double?) -> [Int64] {
        // Per story found: under how many keys. The count goes up in place: at 20,000 open
        // stories this walk was 8% of an ingest. Stories are found by their id's bits in a
        // `HashValueMap` (a `Dictionary` hashed each with SipHash).
        var found: [(story: UInt32, count: Int)] = []
        var positions = HashValueMap<Int>(minimumCapacity: 128)
        for key in keys {
            guard let list = postings[StableHash.of(key)] else { continue }
            // A story has one live entry under a key at most (``index(_:under:scanned:)`` makes
            // the former one stale): counting live entries counts distinct stories.
            var read = 0
            var position = list.count
            while position > 0, read < perKey {
                position -= 1
                let entry = list[position]
                let id = UInt64(entry.story)
                guard generations[id] == entry.generation else { continue }
                read += 1
                if let known = positions[id] {
                    found[known].count += 1
                } else {
                    positions[id] = found.count
                    found.append((entry.story, 1))
                }
            }
        }
        // `lastSeen` only for the stories that can rank: those of the most keys, level by level,
        // until a level leaves `limit` open ones. At 20,000 open stories an article finds a few
        // thousand, most under one key, and asking for each of them was a fifth of this walk.
        var open: [(story: Int64, count: Int, lastSeen: Double)] = []
        for level in Self.byCountDescending(found) {
            for hit in level {
                if let seen = lastSeen(Int64(hit.story)) { open.append((Int64(hit.story), hit.count, seen)) }
            }
            if open.count >= limit { break }
        }
        // The first `limit` in rank order, not all of them sorted.
        let ranked = open.prefixOfSorted(limit) { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return lhs.lastSeen != rhs.lastSeen ? lhs.lastSeen > rhs.lastSeen : lhs.story > rhs.story
        }
        return ranked.map(\.story)
    }

    /// `found` grouped by count, the largest count first (a counting sort: counts are at most the
    /// number of keys looked up).
    private static func byCountDescending(
        _ found: [(story: UInt32, count: Int)]
    ) -> [ArraySlice<(story: UInt32, count: Int)>] {
        guard let largest = found.lazy.map(\.count).max() else { return [] }
        // Where each count's group starts, the largest count's first.
        var starts = [Int](repeating: 0, count: largest + 2)
        for hit in found { starts[largest - hit.count + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var grouped = [(story: UInt32, count: Int)](repeating: (0, 0), count: found.count)
        var next = starts
        for hit in found {
            grouped[next[largest - hit.count]] = hit
            next[largest - hit.count] += 1
        }
        return (0...largest - 1).compactMap { group in
            starts[group] < starts[group + 1] ? grouped[starts[group]..<starts[group + 1]] : nil
        }
    }

    /// Rewrites one key's list as its latest `limit` distinct stories still indexed under it.
    private mutating func compact(_ key: UInt64, keeping limit: Int) {
        guard let list = postings[key] else { return }
        var seen = Set<UInt32>()
        var kept: [(story: UInt32, generation: Int32)] = []
        for entry in list.reversed() where seen.count < limit {
            if generations[UInt64(entry.story)] == entry.generation, seen.insert(entry.story).inserted {
                kept.append(entry)
            }
        }
        postings[key] = CompactList(kept.reversed())
    }
}
