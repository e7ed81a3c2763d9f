import ArgumentParser
import Core
import Foundation
import Logging
import PostgresArchive

/// Opens the PostgreSQL archive a `--database` URL names, for the commands, failing with one
/// sentence that names the archive (as the URL reads without a password, which is refused) and
/// what the server answered.
enum DatabaseArchive {
    /// The help of `--database`, for every command that takes it.
    static let help = ArgumentHelp(
        "A PostgreSQL archive instead: postgresql://USER@HOST[:PORT]/DATABASE (password in $NEWSDROP_DATABASE_PASSWORD).",
        valueName: "url")

    /// The help of `--host`.
    static let hostHelp: ArgumentHelp =
        "With --database: the host whose files and events these are (default: this machine's name)."

    /// The archive at `url` for the host `host`: created or upgraded and the host registered when
    /// `writable`, else only read (see ``PostgresArchive/openForReading(location:password:host:logger:)``).
    static func open(url: String, host: String, writable: Bool) throws -> PostgresArchive {
        let location: PostgresLocation
        do {
            location = try PostgresLocation(parsing: url)
        } catch {
            throw fail("Cannot use --database: \(error)", Exit.failure)
        }
        do {
            let password = try PostgresPassword.resolve(file: nil)
            let logger = Logger(label: "newsdrop.postgresql")
            return writable
                ? try PostgresArchive.open(location: location, password: password, host: host, logger: logger)
                : try PostgresArchive.openForReading(location: location, password: password, host: host, logger: logger)
        } catch {
            throw fail("Cannot open the archive \(location): \(PostgresFailure.sentence(error))", Exit.failure)
        }
    }
}
