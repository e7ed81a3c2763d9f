import Testing

@testable import Core

/// One analysis of a text (``AnalysedText``) gives what each separate walk of ``Analyzer`` gave.
struct AnalysedTextTests {
    /// Texts with elisions, accents, stop words, numbers, digit groups, CJK, Cyrillic and long words.
    static let samples: [(text: String, language: String)] = [
        ("L'OTAN répond à Moscou: «garanties» 2021–2022, l'élargissement n'aura pas lieu.", "fr"),
        ("The talks in Geneva ended; NATO's answer on 13,000 troops comes on January 26.", "en"),
        ("Переговоры России и НАТО в Женеве закончились без результата.", "ru"),
        ("北京市的会谈 ended without agreement.", "zh"),
        ("Les négociations de l'OTAN et les garanties de sécurité de la Russie", "und"),
        ("", "en"),
    ]

    @Test(arguments: 0..<samples.count)
    func everyViewIsWhatTheAnalyzerGivesForTheTextAlone(sample: Int) {
        // Given a text and its language
        let (text, language) = Self.samples[sample]
        let analyzer = Analyzer(language: language)
        // When analysed once
        let analysed = AnalysedText(text, language: language)
        // Then its terms, content terms and folds are the analyzer's, word for word
        #expect(Array(analysed.terms) == analyzer.terms(in: text))
        #expect(Array(analysed.contentTerms) == analyzer.contentTerms(in: text))
        #expect(Array(analysed.folds) == Analyzer(language: "und").terms(in: text))
        #expect(analysed.words.map(\.range) == analyzer.tokens(in: text).map(\.range))
    }

    @Test func aStemmedLanguageMarksItsStopWordsAndKeepsTheFoldNextToTheStem() {
        // Given a French sentence
        let analysed = AnalysedText("Les négociations reprennent", language: "fr")
        // Then the stop word is marked and each word keeps both forms
        #expect(analysed.words.map(\.isStopWord) == [true, false, false])
        #expect(analysed.words[1].folded == "negociations")
        #expect(analysed.words[1].term == "negoci")
    }

    @Test(arguments: 0..<samples.count)
    func indexTermsPreparedFromTheAnalysisReplayAsPreparedFromTheText(sample: Int) {
        // Given a text and its language
        let (text, language) = Self.samples[sample]
        func replayed(_ prepared: PreparedIndexTerms) -> [String] {
            var terms: [String] = []
            _ = prepared.replay { term, start, end in
                terms.append("\(String(decoding: term, as: UTF8.self))@\(start)-\(end)")
                return true
            }
            return terms
        }
        // When prepared from the analysis and from the text
        let fromAnalysis = PreparedIndexTerms(AnalysedText(text, language: language))
        let fromText = PreparedIndexTerms(text, language: language)
        // Then the same marked text and the same terms at the same offsets
        #expect(fromAnalysis.marked == fromText.marked)
        #expect(replayed(fromAnalysis) == replayed(fromText))
    }

    @Test func aLanguageCodeTheMarkerCannotHoldIsPreparedAsTheTokenizerWouldIndexIt() {
        // Given a code the marker replaces by "und"
        let text = "Les négociations reprennent à Genève"
        let fromAnalysis = PreparedIndexTerms(AnalysedText(text, language: "not a code!"))
        // Then the preparation is that of the text on its own
        #expect(fromAnalysis.marked == PreparedIndexTerms(text, language: "not a code!").marked)
    }
}
