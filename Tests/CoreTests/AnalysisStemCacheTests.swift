import Testing

@testable import Core

/// The stem cache gives back exactly what was stemmed, and nothing for a word it does not hold.
struct AnalysisStemCacheTests {
    func stem(_ cache: StemCache, _ word: String) -> String? {
        var output: [UInt8] = []
        let found = Array(word.utf8).withUnsafeBufferPointer { cache.stem(of: $0, into: &output) }
        return found ? String(decoding: output, as: UTF8.self) : nil
    }

    func remember(_ cache: StemCache, _ word: String, _ stem: String) {
        Array(word.utf8).withUnsafeBufferPointer { cache.remember($0, stem: Array(stem.utf8)) }
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
            var output: [UInt8] = []
            _ = Array(word.utf8).withUnsafeBufferPointer { stemmer.stem($0, into: &output) }
            return output
        }
        // When one stemmer stems them all three times
        let stemmer = try #require(SnowballStemmer(algorithm: "french"))
        for _ in 0..<3 {
            let again = words.map { word -> [UInt8] in
                var output: [UInt8] = []
                _ = Array(word.utf8).withUnsafeBufferPointer { stemmer.stem($0, into: &output) }
                return output
            }
            // Then the stems never change
            #expect(again == fresh)
        }
    }
}
