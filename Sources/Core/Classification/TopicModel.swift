import Foundation

/// A trained topic classifier: for each language it has a model for, the topics of an article with
/// calibrated probabilities.
///
/// The shipped model is trained on MasakhaNEWS (David Adelani et al., 2023, AFL-3.0) English and
/// French articles by ``TopicTrainer``; users can train their own taxonomy with `newsdrop train`.
/// Load one with ``init(contentsOf:)`` at start (tens of milliseconds) and share it: it is an
/// immutable value, safe on any thread. ``classify(title:text:language:)`` takes well under a
/// millisecond for an article of a few hundred words.
public struct TopicModel: Sendable, Equatable {
    /// The classifier of each language, by normalised ISO 639-1 code.
    let classifiers: [String: LinearTopicClassifier]

    /// Creates a model from trained classifiers.
    init(classifiers: [String: LinearTopicClassifier]) {
        self.classifiers = classifiers
    }

    /// The languages the model classifies, as sorted ISO 639-1 codes ("en", "fr").
    public var languages: [String] { classifiers.keys.sorted() }

    /// The labels the model can give articles in `language`, sorted; empty for a language it lacks.
    public func labels(for language: String) -> [String] {
        classifiers[Self.normalized(language)]?.labels ?? []
    }

    /// The topics of an article, best first, or why it has none.
    ///
    /// `language` is the article's ISO 639-1 code as the language detector gives it; a region
    /// ("pt-BR") and case are ignored. The article is unavailable when the model has no classifier
    /// for the language (never a guess from another language's model) or when neither the title nor
    /// the text holds a word the model knows (an empty or very short article, or another language).
    public func classify(title: String, text: String, language: String) -> TopicPrediction {
        let analyzer = Analyzer(language: Self.normalized(language))
        return classify(
            title: AnalysedText(title, analyzer: analyzer), text: AnalysedText(text, analyzer: analyzer),
            language: language)
    }

    /// The topics of an article whose title and text are analysed already; they are analysed again
    /// only when that was in another language than the model's code for `language`.
    public func classify(title: AnalysedText, text: AnalysedText, language: String) -> TopicPrediction {
        let code = Self.normalized(language)
        guard let classifier = classifiers[code] else {
            return .unavailable(reason: "no topic model for language '\(language)'")
        }
        guard title.language == code, text.language == code else {
            return classify(title: title.text, text: text.text, language: code)
        }
        let vector: SparseVector
        let hasFeatures: Bool
        if let hashed = classifier.features.vector(title: title, text: text, in: classifier.vocabulary) {
            (vector, hasFeatures) = hashed
        } else {
            let counts = classifier.features.counts(title: title, text: text)
            (vector, hasFeatures) = (classifier.vocabulary.vector(counts), !counts.isEmpty)
        }
        guard !vector.isEmpty else {
            let reason =
                !hasFeatures
                ? "the article has no words to classify"
                : "no word of the article is known to the '\(code)' topic model"
            return .unavailable(reason: reason)
        }
        return .choosing(labels: classifier.labels, probabilities: classifier.probabilities(vector))
    }

    /// The code models are keyed by: lower case, without a region ("pt-BR" → "pt", "EN" → "en").
    static func normalized(_ language: String) -> String {
        let code = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        return code.lowercased()
    }
}
