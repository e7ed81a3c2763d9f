import Core

/// The positions of the query's terms in one document's title and body, for its phrases' frequencies.
struct DocumentTerms {
    /// Per lexeme: its positions (from 1) with their weights, in order.
    private var places: [String: [(position: Int, weight: Character)]] = [:]

    /// Adds `lexeme`'s places as ``TermPostings`` writes them: a position doubled, plus one in the title.
    mutating func add(lexeme: String, places encoded: [Int32]) {
        places[lexeme] = encoded.map { (Int($0 / 2), $0 % 2 == 1 ? "A" : "B") }
    }

    /// Where `phrase` occurs: the position and weight of its first term at each instance.
    func instances(of phrase: QueryPhrase) -> [(position: Int, weight: Character)] {
        switch phrase.kind {
        case .label:
            return []
        case .prefix:
            guard let prefix = phrase.terms.first else { return [] }
            return places.filter { $0.key.hasPrefix(prefix) }.values.flatMap { $0 }.sorted { $0.position < $1.position }
        case .text:
            guard let first = phrase.terms.first, let starts = places[first] else { return [] }
            let rest = phrase.terms.dropFirst().map { term in Set((places[term] ?? []).map(\.position)) }
            return starts.filter { start in
                rest.enumerated().allSatisfy { offset, positions in positions.contains(start.position + offset + 1) }
            }
        }
    }
}
