import Testing

@testable import Core

/// Snowball stemmers shared by concurrent callers.
struct AnalysisStemmerPoolTests {
    @Test func concurrentAnalysisGivesTheSameTermsAsSerialAnalysis() async {
        let texts = [
            ("fr", "Les négociations sur les garanties de l'OTAN se poursuivent à Genève."),
            ("en", "Negotiations on security guarantees continued in Geneva on Thursday."),
            ("ru", "Переговоры о гарантиях безопасности продолжились в Женеве."),
            ("de", "Die Verhandlungen über Sicherheitsgarantien gingen in Genf weiter."),
        ]
        let expected = texts.map { Analyzer(language: $0.0).terms(in: $0.1) }
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for round in 0..<200 {
                let index = round % texts.count
                let (language, text) = texts[index]
                group.addTask { (index, Analyzer(language: language).terms(in: text)) }
            }
            var results: [(Int, [String])] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 200)
        for (index, terms) in results {
            #expect(terms == expected[index])
        }
    }

    @Test func stemmersAreReturnedAfterUse() {
        let pool = StemmerPool()
        let first = pool.withStemmer(algorithm: "french") { _ in pool.idleCount(algorithm: "french") }
        #expect(first == 0)
        #expect(pool.idleCount(algorithm: "french") == 1)
        // A nested borrower gets a second stemmer, never the one in use.
        let nested = pool.withStemmer(algorithm: "french") { outer in
            pool.withStemmer(algorithm: "french") { inner in inner.handle != outer.handle }
        }
        #expect(nested == true)
        #expect(pool.idleCount(algorithm: "french") == 2)
    }

    @Test func unknownAlgorithmsLendNothing() {
        #expect(StemmerPool().withStemmer(algorithm: "klingon") { _ in true } == nil)
    }

    @Test func stemCopiesTheResultOutOfTheStemmer() throws {
        let result = StemmerPool().withStemmer(algorithm: "english") { stemmer -> [String] in
            // Each stem copied out while it is lent: the next call reuses the stemmer's buffer.
            let first = Array("negotiations".utf8).withUnsafeBufferPointer { word in
                stemmer.withStem(of: word) { String(decoding: $0, as: UTF8.self) }
            }
            let second = Array("guarantees".utf8).withUnsafeBufferPointer { word in
                stemmer.withStem(of: word) { String(decoding: $0, as: UTF8.self) }
            }
            return [first, second].compactMap { $0 }
        }
        #expect(result == ["negoti", "guarante"])
    }
}
