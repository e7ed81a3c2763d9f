import Core
import Foundation

/// The repository's data files and seeds, found relative to this file so tests run from any
/// directory: `data/` at the package root, seeds in `../shared/seeds` next to the repository.
enum EntityTestData {
    /// The package root (two levels above `Tests/CoreTests/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped data directory.
    static let dataDirectory = packageRoot.appendingPathComponent("data")

    /// The seed articles: `/work/shared/seeds` on the build machine.
    static let seedsDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// One recogniser over the real data, loaded once for all tests.
    static let recognizer: EntityRecognizer = {
        do {
            return try EntityRecognizer(contentsOf: dataDirectory)
        } catch {
            fatalError("Cannot load the entity data in \(dataDirectory.path): \(error)")  // every test needs it
        }
    }()

    /// The text of the seed whose file name starts with `prefix` ("000").
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix + "_") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: seedsDirectory.path + "/" + prefix])
        }
        return try String(contentsOf: seedsDirectory.appendingPathComponent(name), encoding: .utf8)
    }
}
