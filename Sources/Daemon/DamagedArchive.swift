import Core
import Foundation
import Glibc

/// How a damaged archive is reported: one sentence naming the file, what is wrong and the fix.
enum DamagedArchive {
    /// `error`'s sentence followed by the `newsdrop reindex` command that rebuilds this archive.
    ///
    /// `inbox` is the drop folder when it is known (from the configuration or the command line);
    /// otherwise the command says `--inbox DIR`.
    static func sentence(_ error: StoreError, inbox: String?, stateDirectory: String) -> String {
        let state = Config.absolute(stateDirectory)
        let drop = inbox.map(Config.absolute) ?? "DIR"
        // The archive named by its absolute path, whatever the command line said.
        return StoreError.damaged(path: state + "/" + Store.databaseName, reason: error.reason).message
            + "; rebuild it from the drop folder with 'newsdrop reindex --inbox \(drop) --state-dir \(state)'"
            + " (the damaged file is kept beside it as \(Store.databaseName).damaged-TIME)"
    }

    /// The drop folder of the configuration file in use (`--config`, else the system one when it
    /// exists), or nil when none is read: the defaults would name a folder that may not be the right one.
    static func configuredInbox(config: String?) -> String? {
        guard config != nil || FileManager.default.fileExists(atPath: Config.systemPath) else { return nil }
        return (try? Config.load(path: config))?.inbox
    }

    /// Whether standard error is connected to the journal, as under systemd by default.
    ///
    /// systemd sets `JOURNAL_STREAM=DEVICE:INODE` for the stream it connects; a line written there
    /// would reach the journal a second time beside the entry logged with its fields.
    static var isStandardErrorTheJournal: Bool {
        guard let stream = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        var status = stat()
        guard parts.count == 2, fstat(2, &status) == 0 else { return false }
        return UInt64(parts[0]) == UInt64(status.st_dev) && UInt64(parts[1]) == UInt64(status.st_ino)
    }
}
