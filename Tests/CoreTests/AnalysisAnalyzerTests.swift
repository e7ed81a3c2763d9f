import Testing

@testable import Core

/// Analysis per language: folding then Snowball stemming, and byte ranges that lead back to the words.
struct AnalysisAnalyzerTests {
    /// Two spellings or inflections that must give the same index term, and that term.
    struct SharedTerm: Sendable, CustomTestStringConvertible {
        let language: String
        let first: String
        let second: String
        let term: String
        var testDescription: String { "\(language): \(first) ~ \(second) → \(term)" }
    }

    @Test(arguments: [
        SharedTerm(language: "fr", first: "garanties", second: "garantie", term: "garant"),
        SharedTerm(language: "fr", first: "négociations", second: "negociations", term: "negoci"),
        SharedTerm(language: "fr", first: "Nationalité", second: "nationalite", term: "nationalit"),
        SharedTerm(language: "fr", first: "l'OTAN", second: "OTAN", term: "otan"),
        SharedTerm(language: "fr", first: "d’Ukraine", second: "Ukraine", term: "ukrain"),
        SharedTerm(language: "en", first: "negotiations", second: "negotiation", term: "negoti"),
        SharedTerm(language: "en", first: "guarantees", second: "guarantee", term: "guarante"),
        SharedTerm(language: "en", first: "Obama's", second: "Obama", term: "obama"),
        SharedTerm(language: "de", first: "Straße", second: "Strasse", term: "strass"),
        SharedTerm(language: "de", first: "Verhandlungen", second: "Verhandlung", term: "verhandl"),
        SharedTerm(language: "de", first: "Häuser", second: "Haus", term: "haus"),
        SharedTerm(language: "es", first: "negociaciones", second: "negociación", term: "negoci"),
        SharedTerm(language: "es", first: "negociacion", second: "Negociación", term: "negoci"),
        SharedTerm(language: "es", first: "garantías", second: "garantia", term: "garanti"),
        SharedTerm(language: "it", first: "negoziati", second: "negoziato", term: "negoz"),
        SharedTerm(language: "it", first: "dell'Unione", second: "unione", term: "union"),
        SharedTerm(language: "it", first: "garanzie", second: "garanzia", term: "garanz"),
        SharedTerm(language: "ru", first: "России", second: "Россия", term: "росс"),
        SharedTerm(language: "ru", first: "переговорах", second: "переговоры", term: "переговор"),
        SharedTerm(language: "ru", first: "ёлка", second: "Елка", term: "елк"),
        SharedTerm(language: "pt", first: "negociações", second: "negociacao", term: "negoc"),
        SharedTerm(language: "nl", first: "onderhandelingen", second: "onderhandeling", term: "onderhandel"),
        SharedTerm(language: "sv", first: "förhandlingarna", second: "forhandling", term: "forhandling"),
        SharedTerm(language: "fi", first: "neuvotteluissa", second: "neuvottelut", term: "neuvottelu"),
        SharedTerm(language: "hu", first: "tárgyalások", second: "targyalas", term: "targyalas"),
        SharedTerm(language: "el", first: "ΟΔΟΣ", second: "οδός", term: "οδ"),
    ])
    func inflectionsAndSpellingsShareATerm(_ example: SharedTerm) {
        let analyzer = Analyzer(language: example.language)
        #expect(analyzer.terms(in: example.first) == [example.term])
        #expect(analyzer.terms(in: example.second) == [example.term])
    }

    @Test func frenchSentenceGivesFoldedStemsWithoutElidedArticles() {
        let terms = Analyzer(language: "fr").terms(in: "Les négociations sur les garanties de l'OTAN")
        #expect(terms == ["le", "negoci", "sur", "le", "garant", "de", "otan"])
    }

    @Test(arguments: ["fr", "en", "ru", "und", "zh"])
    func rangesLeadBackToTheWordsAsWritten(language: String) {
        let text = "« L’OTAN », dit-il : Straße, négociations & России — 2024 北京"
        let words = Analyzer(language: language).tokens(in: text).map {
            String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
        #expect(words == ["OTAN", "dit", "il", "Straße", "négociations", "России", "2024", "北京"])
    }

    @Test func rangesCountBytesNotCharacters() {
        let tokens = Analyzer(language: "fr").tokens(in: "été à Zürich")
        #expect(tokens.map(\.range) == [0..<5, 6..<8, 9..<16])
        #expect(tokens.map(\.term) == ["ete", "a", "zurich"])
    }

    @Test(arguments: [
        ("fr", true), ("en", true), ("pt-BR", true), ("nb", true), ("nn_NO", true), ("RU", true), ("hy", true),
        ("und", false), ("zh", false), ("ja", false), ("pl", false), ("", false),
    ])
    func languagesWithASnowballAlgorithmHaveAStemmer(language: String, expected: Bool) {
        #expect(Analyzer(language: language).hasStemmer == expected)
    }

    @Test func estonianStemsOnlyWhenLibstemmerHasIt() {
        #expect(Analyzer(language: "et").hasStemmer == SnowballStemmer.availableAlgorithms.contains("estonian"))
    }

    @Test func languagesWithoutStemmerFoldOnly() {
        #expect(Analyzer(language: "und").terms(in: "Négociations garanties") == ["negociations", "garanties"])
        #expect(Analyzer(language: "pl").terms(in: "Negocjacje w Łodzi") == ["negocjacje", "w", "lodzi"])
    }

    @Test func numbersAreNotStemmed() {
        #expect(Analyzer(language: "en").terms(in: "1990s 2024 3rd") == ["1990s", "2024", "3rd"])
    }

    @Test func termsAreTheTermsOfTokens() {
        let text = "Le Conseil de sécurité de l'ONU s'est réuni jusqu'à minuit."
        let analyzer = Analyzer(language: "fr")
        #expect(analyzer.terms(in: text) == analyzer.tokens(in: text).map(\.term))
    }

    @Test func emptyAndPunctuationOnlyTextHaveNoTokens() {
        #expect(Analyzer(language: "fr").tokens(in: "").isEmpty)
        #expect(Analyzer(language: "fr").tokens(in: " — « » ... !? ").isEmpty)
    }

    @Test(arguments: ["fr", "en", "de", "ru", "es", "it", "ar", "el", "tr"])
    func boundariesDoNotDependOnTheLanguage(language: String) {
        let text = """
            L'OTAN et l’UE, d'après Reuters' dépêche : « cessez-le-feu » à Kyiv (Київ), Москве; \
            Obama's aide, jusqu'à 23h59. Αθήνα — القاهرة — 東京都 — dell'Unione, quest'anno.
            """
        #expect(
            Analyzer(language: language).tokens(in: text).map(\.range)
                == Analyzer(language: "und").tokens(in: text).map(\.range))
    }
}
