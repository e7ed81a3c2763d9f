/// A multimap from 64-bit hashes to 32-bit ids, any number of ids under a hash: open addressing
/// with linear probing over two flat arrays, one entry per (hash, id) pair.
///
/// The open-story index files every open article under the hashes of its eight MinHash bands
/// (``OpenStoryIndex``), and nearly every band holds one article. As a `Dictionary` of lists this
/// was the index's largest table: 24 bytes a slot, 6 MB at 20,000 open articles, and half as much
/// again while it grew, with SipHash on every band. Here an entry takes 12 bytes and the table
/// is at most three quarters full.
///
/// The hashes 0 and 1 share their entries (0 marks an empty slot): for hashes of keys, as here,
/// a shared hash only adds a candidate that its caller checks anyway.
struct HashMultimap: Sendable {
    /// The slots' hashes, 0 when empty. A power of two.
    private var hashes: [UInt64]
    /// The slots' ids.
    private var ids: [UInt32]
    /// How far right the Fibonacci product is shifted to give a slot index.
    private var shift: UInt64
    /// The entries.
    private(set) var count = 0

    /// An empty multimap with room for `minimumCapacity` entries without growing.
    init(minimumCapacity: Int = 0) {
        var size = 16
        while size * 3 < minimumCapacity * 4 { size *= 2 }
        hashes = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
        shift = LinearProbing.shift(forSize: size)
    }

    /// Files `id` under `hash`; an id filed twice under a hash is there twice.
    mutating func insert(_ id: UInt32, at hash: UInt64) {
        let hash = Self.stored(hash)
        let mask = hashes.count - 1
        var index = slot(of: hash)
        while hashes[index] != 0 { index = (index + 1) & mask }
        hashes[index] = hash
        ids[index] = id
        count += 1
        if count * 4 > hashes.count * 3 { grow() }
    }

    /// Removes one `id` filed under `hash`, if there is one.
    ///
    /// Without tombstones: see ``LinearProbing/mayFill(gap:from:home:mask:)``.
    mutating func remove(_ id: UInt32, at hash: UInt64) {
        let hash = Self.stored(hash)
        let mask = hashes.count - 1
        var gap = slot(of: hash)
        while hashes[gap] != hash || ids[gap] != id {
            guard hashes[gap] != 0 else { return }
            gap = (gap + 1) & mask
        }
        var next = (gap + 1) & mask
        while hashes[next] != 0 {
            if LinearProbing.mayFill(gap: gap, from: next, home: slot(of: hashes[next]), mask: mask) {
                hashes[gap] = hashes[next]
                ids[gap] = ids[next]
                gap = next
            }
            next = (next + 1) & mask
        }
        hashes[gap] = 0
        count -= 1
    }

    /// The ids filed under `hash`, in no particular order.
    func ids(at hash: UInt64) -> [UInt32] {
        let hash = Self.stored(hash)
        let mask = hashes.count - 1
        var found: [UInt32] = []
        var index = slot(of: hash)
        while hashes[index] != 0 {
            if hashes[index] == hash { found.append(ids[index]) }
            index = (index + 1) & mask
        }
        return found
    }

    /// Doubles the table, filing the entries again.
    private mutating func grow() {
        let entries = zip(hashes, ids).filter { $0.0 != 0 }
        hashes = Array(repeating: 0, count: hashes.count * 2)
        ids = Array(repeating: 0, count: ids.count * 2)
        shift -= 1
        count = 0
        for (hash, id) in entries { insert(id, at: hash) }
    }

    /// The hash as kept in a slot: 0 is the empty mark, so it is kept as 1.
    private static func stored(_ hash: UInt64) -> UInt64 { max(hash, 1) }

    /// The first slot to try for `hash`.
    private func slot(of hash: UInt64) -> Int {
        LinearProbing.home(of: hash, shift: shift)
    }
}
