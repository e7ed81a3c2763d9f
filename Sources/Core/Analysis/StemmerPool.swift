import Synchronization

/// Lends Snowball stemmers, one per caller at a time, so analysis can run on many threads at once.
///
/// libstemmer's stemmers keep state between calls, so two threads must never share one. The pool
/// keeps the idle stemmers of each algorithm; a borrower takes one (or a new one when all are out)
/// and gives it back when done. Stemmers are never freed: there are at most as many per algorithm as
/// there were simultaneous borrowers, a few kilobytes each, for the life of the process.
final class StemmerPool: Sendable {
    /// The pool used by every ``Analyzer``.
    static let shared = StemmerPool()

    /// Idle stemmers by algorithm name.
    private let idle = Mutex<[String: [SnowballStemmer]]>([:])

    /// Creates an empty pool.
    init() {}

    /// Runs `body` with a stemmer for `algorithm` that no one else uses meanwhile.
    ///
    /// Returns nil without calling `body` when libstemmer has no such algorithm. The lock is held
    /// only to take and return the stemmer, never while stemming.
    func withStemmer<Result>(algorithm: String, _ body: (SnowballStemmer) -> Result) -> Result? {
        guard let stemmer = borrow(algorithm: algorithm) else { return nil }
        defer { giveBack(stemmer, algorithm: algorithm) }
        return body(stemmer)
    }

    /// The number of idle stemmers for `algorithm` (for tests).
    func idleCount(algorithm: String) -> Int {
        idle.withLock { $0[algorithm]?.count ?? 0 }
    }

    private func borrow(algorithm: String) -> SnowballStemmer? {
        let lent = idle.withLock { stemmers in stemmers[algorithm]?.popLast() }
        return lent ?? SnowballStemmer(algorithm: algorithm)
    }

    private func giveBack(_ stemmer: SnowballStemmer, algorithm: String) {
        idle.withLock { stemmers in stemmers[algorithm, default: []].append(stemmer) }
    }
}
