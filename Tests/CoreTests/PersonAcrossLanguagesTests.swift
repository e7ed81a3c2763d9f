import Core
import Testing

/// One person, one id, whatever the language and script of the article (issue 13's table).
struct PersonAcrossLanguagesTests {
    let recognizer = EntityTestData.recognizer

    /// Each person's spellings in English, French, Russian and Ukrainian news, with the id they share.
    static let variants: [(id: String, names: [String])] = [
        ("person:vladimir-putin", ["Vladimir Putin", "Vladimir Poutine", "Владимир Путин"]),
        ("person:putin", ["Putin", "Poutine", "Путин"]),
        ("person:zelenski", ["Zelensky", "Zelenskyy", "Zelenski", "Зеленський", "Зеленский"]),
        ("person:sergei-lavrov", ["Sergueï Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Сергей Лавров"]),
        ("person:dmitri-peskov", ["Dmitri Peskov", "Dmitry Peskov", "Dmitriy Peskov", "Дмитрий Песков"]),
    ]

    @Test(arguments: variants)
    func everySpellingOfANameGivesTheSameID(id: String, names: [String]) {
        for name in names {
            #expect(recognizer.ids(forName: name) == [id], "\(name)")
        }
    }

    @Test(arguments: [
        ("en", "President Vladimir Putin said on Tuesday that the talks would go on."),
        ("fr", "Le président Vladimir Poutine a déclaré mardi que les pourparlers continueraient."),
        ("ru", "Президент Владимир Путин заявил во вторник, что переговоры продолжатся."),
    ])
    func articlesInThreeLanguagesNameOnePerson(language: String, text: String) {
        let people = recognizer.entities(title: "", text: text, language: language).filter { $0.kind == .person }
        #expect(people.map(\.id) == ["person:vladimir-putin"])
    }
}
