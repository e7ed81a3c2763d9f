import Testing

@testable import Core

/// A label is indexed as one folded word: its folded words written together.
struct LabelTagsTests {
    @Test(arguments: [
        "person:sergei-lavrov", "NATO", "RU", "city:kyiv", "politics", "person:jean-yves-le-drian",
        "person:olaf-scholz", "Sergueï Lavrov", "Зеленський", "org:l'otan", "a  b", "", "--", "health",
        "person:o'neill", "Über-Straße", "city:são-paulo",
    ])
    func aLabelSqueezesToItsFoldedWordsJoined(value: String) {
        #expect(LabelTags.squeezed(value) == Analyzer.fold(value).split(separator: " ").joined())
    }

    @Test func tagsNameTheLanguageTopicsAndEntities() {
        #expect(
            LabelTags.text(language: "fr", topics: ["politics"], entityIDs: ["NATO", "person:sergei-lavrov"])
                == "lang fr topic politics entity nato entity personsergeilavrov")
    }
}
