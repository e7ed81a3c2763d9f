import Foundation
import Glibc

/// A throw-away PostgreSQL cluster for an end-to-end test (`scripts/postgres-cluster.sh`), in a
/// folder of /tmp, stopped and deleted by ``stop()``.
struct PostgresCluster {
    let folder: String
    /// The database URL the script prints.
    let url: String

    /// Starts a cluster.
    static func start() throws -> PostgresCluster {
        let folder = "/tmp/newsdrop-e2e-postgres-\(getpid())-\(UUID().uuidString.prefix(8))"
        let url = try script(["start", folder]).trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgresCluster(folder: folder, url: url)
    }

    /// Stops the cluster and deletes its folder.
    func stop() {
        _ = try? Self.script(["stop", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stops the server, leaving the cluster to be resumed (an outage).
    func pause() throws {
        _ = try Self.script(["stop", folder])
    }

    /// Starts the server of a paused cluster again.
    func resume() throws {
        _ = try Self.script(["resume", folder])
    }

    /// The rows of `sql`, through Debian's `psql` (unaligned, one line per row, `|` between columns).
    func query(_ sql: String) throws -> [String] {
        let bin = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql").sorted().last ?? "15"
        let result = try runToCompletion(
            "/usr/lib/postgresql/\(bin)/bin/psql", ["-h", folder, "-U", "newsdrop", "-d", "newsdrop", "-Atc", sql])
        guard result.status == 0 else { throw TestFailure("psql failed: \(result.error)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Runs the script with `arguments` (plain words) through `popen`: the server it starts stays
    /// behind holding no pipe of ours, where `Process` waited for the end of its output forever.
    private static func script(_ arguments: [String]) throws -> String {
        let command =
            ([NewsdropBinary.packageRoot.appendingPathComponent("scripts/postgres-cluster.sh").path] + arguments)
            .joined(separator: " ")
        guard let pipe = popen(command, "r") else { throw TestFailure("cannot run \(command)") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        guard pclose(pipe) == 0 else { throw TestFailure("\(command) failed") }
        return String(decoding: output, as: UTF8.self)
    }
}
