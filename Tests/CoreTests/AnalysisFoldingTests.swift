import Testing

@testable import Core

/// Case and diacritic folding of words, the same for precomposed and decomposed text.
struct AnalysisFoldingTests {
    @Test(arguments: [
        ("Négociations", "negociations"), ("ÇA", "ca"), ("Über", "uber"), ("Œuvre", "oeuvre"), ("Ærø", "aero"),
        ("Straße", "strasse"), ("STRAẞE", "strasse"), ("Łódź", "lodz"), ("Đà", "da"), ("İstanbul", "istanbul"),
        ("ıslak", "islak"), ("Þór", "thor"), ("Việt", "viet"), ("ÅNGSTRÖM", "angstrom"), ("Ñandú", "nandu"),
        ("Αθήνα", "αθηνα"), ("ΐ", "ι"), ("ὁδός", "οδοσ"), ("ΟΔΟΣ", "οδοσ"), ("Ёлка", "елка"), ("ЙОШКАР", "йошкар"),
        ("Київ", "київ"), ("Ґрунт", "ґрунт"), ("Երևան", "երևան"), ("ＡＢＣ１２３", "abc123"),
    ])
    func foldsCaseAndDiacritics(word: String, folded: String) {
        #expect(Analyzer.fold(word) == folded)
    }

    @Test(arguments: [
        ("ne\u{301}gociations", "négociations"),  // e + combining acute
        ("Zu\u{308}rich", "Zürich"),
        ("c\u{327}a", "ça"),
        ("мои\u{306}", "мой"),  // и + combining breve is й, which stays a letter of its own
        ("Киі\u{308}в", "Київ"),
        ("У\u{306}", "Ў"),
        ("за\u{301}мок", "замок"),  // Russian stress mark
        ("α\u{301}", "ά"),
    ])
    func decomposedTextFoldsLikePrecomposedText(decomposed: String, precomposed: String) {
        #expect(Analyzer.fold(decomposed) == Analyzer.fold(precomposed))
        #expect(Analyzer.fold(decomposed).unicodeScalars.allSatisfy { !(0x300...0x36F).contains($0.value) })
    }

    @Test func cyrillicShortIIsNotFoldedToI() {
        #expect(Analyzer.fold("Мой") == "мой")
        #expect(Analyzer.fold("мой") != Analyzer.fold("мои"))
    }

    @Test func hebrewPointsAndArabicHarakatAreDropped() {
        #expect(Analyzer.fold("שָׁלוֹם") == "שלום")
        #expect(Analyzer.fold("مُحَمَّد") == "محمد")
        #expect(Analyzer.fold("كـتـاب") == "كتاب")  // tatweel
    }

    @Test func indicVowelSignsAreKept() {
        #expect(Analyzer.fold("लड़कों") == "लड़कों")
        #expect(Analyzer(language: "hi").terms(in: "क्षेत्र में").count == 2)
    }

    @Test func foldDoesNotStem() {
        #expect(Analyzer.fold("Négociations") == "negociations")
        #expect(Analyzer(language: "fr").terms(in: "Négociations") == ["negoci"])
    }

    @Test func foldOfSeveralWordsIsAPhrase() {
        #expect(Analyzer.fold("l'OTAN-Russie") == "otan russie")
        #expect(Analyzer.fold(" -- ") == "")
    }

    @Test func invisibleCharactersInsideAWordDoNotSplitIt() {
        #expect(Analyzer.fold("négo\u{AD}ciations") == "negociations")  // soft hyphen
        #expect(Analyzer.fold("می\u{200C}خواهم") == "میخواهم")  // zero-width non-joiner
    }

    @Test func tableCoversEveryScalarItClaims() {
        #expect(ScalarFolding.table.count == 0x590 + 0x200)
        ScalarFolding.table.withUnsafeBufferPointer { table in
            #expect(ScalarFolding.fold(0x41, table: table).first == 0x61)
            #expect(ScalarFolding.fold(0x1EC7, table: table).first == 0x65)  // ệ, Latin Extended Additional
            #expect(ScalarFolding.fold(0x1F41, table: table).first == 0x3BF)  // ὁ, Greek Extended
            #expect(ScalarFolding.fold(0x301, table: table).kind == .droppedMark)
            #expect(ScalarFolding.fold(0x2019, table: table).kind == .apostrophe)
        }
    }
}
