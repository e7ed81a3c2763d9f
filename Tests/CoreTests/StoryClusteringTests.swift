import Foundation
import Testing

@testable import Core

/// Online clustering: joining, not joining, the acceptance scenario and the window.
struct StoryClusteringTests {
    /// The acceptance scenario at Core level: the seeds, the English report of 001's event, a copy
    /// of 001 and 300 corpus articles, in that order, a minute apart.
    @Test
    func reportsOfOneEventShareAStoryAndNothingElse() throws {
        let seeds = try ["000", "001", "002", "003", "004"].map(StoryTestData.seed)
        let articles =
            seeds + [try StoryTestData.englishReport(), seeds[1]] + (try StoryTestData.corpus(perLanguage: 150))
        var clusterer = StoryClusterer()
        var assignments: [StoryClusterer.Assignment] = []
        for (index, article) in articles.enumerated() {
            let date = StoryTestData.start + Double(index) * 60
            assignments.append(
                clusterer.assign(
                    StoryTestData.features(article), docID: Int64(index + 1), title: article.title, at: date))
        }
        let event = assignments[1].storyID  // seed 001, document 2
        #expect(assignments[4].storyID == event)  // seed 004
        #expect(assignments[5].storyID == event)  // the English report
        #expect(assignments[6] == .init(storyID: event, isNew: false, duplicateOf: 2, similarity: 1))
        #expect(assignments[7...].allSatisfy { $0.storyID != event })

        let story = try #require(clusterer.stories[event])
        #expect(story.size == 3)  // the copy is not counted
        #expect(story.languages == ["en", "fr"])
        #expect([2, 5, 6].contains(story.headlineDocID))
    }

    @Test
    func unrelatedCorpusArticlesRarelyMerge() throws {
        let articles = try StoryTestData.corpus(perLanguage: 150)
        var clusterer = StoryClusterer()
        var sizes: [Int64: Int] = [:]
        for (index, article) in articles.enumerated() {
            let assignment = clusterer.assign(
                StoryTestData.features(article), docID: Int64(index + 1), title: article.title,
                at: StoryTestData.start + Double(index) * 60)
            sizes[assignment.storyID, default: 0] += 1
        }
        // Two real pairs (the Indyref2 ruling; the June 2022 flight cancellations) are one event each.
        #expect(sizes.values.filter { $0 > 1 }.count <= 4)
        #expect(sizes.values.allSatisfy { $0 <= 3 })
    }

    @Test
    func articlesOfDifferentTopicsStartTheirOwnStories() throws {
        let corpus = try StoryTestData.corpus(perLanguage: 3)
        var clusterer = StoryClusterer()
        let first = clusterer.assign(StoryTestData.features(corpus[0]), docID: 1, title: "", at: StoryTestData.start)
        let second = clusterer.assign(StoryTestData.features(corpus[1]), docID: 2, title: "", at: StoryTestData.start)
        #expect(first.isNew && second.isNew)
        #expect(first.storyID != second.storyID)
    }

    @Test
    func frenchAndEnglishReportsOfOneEventMeet() throws {
        var clusterer = StoryClusterer()
        let french = try StoryTestData.seed("001")
        let english = try StoryTestData.englishReport()
        let first = clusterer.assign(
            StoryTestData.features(french), docID: 1, title: french.title, at: StoryTestData.start)
        let second = clusterer.assign(
            StoryTestData.features(english), docID: 2, title: english.title, at: StoryTestData.start + 3600)
        #expect(second.storyID == first.storyID)
        #expect(!second.isNew)
        #expect(second.similarity >= StoryClusteringOptions.standard.crossLanguageThreshold)
    }

    @Test
    func storiesLeaveTheWindowAfterTheirLastArticle() throws {
        let options = StoryClusteringOptions(window: 7 * 24 * 3600)
        var clusterer = StoryClusterer(options: options)
        let seed = try StoryTestData.seed("001")
        let english = try StoryTestData.englishReport()
        let first = clusterer.assign(StoryTestData.features(seed), docID: 1, title: seed.title, at: StoryTestData.start)

        // Six days later the story is open: the report joins it and keeps it open a week more.
        let joined = clusterer.assign(
            StoryTestData.features(english), docID: 2, title: english.title, at: StoryTestData.start + 6 * 86_400)
        #expect(joined.storyID == first.storyID)

        // Eight days after the last article, the same report starts a new story, and the old one is gone
        // with its fingerprints: a copy of 001 is no longer a duplicate.
        let late = StoryTestData.start + 14 * 86_400
        let reopened = clusterer.assign(StoryTestData.features(english), docID: 3, title: english.title, at: late)
        #expect(reopened.isNew)
        #expect(reopened.duplicateOf == nil)
        #expect(clusterer.stories[first.storyID] == nil)
        let copy = clusterer.assign(StoryTestData.features(seed), docID: 4, title: seed.title, at: late + 60)
        #expect(copy.duplicateOf == nil)
    }
}
