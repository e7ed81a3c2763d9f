/// Files waiting to be read: at once when closed, or once their size and time stop changing.
///
/// A file written without a close (a slow copy, a writer that keeps it open) is looked at again
/// after the settle time; it is read as soon as two looks agree, so it is never skipped forever.
/// Pure value logic: the caller supplies the clock and the look at the file. Due times are seconds
/// on the caller's monotonic clock (a wall clock set back or forward must not move them); only a
/// file's age is told by the wall clock, which its modification time is on.
public struct SettleQueue: Sendable {
    /// What a look at a file saw.
    public struct Observation: Sendable, Equatable {
        /// Size in bytes.
        public var size: Int64
        /// Modification time, seconds since 1970.
        public var modificationTime: Double
        /// Creates an observation.
        public init(size: Int64, modificationTime: Double) {
            self.size = size
            self.modificationTime = modificationTime
        }
    }

    struct Entry: Sendable {
        var due: Double
        var lastSeen: Observation?
        /// Where the entry stands in `order`: its position plus `base`.
        var sequence: Int
    }

    /// Seconds a file must stay unchanged.
    public var settleTime: Double
    private var entries: [String: Entry] = [:]
    /// Paths in the order they were queued; a position is live while its entry's sequence points
    /// at it (a path queued again moves to the end). Lets a batch be taken from both ends without
    /// looking at every waiting file: a flood of 100,000 files costs a batch, not the flood.
    private var order: [String] = []
    /// The sequence of `order[0]`.
    private var base = 0
    /// Positions before this one are dead.
    private var head = 0

    /// Creates an empty queue.
    public init(settleTime: Double) {
        self.settleTime = settleTime
    }

    /// Files waiting.
    public var count: Int { entries.count }

    /// The earliest time at which `takeReady(at:limit:look:)` with this `limit` can return a file,
    /// or nil when none waits: when a loop that has nothing else to do comes round next.
    ///
    /// Only the files a round looks at count (its two bounded stretches), so a file due in the
    /// middle of a flood, which no round can reach yet, never has the loop come round for nothing.
    /// Costs what a round's looks cost: a flood of 100,000 files costs its two stretches.
    public func nextDue(limit: Int) -> Double? {
        let stretch = 16 * max(limit, 1)
        var earliest: Double?
        func consider(_ position: Int) {
            guard let entry = entries[order[position]], entry.sequence == base + position else { return }
            earliest = min(earliest ?? entry.due, entry.due)
        }
        // The back stretch, when a round gives the files queued last any places, then the front one.
        let backStart = limit / 2 > 0 ? max(head, order.count - stretch) : order.count
        for position in backStart..<order.count { consider(position) }
        for position in head..<min(backStart, head + stretch) { consider(position) }
        return earliest
    }

    /// A file closed after writing: due now.
    public mutating func enqueueClosed(_ path: String, at now: Double) {
        schedule(path, due: now, lastSeen: nil)
    }

    /// A file that may still be written, as `observation` shows it now: due after the settle time.
    ///
    /// A file that is already older than the settle time (found by a scan) is due at once: its age
    /// is `wallClock` (seconds since 1970, the clock of its modification time) minus that time.
    public mutating func enqueueChanging(_ path: String, observation: Observation?, at now: Double, wallClock: Double) {
        if let observation, wallClock - observation.modificationTime >= settleTime {
            schedule(path, due: now, lastSeen: nil)
        } else if entries[path] == nil || entries[path]?.lastSeen != nil {
            schedule(path, due: now + settleTime, lastSeen: observation)
        }
    }

    /// Forgets `path`, and everything below it when it may be a folder (an O(n) walk; a file
    /// removal passes false).
    public mutating func remove(_ path: String, withEverythingBelow: Bool = true) {
        entries[path] = nil
        guard withEverythingBelow else { return }
        let prefix = path + "/"
        for key in entries.keys where key.hasPrefix(prefix) { entries[key] = nil }
    }

    /// Takes the files due at `now` whose state has settled, at most `limit`.
    ///
    /// Half the places go to the files queued last and half to those queued first: a flood of
    /// thousands goes through oldest first, while a file dropped during it is read in the next
    /// round instead of after the whole flood. Each end is looked at over a bounded stretch, so a
    /// round costs about `limit`, however many files wait.
    ///
    /// `look` returns what the file is now, or nil when it is gone (it is then returned too, so
    /// the caller finds it missing and removes it). A file that changed since the last look waits
    /// another settle time.
    public mutating func takeReady(at now: Double, limit: Int, look: (String) -> Observation?) -> [String] {
        var ready: [String] = []
        let stretch = 16 * max(limit, 1)
        var position = order.count - 1
        while position >= 0, ready.count < limit / 2, order.count - position <= stretch {
            take(at: position, now: now, look: look, into: &ready)
            position -= 1
        }
        position = head
        while position < order.count, ready.count < limit, position - head < stretch {
            take(at: position, now: now, look: look, into: &ready)
            position += 1
        }
        compact()
        return ready.sorted()
    }

    /// Takes the live entry at `position` when it is due and settled, or queues it again.
    private mutating func take(
        at position: Int, now: Double, look: (String) -> Observation?, into ready: inout [String]
    ) {
        let path = order[position]
        guard let entry = entries[path], entry.sequence == base + position, entry.due <= now else { return }
        if let previous = entry.lastSeen, let current = look(path), current != previous {
            schedule(path, due: now + settleTime, lastSeen: current)
            return
        }
        entries[path] = nil
        ready.append(path)
    }

    private mutating func schedule(_ path: String, due: Double, lastSeen: Observation?) {
        entries[path] = Entry(due: due, lastSeen: lastSeen, sequence: base + order.count)
        order.append(path)
    }

    /// Trims dead positions: at the end at once, at the front once they are most of `order`.
    private mutating func compact() {
        func isLive(_ position: Int) -> Bool { entries[order[position]]?.sequence == base + position }
        // Trimmed end positions are past every live one, so their sequences can be given again.
        while !order.isEmpty, !isLive(order.count - 1) { order.removeLast() }
        head = min(head, order.count)
        while head < order.count, !isLive(head) { head += 1 }
        if head > 64, head * 2 > order.count {
            order.removeFirst(head)
            base += head
            head = 0
        }
    }
}
