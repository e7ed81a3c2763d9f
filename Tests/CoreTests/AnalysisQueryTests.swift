import Testing

@testable import Core

/// Query-side analysis: the index terms a user's word can match in each candidate language.
struct AnalysisQueryTests {
    @Test(arguments: [
        ("negotiations", ["en", "fr"], ["negoti"]),
        ("negociations", ["en", "fr"], ["negoci"]),
        ("garantie", ["en", "fr"], ["garanti", "garant"]),
        ("OTAN", ["en", "fr"], ["otan"]),
        ("l'OTAN", ["fr"], ["otan"]),
        ("Россия", ["ru", "en"], ["росс", "россия"]),
        ("Straße", ["de"], ["strass"]),
        ("Négociations", [], ["negociations"]),
        ("e-mail", ["en"], ["e mail"]),
        ("北京", ["zh", "en"], ["北京"]),
        ("北京市", ["zh"], ["北京 京市"]),
        ("—", ["fr"], []),
    ])
    func alternativesAreDistinctTermsPerLanguage(word: String, languages: [String], expected: [String]) {
        #expect(QueryAnalysis.alternatives(for: word, languages: languages) == expected)
    }

    @Test func alternativesMatchTheTermsIndexedForEachLanguage() {
        for (language, document, query) in [
            ("fr", "négociations", "negociation"), ("de", "Verhandlungen", "verhandlung"), ("ru", "России", "россия"),
            ("es", "negociaciones", "negociacion"), ("it", "garanzie", "Garanzia"), ("en", "guarantees", "guarantee"),
        ] {
            let indexed = Analyzer(language: language).terms(in: document)
            let alternatives = QueryAnalysis.alternatives(for: query, languages: ["en", language])
            #expect(alternatives.contains(indexed[0]), "\(language): \(document) vs \(query)")
        }
    }

    @Test func alternativesKeepTheOrderOfLanguages() {
        #expect(QueryAnalysis.alternatives(for: "garantie", languages: ["fr", "en"]) == ["garant", "garanti"])
        #expect(QueryAnalysis.alternatives(for: "garantie", languages: ["en", "fr"]) == ["garanti", "garant"])
    }
}
