import Core
import Testing

/// One person, one id, whatever the language and script of the article (issue 13's table).
struct PersonAcrossLanguagesTests {
    let recognizer = EntityTestData.recognizer

    /// Each person's spellings in English, French, Russian and Ukrainian news, with the id they share.
    static let variants: [(id: String, names: [String])] = [
        // Public figures (data/people.tsv): the surname alone, and the spellings of other languages.
        (
            "person:vladimir-putin",
            [
                "Vladimir Putin", "Vladimir Poutine", "Владимир Путин", "Putin", "Poutine", "Путин", "Wladimir Putin",
                "Vladimir Vladimirovich Putin", "V. Putin",
            ]
        ),
        (
            "person:vladimir-zelenski",
            ["Zelensky", "Zelenskyy", "Zelenski", "Зеленський", "Зеленский", "Selenskyj", "Zelenskiy", "Selensky"]
        ),
        (
            "person:sergei-lavrov",
            ["Sergueï Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Сергей Лавров", "Lavrov", "Lawrow", "Sergej Lawrow"]
        ),
        ("person:emmanuel-macron", ["Emmanuel Macron", "Macron", "Макрон", "Эммануэль Макрон"]),
        ("person:antonio-guterres", ["António Guterres", "Antonio Guterres", "Guterres", "Гутерриш", "Гутеррес"]),
        ("person:xi-jinping", ["Xi Jinping", "Xi"]),
        ("person:recep-tayyip-erdogan", ["Recep Tayyip Erdoğan", "Tayyip Erdogan", "Erdogan", "Эрдоган"]),
        ("person:dmitri-peskov", ["Dmitri Peskov", "Dmitry Peskov", "Dmitriy Peskov", "Дмитрий Песков"]),
        // Ukrainian and Russian forms of a given name: one person.
        (
            "person:vladimir-zelenski",
            [
                "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Vladimir Zelensky", "Volodimir Zelenski",
                "Володимир Зеленський", "Владимир Зеленский",
            ]
        ),
        ("person:dmitri-kuleba", ["Dmytro Kuleba", "Dmitro Kuleba", "Dmitri Kuleba", "Дмитро Кулеба"]),
        // The Factbook writes the Belarusian form: an id is a key, not a spelling to show.
        (
            "person:aleksandr-lukashenka",
            ["Alexander Lukashenko", "Aleksandr Lukashenko", "Александр Лукашенко", "Lukashenka", "Loukachenko"]
        ),
        // Not a public figure: the rules alone.
        (
            "person:aleksandr-zakharchenko",
            ["Alexander Zakharchenko", "Oleksandr Zakharchenko", "Александр Захарченко"]
        ),
    ]

    @Test(arguments: variants)
    func everySpellingOfANameGivesTheSameID(id: String, names: [String]) {
        for name in names {
            #expect(recognizer.ids(forName: name) == [id], "\(name)")
        }
    }

    /// One statement in several languages and scripts: one person. Zelensky's given name differs
    /// between Ukrainian ("Володимир", "Volodymyr") and Russian ("Владимир", "Vladimir").
    @Test(arguments: [
        ("en", "President Vladimir Putin said on Tuesday that the talks would go on.", "person:vladimir-putin"),
        (
            "fr", "Le président Vladimir Poutine a déclaré mardi que les pourparlers continueraient.",
            "person:vladimir-putin"
        ),
        ("ru", "Президент Владимир Путин заявил во вторник, что переговоры продолжатся.", "person:vladimir-putin"),
        ("en", "President Volodymyr Zelensky said on Tuesday that the talks would go on.", "person:vladimir-zelenski"),
        (
            "fr", "Le président Volodymyr Zelensky a déclaré mardi que les pourparlers continueraient.",
            "person:vladimir-zelenski"
        ),
        (
            "uk", "Президент Володимир Зеленський заявив у вівторок, що переговори триватимуть.",
            "person:vladimir-zelenski"
        ),
        (
            "ru", "Президент Владимир Зеленский заявил во вторник, что переговоры продолжатся.",
            "person:vladimir-zelenski"
        ),
    ])
    func articlesInSeveralLanguagesNameOnePerson(language: String, text: String, id: String) {
        let people = recognizer.entities(title: "", text: text, language: language).filter { $0.kind == .person }
        #expect(people.map(\.id) == [id])
    }
}

extension PersonAcrossLanguagesTests {
    @Test(arguments: [
        "Fans of Manchester United and Aston Villa met in San Francisco on Saturday.",
        "The charity Citizens Advice and the Institute for Fiscal Studies warned on Monday.",
        "Supporters of Inter Milan and Paris Saint-Germain travelled to the final.",
        "The band Kalush Orchestra won, said a report by Local Democracy Reporting.",
    ])
    func clubsPlacesAndBodiesAreNotPeople(text: String) {
        let people = recognizer.entities(title: "", text: text, language: "en").filter { $0.kind == .person }
        #expect(people.isEmpty, "\(people.map(\.name))")
    }

    @Test func peopleWhoseFirstNameIsACommonWordStayPeople() {
        let text = "The report was welcomed by Mark Drakeford and by Penny Mordaunt on Tuesday."
        let people = recognizer.entities(title: "", text: text, language: "en").filter { $0.kind == .person }
        #expect(Set(people.map(\.id)) == ["person:mark-drakeford", "person:penny-mordaunt"])
    }
}
