import Foundation
import Testing

@testable import Core

/// The rarity table is read from `idf.tsv`: counts per scope, comments and empty lines skipped,
/// a malformed line named.
struct TermRarityTests {
    let tsv = """
        # document frequencies
        # documents\ten\t99
        # documents\t*\t9

        en\tsaid\t98
        en\tnégoci\t4
        *\te:NATO\t3

        """

    @Test func weightsComeFromTheCountsOfTheirScope() throws {
        let rarity = try TermRarity(tsv: tsv)
        #expect(rarity.weight(ofTerm: "said", language: "en") == log(100.0 / 99))
        #expect(rarity.weight(ofTerm: "négoci", language: "en") == log(100.0 / 5))
        #expect(rarity.weight(ofTerm: "unseen", language: "en") == log(100.0))
        #expect(rarity.weight(ofTerm: "said", language: "fr") == 1)
        #expect(rarity.documentShare(ofKey: "e:NATO") == 3.0 / 9)
        #expect(rarity.scope("en").weight(ofHash: StableHash.of("négoci")) == log(100.0 / 5))
    }

    @Test func aMalformedLineIsNamed() {
        #expect {
            _ = try TermRarity(tsv: "# documents\ten\t5\nen\tsaid\n", name: "idf.tsv")
        } throws: { error in
            (error as? TermRarityError)?.message.contains("Line 2 of 'idf.tsv'") == true
        }
    }
}
