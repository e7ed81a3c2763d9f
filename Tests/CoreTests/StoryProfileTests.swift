import Foundation
import Testing

@testable import Core

/// Features and profiles: what they hold, their bounds, and their stored form.
struct StoryProfileTests {
    @Test
    func profileSurvivesAJSONRoundTrip() throws {
        var profile = StoryProfile(
            id: 7, features: StoryTestData.features(try StoryTestData.seed("001")), docID: 2, title: "001",
            at: StoryTestData.start)
        profile.absorb(
            StoryTestData.features(try StoryTestData.englishReport()), docID: 5, title: "report",
            at: StoryTestData.start + 60)
        profile.recordDuplicate(at: StoryTestData.start + 120)
        let data = try JSONEncoder().encode(profile)
        #expect(try JSONDecoder().decode(StoryProfile.self, from: data) == profile)
        #expect(data.count < 8_000)  // stored as a blob per story
    }

    @Test
    func profileSurvivesItsBinaryRecordAndARecordCutShortIsRefused() throws {
        var profile = StoryProfile(
            id: 7, features: StoryTestData.features(try StoryTestData.seed("001")), docID: 2, title: "001 “Zakharova”",
            at: StoryTestData.start)
        profile.absorb(
            StoryTestData.features(try StoryTestData.englishReport()), docID: 5, title: "report",
            at: StoryTestData.start + 60)
        profile.recordDuplicate(at: StoryTestData.start + 120)
        let record = profile.encoded()
        #expect(StoryProfile(id: 7, encoded: record) == profile)
        let json = try JSONEncoder().encode(profile)
        #expect(record.count < json.count)
        #expect(StoryProfile(id: 7, encoded: Array(record.dropLast())) == nil)
        #expect(StoryProfile(id: 7, encoded: record + [0]) == nil)
        #expect(StoryProfile(id: 7, encoded: [2] + record.dropFirst()) == nil, "another format")
        #expect(StoryProfile(id: 7, encoded: []) == nil)
    }

    @Test
    func featuresSurviveAJSONRoundTrip() throws {
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        let data = try JSONEncoder().encode(features)
        #expect(try JSONDecoder().decode(StoryFeatures.self, from: data) == features)
    }

    @Test
    func profileStaysBoundedWhateverItsSize() throws {
        let articles = try StoryTestData.corpus(perLanguage: 20)
        var profile = StoryProfile(
            id: 1, features: StoryTestData.features(articles[0]), docID: 1, title: "", at: StoryTestData.start)
        for (index, article) in articles.enumerated().dropFirst() {
            profile.absorb(StoryTestData.features(article), docID: Int64(index + 1), title: "", at: StoryTestData.start)
        }
        #expect(profile.size == 40)
        #expect(profile.centroids.values.allSatisfy { $0.count <= StoryProfile.maximumTerms })
        #expect(profile.keys.count <= StoryProfile.maximumKeys)
        #expect(profile.indexKeys.count <= StoryProfile.maximumIndexKeys)
    }

    @Test
    func featuresHoldEntityNameDateAndNumberKeys() throws {
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        for key in ["e:NATO", "e:person:dmitri-peskov", "p:pais", "d:01-26", "d:12-17", "n:1997"] {
            #expect(features.keys[key] != nil, "missing \(key)")
        }
        // "Russie" and "Kremlin" are gazetteer names: entity keys, not proper names, and no terms.
        #expect(features.keys["p:russie"] == nil)
        #expect(features.terms["kremlin"] == nil)
        #expect(features.candidateKeys.count <= StoryFeatures.maximumCandidateKeys)
        #expect(features.terms.count <= StoryFeatures.maximumTerms)
    }

    @Test(arguments: [
        ("Le sommet s'est tenu le 26 janvier à Genève.", "d:01-26"),
        ("The summit was held on January 26 in Geneva.", "d:01-26"),
        ("Some 13,000 people died, and 13 000 more fled.", "n:13000"),
    ])
    func keysReadDatesAndNumbersAlikeInAnyLanguage(text: String, key: String) {
        let article = Article(title: "", text: text, language: "en", languageConfidence: 1, format: "text")
        #expect(StoryKeys.counts(in: article, isKnownName: { _ in false })[key] != nil)
    }

    @Test
    func headlineIsTheMostCentralArticle() throws {
        let french = StoryTestData.features(try StoryTestData.seed("001"))
        var profile = StoryProfile(id: 1, features: french, docID: 1, title: "first", at: StoryTestData.start)
        #expect(profile.headline == "first")
        profile.absorb(
            StoryTestData.features(try StoryTestData.seed("004")), docID: 2, title: "second", at: StoryTestData.start)
        profile.absorb(
            StoryTestData.features(try StoryTestData.englishReport()), docID: 3, title: "report",
            at: StoryTestData.start)
        // The report shares the most with both French articles: it is the story's centre.
        #expect(profile.headlineDocID == 3)
        #expect(profile.languages == ["en", "fr"])
        #expect(profile.size == 3)
    }
}
