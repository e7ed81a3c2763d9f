import Foundation

/// Multinomial and complement naive Bayes over TF-IDF vectors, as linear weights.
///
/// Multinomial NB scores label `c` by `log P(c) + Σ_f x_f · log θ_cf`, with `θ_cf` the smoothed share
/// of feature `f` in the TF-IDF mass of label `c`. Complement NB (Rennie et al., "Tackling the Poor
/// Assumptions of Naive Bayes Text Classifiers", 2003) estimates `θ` from every label *except* `c` and
/// scores `−Σ_f x_f · log θ̃_cf`, which is steadier when labels have unequal amounts of text. Both are
/// candidates measured against ``SoftmaxRegression`` by ``CrossValidation``.
struct NaiveBayes {
    /// Which estimate of the feature distribution.
    enum Variant {
        /// From the label's own documents.
        case multinomial

        /// From the documents of every other label.
        case complement
    }

    /// Which estimate.
    var variant: Variant

    /// The additive (Laplace) smoothing α added to every feature's mass.
    var smoothing = 1.0

    /// Learns weights (feature-major) and a bias per class.
    func fit(
        _ vectors: [SparseVector], labels: [Int], classCount: Int, featureCount: Int
    ) -> (weights: [Float], bias: [Float]) {
        // mass[f * classCount + c]: the TF-IDF mass of feature f in the documents of label c.
        var mass = [Double](repeating: 0, count: featureCount * classCount)
        var documents = [Double](repeating: 0, count: classCount)
        for (vector, label) in zip(vectors, labels) {
            documents[label] += 1
            for (feature, value) in zip(vector.indices, vector.values) {
                mass[Int(feature) * classCount + label] += Double(value)
            }
        }
        var featureTotals = [Double](repeating: 0, count: featureCount)
        var classTotals = [Double](repeating: 0, count: classCount)
        for feature in 0..<featureCount {
            for label in 0..<classCount {
                featureTotals[feature] += mass[feature * classCount + label]
                classTotals[label] += mass[feature * classCount + label]
            }
        }
        let grandTotal = classTotals.reduce(0, +)
        let smoothingTotal = smoothing * Double(featureCount)
        var weights = [Float](repeating: 0, count: featureCount * classCount)
        for feature in 0..<featureCount {
            for label in 0..<classCount {
                let own = mass[feature * classCount + label]
                switch variant {
                case .multinomial:
                    let share = (own + smoothing) / (classTotals[label] + smoothingTotal)
                    weights[feature * classCount + label] = Float(log(share))
                case .complement:
                    let others = featureTotals[feature] - own
                    let share = (others + smoothing) / (grandTotal - classTotals[label] + smoothingTotal)
                    weights[feature * classCount + label] = Float(-log(share))
                }
            }
        }
        let bias: [Float]
        switch variant {
        case .multinomial:
            bias = documents.map { Float(log($0 / Double(vectors.count))) }
        case .complement:
            // Rennie et al. drop the prior: it is what makes plain NB favour the larger labels.
            bias = [Float](repeating: 0, count: classCount)
        }
        return (weights, bias)
    }
}
