@testable import Core
import Foundation
import Testing

/// The digest page (``Digest/html``): self-contained, escaped, with charts drawn from the counts.
struct DigestHTMLTests {
    static func sample() -> Digest {
        var digest = Digest(date: "2026-11-22", timeZone: "UTC")
        digest.totals.ingested = 4
        digest.languages = ["fr": 3, "en": 1]
        digest.topics = ["politics": 3, "sports": 1]
        digest.hours[7] = 3
        digest.hours[18] = 1
        digest.stories = [
            Digest.Story(
                id: 1, headline: "Talks <b>resume</b> & \"end\"", summary: "Diplomats met in Geneva.",
                languages: ["fr", "en"], sources: 2,
                articles: [
                    Digest.StoryArticle(
                        docID: 1, path: "/in/a.txt", title: "L'OTAN répond", language: "fr", date: "2022-01-26",
                        source: nil, duplicateOf: nil)
                ])
        ]
        return digest
    }

    @Test func thePageFetchesNothingAndEscapesWhatArticlesSay() {
        let html = Self.sample().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta name=\"viewport\""))
        // No script, no external resource of any kind
        for fetched in ["<script", "src=", "<link", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(fetched), "\(fetched)")
        }
        // A headline's markup is text, not markup
        #expect(html.contains("Talks &lt;b&gt;resume&lt;/b&gt; &amp; &quot;end&quot;"))
        #expect(!html.contains("<b>resume</b>"))
        #expect(html.contains("L&#39;OTAN répond"))
    }

    @Test func theChartsHoldOneBarPerHourAndPerTopicWithTheirCounts() {
        let html = Self.sample().html
        let hours = html.components(separatedBy: "id=\"chart-hours\"")[1].components(separatedBy: "</figure>")[0]
        let hourCounts = hours.components(separatedBy: "data-count=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hourCounts.count == 24)
        #expect(hourCounts[7] == "3" && hourCounts[18] == "1" && hourCounts[0] == "0")
        let topics = html.components(separatedBy: "id=\"chart-topics\"")[1].components(separatedBy: "</figure>")[0]
        #expect(topics.contains("politics: 3 articles"))
        #expect(topics.components(separatedBy: "<rect").count - 1 == 2)
    }

    @Test func aQuietDayHasNoChartsAndSaysSo() {
        let html = Digest(date: "2026-11-22", timeZone: "UTC").html
        #expect(!html.contains("<svg"))
        #expect(html.contains("Nothing arrived that day."))
    }
}
