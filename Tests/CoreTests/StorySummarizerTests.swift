import Testing

@testable import Core

/// What a digest story's summary may hold (``StorySummarizer``): whole sentences of news.
struct StorySummarizerTests {
    static let report = """
        Diplomats from Russia and the United States met in Geneva on Monday for talks on security in Europe.
        The talks lasted more than seven hours and ended without any agreement on the main demands.
        Sign up for our newsletter to get the latest world news in your inbox every morning.
        Both delegations said they would report to their capitals before deciding on further meetings
        """

    @Test func aSummaryIsWholeSentencesOfNews() {
        let summary = StorySummarizer.summary(of: [Self.report], language: "en", count: 4, maximumLength: 1_000)
        // The news sentences are there
        #expect(summary.contains("The talks lasted more than seven hours"))
        // not the newsletter line, nor the last line, which stops without ending
        #expect(!summary.contains("newsletter"))
        #expect(!summary.contains("further meetings"))
    }

    @Test func aSentenceThatSaysTheHeadlineAgainIsLeftOut() {
        let headline = "Diplomats from Russia and the United States met in Geneva on Monday for security talks"
        let summary = StorySummarizer.summary(of: [Self.report], language: "en", headline: headline)
        #expect(!summary.contains("Diplomats from Russia"))
        #expect(summary.hasPrefix("The talks lasted"))
        // while without a headline the first sentence is the best one
        #expect(StorySummarizer.summary(of: [Self.report], language: "en").hasPrefix("Diplomats from Russia"))
    }

    @Test(arguments: [
        ("He said the talks were useful.", true), ("« Nous ne céderons pas », a-t-il dit.", true),
        ("Did they agree?", true), ("The minister added (as expected)", false),
        ("The minister added (as expected.)", true), ("The text was cut here...", false),
        ("The text was cut here…", false), ("A heading without a full stop", false),
    ])
    func sentenceEnds(sentence: String, ends: Bool) {
        #expect(StorySummarizer.endsLikeASentence(sentence[...]) == ends)
    }
}

extension StorySummarizerTests {
    @Test func aHeadlineCutFromTheFirstSentenceDoesNotComeBackAsTheSummary() {
        // Given a story whose headline is its first sentence cut short
        let text = """
            Le chef de l’OTAN a exclu de former un membre d’alliance militaire « secondaire » pour plaire à Moscou, avant une semaine de diplomatie entre le Kremlin et les puissances occidentales.
            La réunion de l’OTAN est intervenue après que le président français a déclaré qu’il parlerait avec Moscou dans les jours à venir.
            """
        let headline =
            "Le chef de l’OTAN a exclu de former un membre d’alliance militaire « secondaire » pour plaire à Moscou…"
        // Then the summary starts with the next sentence
        let summary = StorySummarizer.summary(of: [text], language: "fr", headline: headline)
        #expect(summary.hasPrefix("La réunion de l’OTAN"))
    }
}
