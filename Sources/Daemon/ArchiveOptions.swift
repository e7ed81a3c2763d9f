import ArgumentParser
import Core
import Foundation

/// `--state-dir` and `--config`, shared by the commands that read the archive.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .customLong("state-dir"),
        help: "The state directory holding the archive (default: state_dir of the config).")
    var stateDirectory: String?

    @Option(help: "A configuration file (default: /etc/newsdrop/newsdrop.toml when it exists).")
    var config: String?

    @Option(help: DatabaseArchive.help)
    var database: String?

    @Option(help: DatabaseArchive.hostHelp)
    var host: String = ProcessInfo.processInfo.hostName

    /// `data_dir` of the configuration, when one is read and sets it.
    var dataDirectory: String? {
        (try? Config.load(path: config))?.dataDirectory
    }

    /// The state directory: `--state-dir`, else `state_dir` of the configuration.
    func resolvedStateDirectory() throws -> String {
        if let stateDirectory { return stateDirectory }
        do {
            return try Config.load(path: config).stateDirectory
        } catch {
            throw fail(error.description, Exit.usage)
        }
    }

    /// Opens the archive `--database` names, else the one in the state directory (``openStore(writable:)``).
    func openArchive(writable: Bool = false) throws -> any Archive {
        guard let database else { return try openStore(writable: writable) }
        if let length = (try? Config.load(path: config))?.maxTokenLength { Analyzer.maximumWordLength = length }
        return try DatabaseArchive.open(url: database, host: host, writable: writable)
    }

    /// Opens the archive, failing with a message that names the path when it is missing, or with
    /// the one sentence of ``DamagedArchive`` when it is damaged.
    ///
    /// Read-only unless `writable`: reading needs only read access to the state directory, so
    /// members of the service's group can search the archive the service writes.
    func openStore(writable: Bool = false) throws -> Store {
        let directory = try resolvedStateDirectory()
        // Queries must be cut into words the way the service indexed them.
        if let length = (try? Config.load(path: config))?.maxTokenLength { Analyzer.maximumWordLength = length }
        do {
            return try Store(stateDirectory: directory, create: false, readOnly: !writable)
        } catch let error where error.code == .damaged {
            let inbox = DamagedArchive.configuredInbox(config: config)
            throw fail(DamagedArchive.sentence(error, inbox: inbox, stateDirectory: directory), Exit.failure)
        } catch {
            throw fail(error.description, Exit.failure)
        }
    }
}
