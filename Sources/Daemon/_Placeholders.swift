// TEMPORARY until the real Journal/Notify/Watcher land.
import Logging
enum LogTarget: String, Sendable { case auto, journal, stderr }
final class Journal: Sendable {
    init(target: LogTarget) {}
    var isJournald: Bool { false }
    @discardableResult func send(_ fields: [(name: String, value: String)]) -> Bool { print(fields); return false }
}
struct JournalLogHandler: LogHandler {
    init(label: String, journal: Journal) {}
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? { get { nil } set {} }
    func log(event: LogEvent) {}
}
enum Notify {
    static func ready(status: String?) {}
    static func status(_ s: String) {}
    static func stopping() {}
}
struct WatchEvent: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case closed, changed, removed, folderRemoved, overflow }
    var kind: Kind
    var path: String
}
final class Watcher: Sendable {
    init(root: String, skipsFolder: @escaping @Sendable (String) -> Bool) throws {}
    func events() -> AsyncStream<WatchEvent> { AsyncStream { _ in } }
    func stop() {}
}
