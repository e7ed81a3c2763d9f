import Core
import Testing

struct EntityRecognizerTests {
    let recognizer = EntityTestData.recognizer

    func ids(in text: String, language: String = "fr") -> [String] {
        recognizer.entities(title: "", text: text, language: language).map(\.id)
    }

    @Test(arguments: [
        ("NATO", "NATO"), ("OTAN", "NATO"), ("НАТО", "NATO"), ("North Atlantic Treaty Organization", "NATO"),
        ("United States", "US"), ("États-Unis", "US"), ("Etats-Unis", "US"), ("USA", "US"), ("U.S.", "US"),
        ("США", "US"), ("Russia", "RU"), ("Russie", "RU"), ("Россия", "RU"), ("Fédération de Russie", "RU"),
        ("Ukraine", "UA"), ("Україна", "UA"), ("Украина", "UA"), ("Moscou", "city:moscow"), ("Москва", "city:moscow"),
        ("Kiev", "city:kyiv"), ("Київ", "city:kyiv"), ("ONU", "UN"), ("Union européenne", "EU"),
    ])
    func aliasesInEveryLanguageShareOneID(alias: String, id: String) {
        #expect(ids(in: "Selon la presse, \(alias) a répondu mardi.") == [id])
    }

    @Test(arguments: [
        "Tell us about it.", "The turkey was fine.", "Who knows? Nobody.", "Il y a un problème.",
    ])
    func lowerCaseWordsAreNotEntities(text: String) {
        #expect(ids(in: text, language: "en").isEmpty)
    }

    @Test
    func elidedArticlesAreSplitOff() {
        #expect(Set(ids(in: "Le rôle de l'OTAN et l’avenir d’Ukraine.")) == ["NATO", "UA"])
    }

    @Test
    func transliterationsOfOnePersonShareAnID() {
        let french = recognizer.entities(
            title: "", text: "Le ministre Sergueï Lavrov a parlé. Lavrov a ajouté.",
            language: "fr")
        let english = ids(in: "Talks with Sergei Lavrov went on.", language: "en")
        #expect(french.map(\.id) == ["person:sergei-lavrov"])
        #expect(french.first?.mentions == 2)
        #expect(french.first?.name == "Sergueï Lavrov")
        #expect(english == ["person:sergei-lavrov"])
    }

    @Test
    func titledSurnameAloneIsAPerson() {
        #expect(ids(in: "Selon M. Riabkov, rien ne change.") == ["person:riabkov"])
    }

    @Test
    func mostMentionedComesFirst() {
        let entities = recognizer.entities(
            title: "Russie", text: "L'OTAN et la Russie. La Russie dit non.",
            language: "fr")
        #expect(entities.map(\.id) == ["RU", "NATO"])
        #expect(entities.first?.mentions == 3)
    }

    @Test(arguments: [
        ("OTAN", ["NATO"]), ("nato", ["NATO"]), ("RU", ["RU"]), ("ru", ["RU"]), ("Russie", ["RU"]),
        ("us", ["US"]), ("city:kyiv", ["city:kyiv"]), ("Sergueï Lavrov", ["person:sergei-lavrov"]),
        ("Lavrov", ["person:sergei-lavrov"]), ("Zakharchenko", ["person:zakharchenko"]), ("", []),
    ])
    func searchValuesResolveToIDs(name: String, expected: [String]) {
        #expect(recognizer.ids(forName: name) == expected)
    }

    /// Story keys ask whether a capitalised word names a place or an organisation: the answer is
    /// whether the first id the word resolves to is not a person's, for every kind of word.
    @Test(arguments: [
        "OTAN", "Russie", "Kremlin", "Moscou", "Kyiv", "ru", "city:kyiv", "person:sergei-lavrov", "Lavrov",
        "Zakharova", "Washington", "Monday", "Les", " Ukraine ", "", "Москва", "Biden", "Bruxelles", "Union",
    ])
    func aPlaceOrOrganisationIsTheFirstIDOfAWordThatIsNoPerson(word: String) {
        let first = recognizer.ids(forName: word).first
        #expect(recognizer.isKnownPlaceOrOrganisation(word) == (first.map { !$0.hasPrefix("person:") } ?? false))
    }
}
