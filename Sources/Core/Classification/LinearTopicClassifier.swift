import Foundation

/// One language's trained model: a linear score per label over TF-IDF features, turned into
/// probabilities by a calibrated softmax.
///
/// Every candidate ``TopicTrainer`` knows (logistic regression, naive Bayes) ends as such weights, so
/// the file format and the classification path are the same whichever was chosen. The score of label
/// `c` is `scale · (w_c · x + b_c)`; `scale` is fitted after training on held-out predictions
/// (temperature scaling, Guo et al. 2017), so that a probability of 0.8 is right about 80 % of the time.
struct LinearTopicClassifier: Equatable {
    /// The labels, sorted.
    let labels: [String]

    /// How articles are cut into features.
    let features: TopicFeatures

    /// The features and their IDF.
    let vocabulary: TopicVocabulary

    /// The weights, feature-major: the weight of feature `f` for label `c` is at `f * labels.count + c`.
    let weights: [Float]

    /// The bias of each label.
    let bias: [Float]

    /// The calibration factor applied to every score before the softmax.
    var scale: Float

    /// Creates a classifier; `weights` holds `vocabulary.count * labels.count` values.
    init(
        labels: [String], features: TopicFeatures, vocabulary: TopicVocabulary, weights: [Float], bias: [Float],
        scale: Float
    ) {
        precondition(weights.count == vocabulary.count * labels.count && bias.count == labels.count)
        self.labels = labels
        self.features = features
        self.vocabulary = vocabulary
        self.weights = weights
        self.bias = bias
        self.scale = scale
    }

    /// The uncalibrated score of each label for a document vector.
    func scores(_ vector: SparseVector) -> [Float] {
        let width = labels.count
        var scores = bias
        weights.withUnsafeBufferPointer { weights in
            for (feature, value) in zip(vector.indices, vector.values) {
                let row = Int(feature) * width
                for label in 0..<width { scores[label] += weights[row + label] * value }
            }
        }
        return scores
    }

    /// The calibrated probability of each label for a document vector.
    func probabilities(_ vector: SparseVector) -> [Double] {
        Self.softmax(scores(vector), scale: Double(scale))
    }

    /// `softmax(scale · scores)`, computed in Double and shifted by the maximum so it never overflows.
    static func softmax(_ scores: [Float], scale: Double) -> [Double] {
        let scaled = scores.map { Double($0) * scale }
        let maximum = scaled.max() ?? 0
        let exponentials = scaled.map { exp($0 - maximum) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
