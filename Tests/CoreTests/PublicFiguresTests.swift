@testable import Core
import Testing

/// The public figures of `data/people.tsv`: one id for a figure's name alone, in full, or spelt in
/// another language or script, and no figure for other people who share a surname.
struct PublicFiguresTests {
    let recognizer = EntityTestData.recognizer

    func people(in text: String, language: String = "en") -> [String] {
        recognizer.entities(title: "", text: text, language: language).filter { $0.kind == .person }.map(\.id)
    }

    /// The same statement reported by the surname alone, untitled, in five languages and two scripts.
    @Test(arguments: [
        ("en", "Putin said on Tuesday that the talks would go on."),
        ("fr", "Poutine a déclaré mardi que les pourparlers continueraient."),
        ("de", "Putin sagte am Dienstag, die Gespräche würden fortgesetzt."),
        ("ru", "Путин заявил во вторник, что переговоры продолжатся."),
        ("uk", "Путін заявив у вівторок, що переговори триватимуть."),
    ])
    func aFigureNamedByTheSurnameAloneIsTheFigure(language: String, text: String) {
        #expect(people(in: text, language: language) == ["person:vladimir-putin"])
    }

    @Test(arguments: [
        ("en", "Zelensky and Lavrov spoke on Monday; Macron called Guterres later.", 4),
        ("fr", "Zelensky et Lavrov ont parlé lundi ; Macron a appelé Guterres ensuite.", 4),
        ("de", "Selenskyj und Lawrow sprachen am Montag; Macron rief später Guterres an.", 4),
        ("ru", "Зеленский и Лавров говорили в понедельник; Макрон позвонил Гутерришу позже.", 4),
    ])
    func figuresOfOneStatementShareTheirIDsAcrossLanguages(language: String, text: String, count: Int) {
        let expected: Set = [
            "person:vladimir-zelenski", "person:sergei-lavrov", "person:emmanuel-macron", "person:antonio-guterres",
        ]
        let found = Set(people(in: text, language: language))
        #expect(found.isSubset(of: expected), "\(found)")
        #expect(found.count == count, "\(found)")
    }

    /// Russian and Ukrainian decline surnames: "Путина", "Зеленского" are still the figures.
    @Test(arguments: [
        (
            "ru", "Вчера начались переговоры Путина и Зеленского.",
            ["person:vladimir-putin", "person:vladimir-zelenski"]
        ),
        (
            "uk", "Вчора почалися переговори Путіна та Зеленського.",
            ["person:vladimir-putin", "person:vladimir-zelenski"]
        ),
        (
            "ru", "Песков сообщил об этом Лаврову и Макрону.",
            ["person:dmitri-peskov", "person:sergei-lavrov", "person:emmanuel-macron"]
        ),
    ])
    func declinedSurnamesInCyrillicAreTheFigures(language: String, text: String, ids: [String]) {
        #expect(Set(people(in: text, language: language)) == Set(ids))
    }

    /// A short form that is also a given name, a common surname or too short to be sure of ("Xi",
    /// "Kim") is a figure's only after a title or with the rest of the name.
    @Test func aShortFormThatIsNotSureAloneNeedsATitle() {
        #expect(people(in: "President Xi met the delegation.") == ["person:xi-jinping"])
        #expect(people(in: "Xi Jinping met the delegation.") == ["person:xi-jinping"])
        #expect(people(in: "The delegation met Xi on Monday.").isEmpty)
        #expect(people(in: "Williams said the result was fair.").isEmpty)
        #expect(people(in: "Kim said the result was fair.").isEmpty)
        // A surname news gives to others more often is never the figure's alone, even titled.
        #expect(people(in: "Mr Davis said the result was fair.") == ["person:davis"])
        #expect(people(in: "Prime Minister Philip Davis said the result was fair.") == ["person:philip-edward-davis"])
        // An honorific or another title is not an office: "Coach Xi" is somebody else.
        #expect(people(in: "Coach Xi said the result was fair.") == ["person:xi"])
    }

    /// Another person with a figure's surname keeps their own id, and so does their surname alone.
    @Test func anotherPersonWithAFiguresSurnameIsNotTheFigure() {
        #expect(
            people(in: "Alexis Sanchez scored twice. Sanchez said the team deserved it.") == ["person:alexis-sanchez"])
        #expect(people(in: "Melania Trump opened the exhibition on Monday.") == ["person:melania-trump"])
        #expect(people(in: "Pedro Sanchez spoke in Madrid. Sanchez said Spain would help.") == ["person:pedro-sanchez"])
    }

    /// A given name or its initial before the surname must be the figure's.
    @Test func theGivenNameBeforeTheSurnameMustBeTheFigures() {
        #expect(people(in: "Volodymyr Zelensky thanked the allies.") == ["person:vladimir-zelenski"])
        #expect(people(in: "V. Zelensky thanked the allies.") == ["person:vladimir-zelenski"])
        #expect(people(in: "Oleksandr Zelensky thanked the allies.") == ["person:aleksandr-zelenski"])
        // A misspelt given name is still theirs; another name is not.
        #expect(people(in: "Anthony Blinken flew to Kyiv.") == ["person:antony-blinken"])
        #expect(people(in: "Melania Trump flew to Kyiv.") == ["person:melania-trump"])
    }

    @Test(arguments: [
        ("antony", "anthony", true), ("anthony", "antony", true), ("vladimir", "wladimir", true),
        ("emmanuel", "emanuel", true), ("donald", "ronald", true), ("maria", "mario", true),
        ("donald", "donald", false), ("ivan", "ivana", false), ("melania", "donald", false),
        ("keir", "kier", false), ("antony", "antonia", false), ("vladimir", "vladimirs", true),
    ])
    func oneEditApartIsOneLetterAddedRemovedOrReplaced(lhs: String, rhs: String, expected: Bool) {
        #expect(PublicFigures.isOneEditApart(lhs, rhs) == expected)
    }

    /// A sentence may start with a capitalised word before a figure's surname: a lone capital with
    /// no dot ("A", Russian "В" = "in") or a common word ("Переговоры" = "talks") is not their
    /// given name; an initial with a dot and another person's given name are.
    @Test func aWordStartingASentenceBeforeAFigureIsNotTheirGivenName() {
        #expect(people(in: "A Putin ally said the talks were over.") == ["person:vladimir-putin"])
        #expect(people(in: "Переговоры Путина начались вчера.", language: "ru") == ["person:vladimir-putin"])
        #expect(people(in: "В Женеве начались переговоры.", language: "ru").isEmpty)
        #expect(people(in: "V. Putin said the talks were over.") == ["person:vladimir-putin"])
        #expect(people(in: "Melania Trump opened the exhibition.") == ["person:melania-trump"])
        #expect(people(in: "The speech of George W Bush was quoted.") == ["person:george-w-bush"])
    }

    @Test func aMalformedLineOfThePeopleFileNamesTheFileAndLine() {
        #expect {
            try EntityRecognizer(
                countries: "", extra: "", organisations: "", people: "# comment\nVladimir Putin\tPutin\n")
        } throws: { error in
            let error = error as? GazetteerError
            return error?.code == .malformedLine && error?.message.contains("'people.tsv' line 2") == true
        }
    }
}
