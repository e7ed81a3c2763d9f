import Synchronization

/// The watch on the drop folder, which can be set up again when the folder comes back after it
/// was deleted, moved away or replaced (by a new folder or a symbolic link to one).
///
/// Events go to the ingest loop's inbox; `start()` fails while the folder is missing.
final class DropFolderWatch: Sendable {
    let root: String
    let skipsFolder: @Sendable (String) -> Bool
    let inbox: EventInbox
    private let current = Mutex<(watcher: Watcher, forwarder: Task<Void, Never>)?>(nil)

    init(root: String, inbox: EventInbox, skipsFolder: @escaping @Sendable (String) -> Bool) {
        self.root = root
        self.inbox = inbox
        self.skipsFolder = skipsFolder
    }

    /// Whether the folder is being watched.
    var isWatching: Bool { current.withLock { $0 != nil } }

    /// Watches the folder and every folder below it; throws a ``WatcherError`` naming the problem.
    func start() throws {
        let watcher = try Watcher(root: root, skipsFolder: skipsFolder)
        let inbox = self.inbox
        let forwarder = Task {
            for await event in watcher.events() { inbox.post(event) }
        }
        let previous = current.withLock { current in
            defer { current = (watcher, forwarder) }
            return current
        }
        previous?.watcher.stop()
        previous?.forwarder.cancel()
    }

    /// Stops watching. Safe to call when not watching.
    func stop() {
        let previous = current.withLock { current in
            defer { current = nil }
            return current
        }
        previous?.watcher.stop()
        previous?.forwarder.cancel()
    }
}
