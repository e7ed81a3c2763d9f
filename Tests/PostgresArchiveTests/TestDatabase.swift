import Foundation
import Logging
@testable import PostgresArchive
import PostgresNIO
import Synchronization

/// A real PostgreSQL server for the tests: the one `NEWSDROP_TEST_DATABASE` names (CI may give
/// one), else a throw-away cluster that `scripts/postgres-cluster.sh` starts in a folder of /tmp
/// for this test process and stops when it exits. Each test gets a database of its own.
enum TestDatabase {
    static let logger = Logger(label: "newsdrop.tests.postgres")
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let databases = Atomic<Int>(0)

    /// The server's URL, the cluster started on first use.
    static let server: Result<PostgresLocation, any Error> = Result {
        if let given = ProcessInfo.processInfo.environment["NEWSDROP_TEST_DATABASE"], !given.isEmpty {
            return try PostgresLocation(parsing: given)
        }
        let folder = "/tmp/newsdrop-postgres-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        let url = try script(["start", folder]).trimmingCharacters(in: .whitespacesAndNewlines)
        atexit {
            let folder = "/tmp/newsdrop-postgres-\(getpid())"
            _ = try? TestDatabase.script(["stop", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        return try PostgresLocation(parsing: url)
    }

    /// A new, empty database on the server, named after `test`.
    static func fresh(_ test: String) throws -> PostgresLocation {
        let server = try server.get()
        let name =
            "t\(getpid())_\(databases.add(1, ordering: .relaxed).newValue)_"
            + test.lowercased().filter { $0.isASCII && $0.isLetter }.prefix(30)
        let admin = PostgresArchive(location: server, password: nil, logger: logger)
        try admin.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        admin.close()
        var location = server
        location.database = name
        return location
    }

    /// Runs scripts/postgres-cluster.sh with `arguments` (plain words: no quoting); its standard output.
    ///
    /// Through `popen`: Foundation's `Process.waitUntilExit` never returned here once the script
    /// had started the server, which stays behind as the script's grandchild.
    static func script(_ arguments: [String]) throws -> String {
        let command = ([packageRoot.appendingPathComponent("scripts/postgres-cluster.sh").path] + arguments)
            .joined(separator: " ")
        guard let pipe = popen(command, "r") else { throw ScriptError(command: command, status: -1) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        let status = pclose(pipe)
        guard status == 0 else { throw ScriptError(command: command, status: status) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The cluster script failed.
    struct ScriptError: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "\(command) exited with status \(status)" }
    }
}
