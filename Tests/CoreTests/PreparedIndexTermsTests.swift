import Foundation
import Testing

@testable import Core

/// Terms analysed ahead of the write (``PreparedIndexTerms``) index exactly as the tokenizer's own analysis.
struct PreparedIndexTermsTests {
    /// Words of the seeds and their stems as searched: accents, elisions, numbers, names, phrases.
    static let queries = [
        "OTAN", "Russie", "Ukraine", "sécurité", "négociations", "Genève", "Poutine", "Kremlin", "l'Alliance",
        "réponses", "\"garanties de sécurité\"", "États-Unis", "2021", "Biden", "NATO", "security", "talks",
        "Moscow", "expansion", "otan OR nato",
    ]

    func store() throws -> Store {
        try Store.temporary("prepared")
    }

    func seedOutcomes(prepared: Bool) throws -> [FileOutcome] {
        try ["000", "001", "002", "003", "004"].map { prefix in
            var article = try StoryTestData.seed(prefix)
            article.indexTerms =
                prepared
                ? [
                    PreparedIndexTerms(article.title, language: article.language),
                    PreparedIndexTerms(article.text, language: article.language),
                ] : nil
            return FileOutcome(
                path: "/in/\(prefix).txt", sha256: prefix, size: 1, modificationTime: 1, result: .articles([article]))
        }
    }

    @Test func anArchiveIndexedFromPreparedTermsAnswersEveryQueryAsOneIndexedByTheTokenizer() throws {
        // Given the seeds committed once with prepared terms and once without
        let prepared = try store()
        let analysed = try store()
        _ = try prepared.commit(try seedOutcomes(prepared: true))
        _ = try analysed.commit(try seedOutcomes(prepared: false))
        // Then every query finds the same documents in the same order, and finds some
        var found = 0
        for text in Self.queries {
            let query = try SearchQuery(parsing: text)
            let fromPrepared = try prepared.search(query).map(\.path)
            #expect(fromPrepared == (try analysed.search(query).map(\.path)), "query \(text)")
            found += fromPrepared.count
        }
        #expect(found > 20)
        #expect(try prepared.fullTextIndexProblems().isEmpty)
    }

    @Test func theTokenizerReplaysOnlyTheExactBytesPrepared() {
        // Given a prepared French sentence offered to the tokenizer
        let prepared = PreparedIndexTerms("Les négociations continuent à Genève.", language: "fr")
        var marked = prepared.marked
        var other = NewsTokenizer.marked("Les négociations continuent à Genève!", language: "fr")
        var english = NewsTokenizer.marked("Les négociations continuent à Genève.", language: "en")
        PreparedIndexTerms.offering([prepared]) {
            // Then a text that differs in one byte, or in its language, is not replayed
            #expect(other.withUTF8 { PreparedIndexTerms.claim(matching: $0) } == nil)
            #expect(english.withUTF8 { PreparedIndexTerms.claim(matching: $0) } == nil)
            // and the exact text is, once
            #expect(marked.withUTF8 { PreparedIndexTerms.claim(matching: $0) } == prepared)
            #expect(marked.withUTF8 { PreparedIndexTerms.claim(matching: $0) } == nil)
        }
    }

    @Test func replayedTermsAreTheTokenizersTermsWithTheirOffsets() {
        // Given text with elisions, accents, digits and invalid-looking pieces
        let text = "L'OTAN répond à Moscou: «garanties» 2021–2022, l'élargissement n'aura pas lieu."
        var marked = NewsTokenizer.marked(text, language: "fr")
        var analysed: [String] = []
        marked.withUTF8 { input in
            NewsTokenizer.forEachIndexTerm(in: input, analysing: true) { term, start, end in
                analysed.append("\(String(decoding: term, as: UTF8.self))@\(start)-\(end)")
                return true
            }
        }
        // When prepared and replayed
        var replayed: [String] = []
        _ = PreparedIndexTerms(text, language: "fr").replay { term, start, end in
            replayed.append("\(String(decoding: term, as: UTF8.self))@\(start)-\(end)")
            return true
        }
        // Then the same terms at the same offsets
        #expect(!analysed.isEmpty)
        #expect(replayed == analysed)
    }
}
