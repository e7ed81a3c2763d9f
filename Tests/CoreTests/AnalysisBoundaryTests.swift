import Testing

@testable import Core

/// Where words start and end: apostrophes and elision, possessives, hyphens, CJK, marks, joiners.
struct AnalysisBoundaryTests {
    /// The folded words of `text` (no stemming), for boundary checks.
    func words(_ text: String) -> [String] {
        Analyzer(language: "und").terms(in: text)
    }

    @Test(arguments: [
        ("l'OTAN", ["otan"]), ("l’OTAN", ["otan"]), ("lʼOTAN", ["otan"]), ("d’Ukraine", ["ukraine"]),
        ("qu'il", ["il"]), ("jusqu'à", ["a"]), ("lorsqu'on", ["on"]), ("puisqu'elle", ["elle"]),
        ("quoiqu'il", ["il"]), ("s'est", ["est"]), ("n'a", ["a"]), ("c'était", ["etait"]), ("j'ai", ["ai"]),
        ("m'a", ["a"]), ("t'aime", ["aime"]), ("dell'Unione", ["unione"]), ("dall'Italia", ["italia"]),
        ("nell'ambito", ["ambito"]), ("sull'accordo", ["accordo"]), ("all'ONU", ["onu"]), ("un'amica", ["amica"]),
        ("L'Œuvre", ["oeuvre"]), ("D'Artagnan", ["artagnan"]),
    ])
    func elidedWordsBeforeAnApostropheAreDropped(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test func elisionNeedsAWordRightAfterTheApostrophe() {
        #expect(words("l' OTAN") == ["l", "otan"])
        #expect(words("il dit l'") == ["il", "dit", "l"])
    }

    @Test func otherWordsBeforeAnApostropheAreKept() {
        #expect(words("aujourd'hui") == ["aujourd", "hui"])
        #expect(words("O'Neill") == ["o", "neill"])
        #expect(words("don't") == ["don", "t"])
    }

    @Test func englishPossessiveSIsDropped() {
        #expect(words("Obama's aide") == ["obama", "aide"])
        #expect(words("Reuters’ report") == ["reuters", "report"])
        #expect(words("the 's' key") == ["the", "s", "key"])
        #expect(words("Paris s'est") == ["paris", "est"])
    }

    @Test func hyphenatedWordsSplitIntoParts() {
        #expect(words("cessez-le-feu") == ["cessez", "le", "feu"])
        #expect(words("COVID-19") == ["covid", "19"])
        #expect(words("l'OTAN-Russie") == ["otan", "russie"])
    }

    @Test func hanAndKanaRunsGiveOverlappingBigrams() {
        let tokens = Analyzer(language: "und").tokens(in: "北京市は東京と")
        #expect(tokens.map(\.term) == ["北京", "京市", "市は", "は東", "東京", "京と"])
        #expect(tokens.map(\.range) == [0..<6, 3..<9, 6..<12, 9..<15, 12..<18, 15..<21])
        #expect(words("ニュース・速報") == ["ニュ", "ュー", "ース", "速報"])
        #expect(words("GDP増加") == ["gdp", "増加"])
    }

    @Test func aCJKCharacterStandingAloneIsATermOfItsOwn() {
        #expect(words("中 国") == ["中", "国"])
        #expect(words("A股上涨") == ["a", "股上", "上涨"])
        #expect(words("习近平。") == ["习近", "近平"])
        #expect(words("日") == ["日"])
    }

    @Test func hangulWordsStayWhole() {
        #expect(words("안녕하세요, 세계!") == ["안녕하세요", "세계"])
    }

    @Test func combiningMarksBelongToTheirWord() {
        let text = "ne\u{301}gociations  \u{301}x"
        let tokens = Analyzer(language: "und").tokens(in: text)
        #expect(tokens.map(\.term) == ["negociations", "x"])
        #expect(tokens[0].range == 0..<14)
    }

    @Test func punctuationAndSymbolsSeparateWords() {
        #expect(
            words("a.b,c;d:e!f?g(h)i[j]k{l}m/n\\o|p_q+r=s*t&u%v$w#x@y~z")
                == (0..<26).map { String(UnicodeScalar(UInt8(97 + $0))) })
        #expect(words("3,5 % – 12.000 €") == ["3", "5", "12", "000"])
        #expect(words("“quoted” «guillemets» „Anführung“") == ["quoted", "guillemets", "anfuhrung"])
    }

    @Test func trailingSoftHyphenIsOutsideTheRange() {
        let tokens = Analyzer(language: "und").tokens(in: "mot\u{AD} suite")
        #expect(tokens.map(\.term) == ["mot", "suite"])
        #expect(tokens[0].range == 0..<3)
    }
}
