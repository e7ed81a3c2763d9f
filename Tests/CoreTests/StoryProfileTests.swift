import Foundation
import Testing

@testable import Core

/// Features and profiles: what they hold, their bounds, and their stored form.
struct StoryProfileTests {
    /// Seed 001's story (French) joined by the English report of the same event.
    func twoLanguageProfile(title: String = "001") throws -> StoryProfile {
        var profile = StoryProfile(
            id: 7, features: StoryTestData.features(try StoryTestData.seed("001")), docID: 2, title: title,
            at: StoryTestData.start)
        profile.absorb(
            StoryTestData.features(try StoryTestData.englishReport()), docID: 5, title: "report",
            at: StoryTestData.start + 60)
        return profile
    }

    @Test
    func profileSurvivesAJSONRoundTrip() throws {
        var profile = try twoLanguageProfile()
        profile.recordDuplicate(at: StoryTestData.start + 120)
        let data = try JSONEncoder().encode(profile)
        #expect(try JSONDecoder().decode(StoryProfile.self, from: data) == profile)
        #expect(data.count < 8_000)  // stored as a blob per story
    }

    @Test
    func profileSurvivesItsBinaryRecordAndARecordCutShortIsRefused() throws {
        var profile = try twoLanguageProfile(title: "001 “Zakharova”")
        profile.recordDuplicate(at: StoryTestData.start + 120)
        let record = profile.encoded()
        #expect(StoryProfile(id: 7, encoded: record) == profile)
        let json = try JSONEncoder().encode(profile)
        #expect(record.count < json.count)
        #expect(StoryProfile(id: 7, encoded: Array(record.dropLast())) == nil)
        #expect(StoryProfile(id: 7, encoded: record + [0]) == nil)
        #expect(StoryProfile(id: 7, encoded: [9] + record.dropFirst()) == nil, "another format")
        #expect(StoryProfile(id: 7, encoded: []) == nil)
    }

    @Test
    func aStoredRecordIsComparedAsItsDecodedProfileWouldBe() throws {
        // Given a French story joined by an English report, stored as a record
        let profile = try twoLanguageProfile()
        let record = profile.encoded()
        // When articles in its languages, in a language it lacks, and unrelated ones are compared
        var articles = [try StoryTestData.seed("004"), try StoryTestData.seed("000"), try StoryTestData.seed("002")]
        articles += try StoryTestData.corpus(perLanguage: 5)
        var german = try StoryTestData.seed("004")
        german.language = "de"
        articles.append(german)
        var matched = 0
        for article in articles {
            let features = StoryTestData.features(article)
            let decoded = profile.similarity(terms: features.terms, keys: features.keys, language: features.language)
            let read = try #require(
                StoryProfile.similarity(
                    record: record, terms: HashedVector(features.terms), keys: HashedVector(features.keys),
                    language: features.language))
            // Then the record gives the same scores, to rounding
            #expect(abs(read.combined - decoded.combined) < 1e-9)
            #expect(abs(read.keys - decoded.keys) < 1e-9)
            #expect((read.terms == nil) == (decoded.terms == nil))
            if let terms = read.terms, let expected = decoded.terms { #expect(abs(terms - expected) < 1e-9) }
            if decoded.combined > 0.1 { matched += 1 }
        }
        #expect(matched >= 2, "the related seeds score above nothing")
        // A record cut short inside its vectors is refused, not read past its end
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        let cut = Array(record.prefix(record.count / 3))
        #expect(
            StoryProfile.similarity(
                record: cut, terms: HashedVector(features.terms), keys: HashedVector(features.keys), language: "fr")
                == nil)
    }

    @Test
    func aSimilarityRecordComparesAsTheWholeRecordAndCannotBeDecoded() throws {
        // Given a dated French story joined by an English report, and its similarity record
        var profile = try twoLanguageProfile(title: "001 “Zakharova”")
        profile.absorb(
            StoryTestData.features(try StoryTestData.seed("002")), docID: 9, title: "dated", at: StoryTestData.start,
            span: EventSpan(isoDate: "2021-12-18"))
        let record = profile.encoded()
        let compared = try #require(StoryProfile.similarityRecord(of: record))
        #expect(compared.count * 2 < record.count, "\(compared.count) of \(record.count) bytes")
        // Then articles in its languages, in another and unrelated ones get exactly the same scores
        var articles = [
            try StoryTestData.seed("004"), try StoryTestData.seed("000"), try StoryTestData.englishReport(),
        ]
        articles += try StoryTestData.corpus(perLanguage: 5)
        var german = try StoryTestData.seed("004")
        german.language = "de"
        articles.append(german)
        for article in articles {
            let features = StoryTestData.features(article)
            let (terms, keys) = (HashedVector(features.terms), HashedVector(features.keys))
            let whole = try #require(
                StoryProfile.similarity(record: record, terms: terms, keys: keys, language: features.language))
            let read = try #require(
                StoryProfile.similarity(record: compared, terms: terms, keys: keys, language: features.language))
            #expect(read.combined == whole.combined && read.keys == whole.keys && read.terms == whole.terms)
        }
        #expect(StoryProfile.eventSpan(record: compared) == StoryProfile.eventSpan(record: record))
        #expect(StoryProfile.eventSpan(record: compared) != nil)
        // And it is never taken for a profile, nor made again from itself
        #expect(StoryProfile(id: 7, encoded: compared) == nil)
        #expect(StoryProfile.similarityRecord(of: compared) == nil)
        #expect(StoryProfile.similarityRecord(of: Array(record.prefix(record.count / 2))) == nil, "cut short")
    }

    @Test
    func damagedRecordsAreReadWithoutCrashing() throws {
        let profile = try twoLanguageProfile()
        let record = profile.encoded()
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        let terms = HashedVector(features.terms)
        let keys = HashedVector(features.keys)
        var random = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            var damaged = record
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            let cut = Array(damaged.prefix(Int.random(in: 0...damaged.count, using: &random)))
            for bytes in [damaged, cut] {
                _ = StoryProfile(id: 7, encoded: bytes)
                if let compared = StoryProfile.similarityRecord(of: bytes) { #expect(compared.count <= bytes.count) }
                if let score = StoryProfile.similarity(record: bytes, terms: terms, keys: keys, language: "fr") {
                    #expect(!score.combined.isNaN)
                }
            }
        }
    }

    @Test
    func aRecordOfTheFirstFormatIsStillRead() throws {
        let profile = StoryProfile(
            id: 3, features: StoryTestData.features(try StoryTestData.seed("001")), docID: 2, title: "001",
            at: StoryTestData.start)
        // The first layout: vectors as a 4-byte count and unsorted (key, weight) pairs.
        var writer = ProfileRecordWriter()
        func vector(_ vector: [String: Float]) {
            withUnsafeBytes(of: UInt32(vector.count).littleEndian) { writer.bytes.append(contentsOf: $0) }
            for (key, weight) in vector {
                writer.string(key)
                withUnsafeBytes(of: weight.bitPattern.littleEndian) { writer.bytes.append(contentsOf: $0) }
            }
        }
        writer.byte(StoryProfile.unsortedFormat)
        writer.string(profile.headline)
        writer.integer(profile.headlineDocID)
        writer.integer(Int64(profile.languages.count))
        for language in profile.languages { writer.string(language) }
        writer.integer(Int64(profile.size))
        writer.integer(Int64(profile.duplicates))
        writer.double(profile.firstSeen.timeIntervalSince1970)
        writer.double(profile.lastSeen.timeIntervalSince1970)
        writer.integer(Int64(profile.centroids.count))
        for (language, centroid) in profile.centroids {
            writer.string(language)
            vector(centroid)
        }
        vector(profile.keys)
        vector(profile.headlineTerms)
        vector(profile.headlineKeys)
        writer.string(profile.headlineLanguage)
        #expect(StoryProfile(id: 3, encoded: writer.bytes) == profile)
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        #expect(
            StoryProfile.similarity(
                record: writer.bytes, terms: HashedVector(features.terms), keys: HashedVector(features.keys),
                language: "fr") == nil, "compared after decoding instead")
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
