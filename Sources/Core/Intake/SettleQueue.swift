/// Files waiting to be read: at once when closed, or once their size and time stop changing.
///
/// A file written without a close (a slow copy, a writer that keeps it open) is looked at again
/// after the settle time; it is read as soon as two looks agree, so it is never skipped forever.
/// Pure value logic: the caller supplies the clock and the look at the file.
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
    }

    /// Seconds a file must stay unchanged.
    public var settleTime: Double
    private var entries: [String: Entry] = [:]

    /// Creates an empty queue.
    public init(settleTime: Double) {
        self.settleTime = settleTime
    }

    /// Files waiting.
    public var count: Int { entries.count }

    /// The earliest time a waiting file is due, or nil when none waits.
    public var nextDue: Double? { entries.values.map(\.due).min() }

    /// A file closed after writing: due now.
    public mutating func enqueueClosed(_ path: String, at now: Double) {
        entries[path] = Entry(due: now, lastSeen: nil)
    }

    /// A file that may still be written, as `observation` shows it now: due after the settle time.
    ///
    /// A file that is already older than the settle time (found by a scan) is due at once.
    public mutating func enqueueChanging(_ path: String, observation: Observation?, at now: Double) {
        if let observation, now - observation.modificationTime >= settleTime {
            entries[path] = Entry(due: now, lastSeen: nil)
        } else if entries[path] == nil || entries[path]?.lastSeen != nil {
            entries[path] = Entry(due: now + settleTime, lastSeen: observation)
        }
    }

    /// Forgets `path`, and everything below it when it is a folder.
    public mutating func remove(_ path: String) {
        entries[path] = nil
        let prefix = path + "/"
        for key in entries.keys where key.hasPrefix(prefix) { entries[key] = nil }
    }

    /// Takes the files due at `now` whose state has settled, at most `limit`.
    ///
    /// `look` returns what the file is now, or nil when it is gone (it is then returned too, so
    /// the caller finds it missing and removes it). A file that changed since the last look waits
    /// another settle time.
    public mutating func takeReady(at now: Double, limit: Int, look: (String) -> Observation?) -> [String] {
        var ready: [String] = []
        for (path, entry) in entries where entry.due <= now {
            if ready.count >= limit { break }
            if let previous = entry.lastSeen, let current = look(path), current != previous {
                entries[path] = Entry(due: now + settleTime, lastSeen: current)
                continue
            }
            entries[path] = nil
            ready.append(path)
        }
        return ready.sorted()
    }
}
