import Foundation
import PostgresArchive
import Testing

/// Where the password comes from: a file first, else the environment, never the URL.
struct PostgresPasswordTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-password-\(UUID().uuidString)")

    func file(_ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("password").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFirstLineOfTheFileWinsOverTheEnvironment() throws {
        let path = try file("s3cret pass\nignored\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [PostgresPassword.environmentVariable: "from-env"]
        #expect(try PostgresPassword.resolve(file: path, environment: environment) == "s3cret pass")
        #expect(try PostgresPassword.resolve(file: nil, environment: environment) == "from-env")
        #expect(try PostgresPassword.resolve(file: nil, environment: [:]) == nil)
    }

    @Test func aNamedFileThatGivesNoPasswordIsAnError() throws {
        let empty = try file("\nsecond line\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PostgresPasswordError.empty(empty)) {
            try PostgresPassword.resolve(file: empty, environment: [:])
        }
        let missing = folder.appendingPathComponent("missing").path
        #expect(throws: PostgresPasswordError.unreadable(missing)) {
            try PostgresPassword.resolve(file: missing, environment: [PostgresPassword.environmentVariable: "x"])
        }
    }
}
