import Foundation

/// Fits the factor that turns a classifier's scores into calibrated probabilities.
///
/// Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): one positive
/// factor `a` so that `softmax(a · scores)` has the least cross-entropy on predictions made for
/// documents the classifier was not trained on. One parameter cannot over-fit a few hundred articles
/// and does not change which label is best. The cross-entropy is convex in `a`, so a golden-section
/// search over `ln a` finds it; the range covers naive Bayes, whose raw scores differ by thousandths.
enum TemperatureScaling {
    /// The factor minimising the cross-entropy of `softmax(a · scores[i])` against `labels[i]`.
    static func fitScale(scores: [[Float]], labels: [Int]) -> Float {
        guard !scores.isEmpty else { return 1 }
        func loss(_ logScale: Double) -> Double {
            let scale = exp(logScale)
            var total = 0.0
            for (row, label) in zip(scores, labels) {
                let probability = LinearTopicClassifier.softmax(row, scale: scale)[label]
                total -= log(max(probability, 1e-12))
            }
            return total
        }
        var low = log(1e-3)
        var high = log(1e6)
        let ratio = (5.0.squareRoot() - 1) / 2
        var left = high - ratio * (high - low)
        var right = low + ratio * (high - low)
        var leftLoss = loss(left)
        var rightLoss = loss(right)
        for _ in 0..<60 {
            if leftLoss < rightLoss {
                high = right
                right = left
                rightLoss = leftLoss
                left = high - ratio * (high - low)
                leftLoss = loss(left)
            } else {
                low = left
                left = right
                leftLoss = rightLoss
                right = low + ratio * (high - low)
                rightLoss = loss(right)
            }
        }
        return Float(exp((low + high) / 2))
    }
}
