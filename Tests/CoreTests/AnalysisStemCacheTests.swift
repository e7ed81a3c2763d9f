import Testing

@testable import Core

/// The stem cache gives back exactly what was stemmed, and nothing for a word it does not hold.
struct AnalysisStemCacheTests {
    func stem(_ cache: StemCache, _ word: String) -> String? {
        Array(word.utf8).withUnsafeBufferPointer { word in
            cache.withStem(of: word) { String(decoding: $0, as: UTF8.self) }
        }
    }

    func remember(_ cache: StemCache, _ word: String, _ stem: String) {
        Array(word.utf8).withUnsafeBufferPointer { word in
            Array(stem.utf8).withUnsafeBufferPointer { cache.remember(word, stem: $0) }
        }
    }

    /// The stem `stemmer` gives `word`, copied out of the stemmer.
    func stem(_ stemmer: SnowballStemmer, _ word: String) -> [UInt8]? {
        Array(word.utf8).withUnsafeBufferPointer { word in stemmer.withStem(of: word) { Array($0) } }
    }

    @Test func aRememberedWordGivesItsStemAndOnlyThatWordDoes() {
        let cache = StemCache()
        remember(cache, "négociations", "négoci")
        #expect(stem(cache, "négociations") == "négoci")
        #expect(stem(cache, "négociation") == nil)
        #expect(stem(cache, "négociationS") == nil)
        #expect(stem(cache, "") == nil)
    }

    @Test func wordsTooLongForASlotAreNeverCached() {
        let cache = StemCache()
        let long = String(repeating: "a", count: StemCache.maximumLength + 1)
        remember(cache, long, "a")
        #expect(stem(cache, long) == nil)
    }

    @Test func theSnowballStemmerGivesTheSameStemsCachedOrNot() throws {
        // Given French words stemmed once by a fresh stemmer each (nothing cached yet)
        let words = ["négociations", "continuent", "garanties", "sécurité", "élargissement", "russes", "américaines"]
        let fresh = try words.map { word -> [UInt8] in
            let stemmer = try #require(SnowballStemmer(algorithm: "french"))
            return try #require(stem(stemmer, word))
        }
        // When one stemmer stems them all three times
        let stemmer = try #require(SnowballStemmer(algorithm: "french"))
        for _ in 0..<3 {
            let again = try words.map { try #require(stem(stemmer, $0)) }
            // Then the stems never change
            #expect(again == fresh)
        }
    }
}
