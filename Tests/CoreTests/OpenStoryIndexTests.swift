import Testing

@testable import Core

/// The open-story index forgets what leaves the window, keys included.
struct OpenStoryIndexTests {
    @Test func closingAStoryDropsItsKeysAndKeepsTheOthersFound() {
        var index = OpenStoryIndex()
        index.index(story: 1, under: ["e:NATO", "p:zakharova"], lastSeen: 100, span: nil, scanned: 200)
        index.index(story: 2, under: ["e:NATO", "t:summit"], lastSeen: 200, span: nil, scanned: 200)
        // Story 2 takes an article and leaves one of its keys: its former entry is stale.
        index.index(story: 2, under: ["t:summit", "d:01-26"], lastSeen: 210, span: nil, scanned: 200)
        let window = StoryWindow(date: nil, now: 220, width: 1_000)
        #expect(index.candidateStories(keys: ["e:NATO"], perKey: 10, limit: 10, within: window) == [1])

        index.close(before: 150)
        #expect(index.keyEntryCount == 2)  // story 2 under "t:summit" and "d:01-26"
        #expect(index.candidateStories(keys: ["e:NATO", "p:zakharova"], perKey: 10, limit: 10, within: window).isEmpty)
        #expect(index.candidateStories(keys: ["t:summit", "d:01-26"], perKey: 10, limit: 10, within: window) == [2])
    }
}
