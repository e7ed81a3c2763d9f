import Core
import Testing

/// Stop words: kept in the index for exact phrases, dropped from queries and model features.
struct AnalysisStopWordTests {
    @Test(arguments: [
        ("en", "the", true), ("en", "With", true), ("en", "US", false), ("en", "WHO", false), ("en", "May", false),
        ("fr", "les", true), ("fr", "Où", true), ("fr", "est", false), ("fr", "or", false), ("fr", "OTAN", false),
        ("de", "über", true), ("de", "Ukraine", false), ("es", "del", true), ("it", "della", true),
        ("pt", "não", true), ("nl", "het", true), ("ru", "который", true), ("ru", "Россия", false),
        ("uk", "також", true), ("sv", "och", true), ("da", "ikke", true), ("nb", "ikke", true),
        ("pl", "i", false), ("und", "the", false),
    ])
    func stopWordsArePerLanguageAndFolded(language: String, word: String, isStop: Bool) {
        #expect(Analyzer(language: language).isStopWord(word) == isStop)
    }

    @Test func contentTermsLeaveOutFunctionWordsButTermsKeepThem() {
        let analyzer = Analyzer(language: "fr")
        let text = "Les négociations sur les garanties de l'OTAN"
        #expect(analyzer.contentTerms(in: text) == ["negoci", "garant", "otan"])
        #expect(analyzer.terms(in: text) == ["le", "negoci", "sur", "le", "garant", "de", "otan"])
    }

    @Test func queryWordsThatAreStopWordsEverywhereAreDropped() throws {
        let query = try SearchQuery(parsing: "le sommet de l'OTAN")
        let expression = try #require(query.matchExpression(languages: ["en", "fr"]))
        #expect(!expression.contains("\"le\""))
        #expect(!expression.contains("\"de\""))
        #expect(expression.contains("\"otan\""))
    }

    @Test func aQueryOfStopWordsOnlyStillSearchesThem() throws {
        let query = try SearchQuery(parsing: "the of")
        #expect(try #require(query.matchExpression(languages: ["en"])).contains("\"the\""))
    }

    @Test func aWordThatIsAStopWordInAnyLanguageIsDropped() {
        #expect(QueryAnalysis.alternatives(for: "die", languages: ["en", "de"], droppingStopWords: true) == [])
        #expect(QueryAnalysis.alternatives(for: "die", languages: ["en"], droppingStopWords: true) == ["die"])
        #expect(QueryAnalysis.alternatives(for: "die", languages: ["en", "de"]) == ["die"])
    }

    @Test func quotedPhrasesKeepTheirStopWords() throws {
        let query = try SearchQuery(parsing: #""le sommet""#)
        #expect(try #require(query.matchExpression(languages: ["fr"])).contains("\"le sommet\""))
    }
}
