import Core
import Testing

/// The acceptance: the English seed 000 and the French seeds name the same entities.
struct SeedEntityTests {
    let recognizer = EntityTestData.recognizer

    @Test
    func englishAndFrenchSeedsShareTheMainIDs() throws {
        let english = Set(
            recognizer.entities(title: "", text: try EntityTestData.seed("000"), language: "en").map(\.id))
        let french = Set(recognizer.entities(title: "", text: try EntityTestData.seed("001"), language: "fr").map(\.id))
        let shared: Set = ["NATO", "RU", "US", "UA"]
        #expect(shared.isSubset(of: english.intersection(french)))
    }

    @Test
    func frenchSeedNamesMariaZakharova() throws {
        let entities = recognizer.entities(title: "", text: try EntityTestData.seed("001"), language: "fr")
        let zakharova = entities.first { $0.id == "person:maria-zakharova" }
        #expect(zakharova?.kind == .person)
        #expect(zakharova?.name == "Maria Zakharova")
    }

    @Test(arguments: ["001", "002", "003", "004"])
    func everyFrenchSeedNamesNATOAndRussia(seed: String) throws {
        let ids = Set(recognizer.entities(title: "", text: try EntityTestData.seed(seed), language: "fr").map(\.id))
        #expect(ids.isSuperset(of: ["NATO", "RU"]))
    }

    @Test
    func lavrovIsLinkedInTheFrenchSeed() throws {
        let entities = recognizer.entities(title: "", text: try EntityTestData.seed("002"), language: "fr")
        let lavrov = entities.first { $0.id == "person:sergei-lavrov" }
        #expect(lavrov?.mentions == 3)  // "Sergueï Lavrov", then "Lavrov" twice
    }
}
