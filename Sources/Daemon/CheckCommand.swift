import ArgumentParser
import Core
import Foundation
import Glibc
import PostgresArchive

/// `newsdrop check`: SQLite's integrity check of the archive, and FTS5's of its full-text index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive for damage: prints ok, or the problems found.",
        discussion: """
            Runs SQLite's PRAGMA integrity_check on the archive, read-only, so it works beside the running \
            service and for members of group newsdrop. The full-text index's own check (FTS5 integrity-check) \
            runs as a write: it is done only when this user may write the archive and no service runs on it; \
            otherwise a note on stderr says it was left out. At most 20 problems are listed. Exit status 1 when \
            the archive is damaged: rebuild it with 'newsdrop reindex'. With --database, checks what a PostgreSQL \
            archive derives from its documents instead (its totals, its ranking rows, the documents' stories), \
            beside running daemons; 'newsdrop reindex --database' mends it.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print JSON: archive, ok, problems, full_text_index_checked.")
    var json = false

    /// The most problems listed.
    static let limit = 20

    /// `check --json`.
    struct Output: Encodable {
        var archive: String
        var ok: Bool
        var problems: [String]
        var fullTextIndexChecked: Bool

        enum CodingKeys: String, CodingKey {
            case archive, ok, problems
            case fullTextIndexChecked = "full_text_index_checked"
        }
    }

    func run() throws {
        if let database = archive.database {
            try checkShared(database)
            return
        }
        let directory = try archive.resolvedStateDirectory()
        let path = Config.absolute(directory) + "/" + Store.databaseName
        var problems: [String]
        do {
            let store = try Store(stateDirectory: directory, create: false, readOnly: true)
            problems = try store.integrityProblems(thorough: true, limit: Self.limit)
        } catch let error where error.code == .damaged {
            problems = [error.reason]
        } catch {
            throw fail(error.description, Exit.failure)
        }
        var fullTextChecked = false
        if problems.isEmpty {
            if let service = ServiceLock.holder(stateDirectory: directory) {
                printError(
                    "newsdrop: note: the full-text index was not checked: the service (pid \(service.pid)) "
                        + "is writing the archive, and FTS5 checks it as a write")
            } else if access(path, W_OK) != 0 {
                printError(
                    "newsdrop: note: the full-text index was not checked: FTS5 checks it as a write, "
                        + "and this user may not write '\(path)'")
            } else {
                do {
                    problems = try Store(stateDirectory: directory, create: false).fullTextIndexProblems()
                    fullTextChecked = true
                } catch let error where error.code == .damaged {
                    problems = [error.reason]
                } catch {
                    throw fail(error.description, Exit.failure)
                }
            }
        }
        problems = Array(problems.prefix(Self.limit))
        if json {
            printJSON(
                Output(archive: path, ok: problems.isEmpty, problems: problems, fullTextIndexChecked: fullTextChecked))
        } else {
            print(problems.isEmpty ? "ok" : problems.joined(separator: "\n"))
        }
        guard problems.isEmpty else {
            let error = StoreError.damaged(
                path: path, reason: problems.count == 1 ? problems[0] : "\(problems.count) problems")
            let inbox = DamagedArchive.configuredInbox(config: archive.config)
            throw fail(DamagedArchive.sentence(error, inbox: inbox, stateDirectory: directory), Exit.failure)
        }
    }

    /// The check of the PostgreSQL archive at `url` (``PostgresArchive/integrityProblems(limit:)``).
    private func checkShared(_ url: String) throws {
        let shared = try DatabaseArchive.open(url: url, host: archive.host, writable: false)
        defer { shared.close() }
        let problems: [String]
        do {
            problems = try shared.integrityProblems(limit: Self.limit)
        } catch {
            throw fail("Cannot check the archive \(shared.location): \(PostgresFailure.sentence(error))", Exit.failure)
        }
        if json {
            printJSON(
                Output(
                    archive: "\(shared.location)", ok: problems.isEmpty, problems: problems, fullTextIndexChecked: true)
            )
        } else {
            print(problems.isEmpty ? "ok" : problems.joined(separator: "\n"))
        }
        guard problems.isEmpty else { throw Exit.failure }
    }
}
