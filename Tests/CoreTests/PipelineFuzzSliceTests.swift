import Core
import Foundation
import Testing

/// A bounded slice of `make fuzz`: mutated files through the real pipeline, classifier and store.
struct PipelineFuzzSliceTests {
    /// The classifier of the shipped data folder, loaded once.
    static let classifier: Classifier = {
        do {
            return try Classifier(dataFolder: EntityTestData.dataDirectory)
        } catch {
            fatalError("Cannot load \(EntityTestData.dataDirectory.path): \(error)")  // the slice needs it
        }
    }()

    // A thousand inputs take about half a minute in a debug build; `make fuzz` runs a hundred thousand.
    @Test func aThousandMutatedFilesBreakNoInvariant() throws {
        // Given the built-in seeds, the shared seeds and the fixtures, in a fresh store
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory.path, create: true)
        let seeds =
            FuzzSeeds.builtIn.map { ($0.fileName, Array($0.text.utf8)) }
            + FuzzSeeds.files(in: [
                EntityTestData.seedsDirectory, EntityTestData.packageRoot.appendingPathComponent("Tests/Fixtures"),
                EntityTestData.packageRoot.appendingPathComponent("Tools/Fuzz/fixtures"),
            ])
        var fuzzer = PipelineFuzzer(
            pipeline: Pipeline(classifier: Self.classifier), store: store, seeds: seeds, seed: 20_261_205)
        // When 1,000 inputs are made, run, committed and searched
        var failures: [FuzzFinding] = []
        for _ in 0..<1000 {
            failures += fuzzer.run(fuzzer.makeInput()).filter(\.isFailure)
        }
        failures += fuzzer.finish().filter(\.isFailure)
        // Then every article kept its invariants, every commit and search succeeded, and both paths ran
        #expect(failures.map(\.description) == [])
        #expect(fuzzer.articleInputs > 100)
        #expect(fuzzer.rejectedInputs > 0)
        #expect(fuzzer.searches > 50)
    }

    @Test func oneSeedGivesTheSameInputsEveryTime() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(stateDirectory: directory.path, create: true)
        let seeds = FuzzSeeds.builtIn.map { ($0.fileName, Array($0.text.utf8)) }
        var first = PipelineFuzzer(pipeline: Pipeline(), store: store, seeds: seeds, seed: 7)
        var second = PipelineFuzzer(pipeline: Pipeline(), store: store, seeds: seeds, seed: 7)
        let firstInputs = (0..<50).map { _ in first.makeInput() }
        let secondInputs = (0..<50).map { _ in second.makeInput() }
        #expect(firstInputs == secondInputs)
        #expect(Set(firstInputs.map(\.bytes)).count > 40)
    }

    @Test(arguments: [
        ("a\u{1B}[31mb", true), ("tab\there", true), ("ok", false), ("\u{0085}", true), ("\u{009B}", true),
        ("é — ü", false), ("a\u{00A0}b", false),
    ])
    func controlCharactersInTitlesAreViolations(title: String, isViolation: Bool) {
        let article = Article(title: title, text: "Some words.", language: "en", languageConfidence: 1, format: "text")
        #expect(ArticleInvariants.violations(of: [article]).isEmpty == !isViolation)
    }
}
