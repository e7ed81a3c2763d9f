import Foundation
import Testing

@testable import Core

/// Exact and near duplicates: fingerprints, and how the clusterer treats them.
struct StoryDuplicateTests {
    @Test
    func sameTextWithOtherTypographyIsAnExactDuplicate() throws {
        let text = try EntityTestData.seed("004")
        let retyped = text.replacingOccurrences(of: "É", with: "E").uppercased() + "\n\n"
        let original = DuplicateFingerprint(text: text)
        #expect(DuplicateFingerprint(text: retyped).exactHash == original.exactHash)
        #expect(DuplicateFingerprint(text: retyped).isNearDuplicate(of: original))
    }

    @Test
    func repostWithAnotherHeaderLineIsANearDuplicate() throws {
        let text = try EntityTestData.seed("002")
        let repost = "Diffusé par l'Agence Exemple — toutes les dépêches du jour sur notre site\n" + text
        let original = DuplicateFingerprint(text: text)
        let copy = DuplicateFingerprint(text: repost)
        #expect(copy.exactHash != original.exactHash)
        #expect(copy.isNearDuplicate(of: original))
        #expect(copy.similarity(to: original) > 0.8)
        #expect(!Set(copy.bandKeys).isDisjoint(with: original.bandKeys))
    }

    @Test(arguments: [("001", "004"), ("002", "003"), ("000", "001")])
    func differentReportsAreNotDuplicates(first: String, second: String) throws {
        let lhs = DuplicateFingerprint(text: try EntityTestData.seed(first))
        let rhs = DuplicateFingerprint(text: try EntityTestData.seed(second))
        #expect(!lhs.isNearDuplicate(of: rhs))
        #expect(lhs.similarity(to: rhs) < 0.2)
    }

    @Test
    func shortTextsAreComparedExactlyOnly() {
        let fingerprint = DuplicateFingerprint(text: "Breaking: talks resume in Geneva.")
        #expect(!fingerprint.hasSignature)
        #expect(fingerprint.bandKeys.isEmpty)
        #expect(!fingerprint.isNearDuplicate(of: DuplicateFingerprint(text: "Breaking: talks resume in Vienna.")))
    }

    @Test
    func fingerprintsAreStableAcrossRuns() {
        // Stored fingerprints and band keys are compared with new ones: changing the hash, the
        // seeds or the shingling breaks every stored row, and must show here first.
        let fingerprint = DuplicateFingerprint(text: "One two three four five six seven eight nine ten eleven")
        #expect(StableHash.of("otan") == 0xad6b_c9fe_837f_7de8)
        // A string hashes as its UTF-8 bytes, accents included.
        var bytes = StableHash()
        bytes.combine(Array("négociations".utf8))
        #expect(StableHash.of("négociations") == bytes.value)
        #expect(fingerprint.exactHash == 0x416b_d0bf_8fcf_daec)
        #expect(fingerprint.bandKeys.first == "m0:14bf8de6921d")
        #expect(fingerprint.bandKeys.count == DuplicateFingerprint.signatureLength / DuplicateFingerprint.bandWidth)
    }

    @Test(arguments: ["en", "fr"])
    func anAnalysedBodyHasTheFingerprintOfItsText(language: String) throws {
        // The pipeline fingerprints the words it analysed already; stored rows from text must match.
        let text = try EntityTestData.seed(language == "en" ? "004" : "002")
        let analysed = DuplicateFingerprint(body: AnalysedText(text, language: language))
        #expect(analysed == DuplicateFingerprint(text: text))
        #expect(analysed.hasSignature)
    }

    @Test
    func duplicateJoinsItsOriginalsStoryWithoutCounting() throws {
        var clusterer = StoryClusterer()
        let seed = try StoryTestData.seed("002")
        let first = clusterer.assign(StoryTestData.features(seed), docID: 1, title: seed.title, at: StoryTestData.start)
        var repost = seed
        repost.title = "Lavrov: talks with Washington right after the holidays"
        repost.text = "AGENCE EXEMPLE — Moscou, lundi\n" + seed.text
        let second = clusterer.assign(
            StoryTestData.features(repost), docID: 2, title: repost.title, at: StoryTestData.start + 60)

        #expect(second == .init(storyID: first.storyID, isNew: false, duplicateOf: 1, similarity: 1))
        let story = try #require(clusterer.stories[first.storyID])
        #expect(story.size == 1)
        #expect(story.duplicates == 1)
        #expect(story.lastSeen == StoryTestData.start + 60)
    }
}
