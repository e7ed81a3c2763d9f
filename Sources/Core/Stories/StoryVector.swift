/// The sparse-vector arithmetic of story similarity: weights by term or key, as stored in
/// ``StoryFeatures`` and ``StoryProfile``.
enum StoryVector {
    /// The cosine of a unit vector `unit` with any vector `other`, each shared entry adding at most
    /// `cap`; 0 when either is empty.
    ///
    /// The cap (1 for none) keeps one shared entry from making two articles one event: sharing
    /// "Putin" and nothing specific else is a topic, not an event, however often both name him.
    static func cosine(unit: [String: Float], with other: [String: Float], cap: Double = 1) -> Double {
        guard !unit.isEmpty, !other.isEmpty else { return 0 }
        let scale = 1 / length(of: other)
        var sum: Double = 0
        // Iterate the smaller side: features hold 40 entries, profiles up to 60.
        if unit.count <= other.count {
            for (key, weight) in unit {
                if let match = other[key] { sum += min(cap, Double(weight) * Double(match) * scale) }
            }
        } else {
            for (key, match) in other {
                if let weight = unit[key] { sum += min(cap, Double(weight) * Double(match) * scale) }
            }
        }
        return sum
    }

    /// The Euclidean length of a vector.
    static func length(of vector: [String: Float]) -> Double {
        vector.values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    /// Adds `addition` into `sum` and keeps the `limit` heaviest entries.
    ///
    /// Dropping the light tail bounds a profile whatever the size of its story; what is dropped
    /// weighs less than every kept entry, so the cosine moves little.
    static func add(_ addition: [String: Float], to sum: inout [String: Float], keeping limit: Int) {
        sum.merge(addition, uniquingKeysWith: +)
        guard sum.count > limit else { return }
        sum = Dictionary(uniqueKeysWithValues: heaviest(sum, count: limit))
    }

    /// The `count` heaviest entries, heaviest first, ties by key.
    static func heaviest(_ vector: [String: Float], count: Int) -> [(key: String, value: Float)] {
        vector.prefixOfSorted(count) { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }
}
