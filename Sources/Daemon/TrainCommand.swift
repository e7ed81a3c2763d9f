import ArgumentParser
import Core
import Foundation

/// `newsdrop train`: builds a topic model from labelled articles, or measures how well it would do.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the topic model on labelled articles, or cross-validate it.",
        discussion: """
            --from takes a TSV file (columns category, headline, text; the language from the file name:
            eng.tsv, fra.tsv), a folder of such files, or a folder with one sub-folder per label holding
            text files (first line the headline; the language of each is detected). One model per
            language; --out writes them all to one file, which `run` loads from its data folder as
            topics.model. --cross-validate N prints per-language macro-F1 and per-class F1 from N-fold
            cross-validation instead (with --out too, it also writes the model).
            """)

    @Option(help: "A TSV file, a folder of TSV files, or a folder of label folders.")
    var from: String

    @Option(help: "Where to write the model.")
    var out: String?

    @Option(
        name: .customLong("cross-validate"),
        help: ArgumentHelp("Print an N-fold cross-validation report.", valueName: "N"))
    var folds: Int?

    @Option(help: "logistic-regression (default), complement-naive-bayes or multinomial-naive-bayes.")
    var algorithm: String = TopicTrainer.Algorithm.logisticRegression.rawValue

    @Flag(help: "Use pairs of adjacent words as features too.")
    var bigrams = false

    @Option(
        name: .customLong("character-grams"),
        help: ArgumentHelp(
            "Use the character n-grams of words, MIN to MAX characters long (like 3-5), as features too; "
                + "'none' (the default) for words only.",
            valueName: "MIN-MAX"))
    var characterGrams = "none"

    /// The gram lengths `--character-grams` gives: `.some(nil)` for "none", nil when malformed.
    private var gramLengths: ClosedRange<Int>?? {
        if characterGrams == "none" { return .some(nil) }
        let bounds = characterGrams.split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1], bounds[1] <= 255 else { return nil }
        return .some(bounds[0]...bounds[1])
    }

    func validate() throws {
        if out == nil && folds == nil { throw ValidationError("Give --out MODEL, --cross-validate N, or both.") }
        if let folds, folds < 2 { throw ValidationError("--cross-validate needs at least 2 folds.") }
        if TopicTrainer.Algorithm(rawValue: algorithm) == nil {
            let names = TopicTrainer.Algorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--algorithm must be one of \(names), not '\(algorithm)'.")
        }
        if gramLengths == nil {
            throw ValidationError(
                "--character-grams must be MIN-MAX (1 ≤ MIN ≤ MAX ≤ 255, like 3-5) or none, not '\(characterGrams)'.")
        }
    }

    func run() throws {
        // `validate()` checked the name and the gram lengths.
        let trainer = TopicTrainer(
            algorithm: TopicTrainer.Algorithm(rawValue: algorithm)!, usesBigrams: bigrams, characterGrams: gramLengths!)
        let examples: [LabeledExample]
        do {
            examples = try LabeledCorpus.examples(at: URL(fileURLWithPath: from)) { LanguageDetector.detect($0).code }
        } catch {
            throw fail(error.message, Exit.badInput)
        }
        if let folds {
            do {
                print(try CrossValidation(folds: folds).evaluate(examples, trainer: trainer))
            } catch {
                throw fail(error.message, Exit.badInput)
            }
        }
        guard let out else { return }
        let model: TopicModel
        do {
            model = try trainer.train(on: examples)
        } catch {
            throw fail(error.message, Exit.badInput)
        }
        do {
            try model.data().write(to: URL(fileURLWithPath: out))
        } catch {
            throw fail("Cannot write the model to '\(out)': \(error.localizedDescription)", Exit.failure)
        }
        let counts = Dictionary(grouping: examples, by: \.language).mapValues(\.count)
        let summary = model.languages.map {
            "\($0) (\(counts[$0] ?? 0) articles, \(model.labels(for: $0).count) labels)"
        }
        printError("newsdrop: wrote \(out): \(summary.joined(separator: ", "))")
    }
}
