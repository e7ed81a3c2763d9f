import Foundation
import GRDB
import Testing

@testable import Core

/// Stories are events: the articles' own dates decide which reports meet, in the archive as it
/// places them, whether they arrive over time or are dropped at once.
struct StoryEventTests {
    let store: Store

    init() throws {
        store = try Store.temporary("events")
    }

    /// `article` dated `date`, with its story features, as the file `name`.
    func outcome(_ name: String, _ article: Article, dated date: String) -> FileOutcome {
        var article = article
        article.date = date
        article.storyFeatures = StoryTestData.features(article)
        return FileOutcome(
            path: "/in/" + name, sha256: name, size: 10, modificationTime: 1, result: .articles([article]))
    }

    /// The corpus article with `headline`, English or French.
    static func corpusArticle(_ headline: String) throws -> Article {
        for (name, language) in [("eng.tsv", "en"), ("fra.tsv", "fr")] {
            let url = StoryTestData.corpusDirectory.appendingPathComponent(name)
            if let example = try LabeledCorpus.examples(tsvAt: url).first(where: { $0.title == headline }) {
                return StoryTestData.article(example.text, language: language, title: headline)
            }
        }
        throw CorpusError(code: .malformed, message: "No corpus article is headed '\(headline)'")
    }

    @Test(arguments: [("2022-01-27", true), ("2022-01-28", true), ("2022-02-05", false), ("2022-04-27", false)])
    func twoReportsOfOneSubjectShareAStoryOnlyWhenTheirDatesAreDaysApart(secondDate: String, isOneStory: Bool) throws {
        // Given seed 001 (the US and NATO answers to Russia) dated 26 January 2022
        let first = try store.commit([outcome("001.txt", try StoryTestData.seed("001"), dated: "2022-01-26")])
        // When seed 004, the Kremlin's comment on those answers, is dated a day, ten days or three months later
        let second = try store.commit([outcome("004.txt", try StoryTestData.seed("004"), dated: secondDate)])
        // Then it joins 001's story only a day or two later
        #expect((first.first?.storyID == second.first?.storyID) == isOneStory)
    }

    @Test
    func aStoryKeepsTheSpanOfItsArticlesDates() throws {
        _ = try store.commit([
            outcome("001.txt", try StoryTestData.seed("001"), dated: "2022-01-27"),
            outcome("004.txt", try StoryTestData.seed("004"), dated: "2022-01-26T18:30:00Z"),
        ])
        let story = try #require(try store.pool.read { db in try store.loadProfile(1, db: db) })
        #expect(story.size == 2)
        #expect(
            story.eventSpan
                == EventSpan(
                    start: try #require(EventSpan(isoDate: "2022-01-26T18:30:00Z")).start,
                    end: try #require(EventSpan(isoDate: "2022-01-27")).end))
    }

    /// A backlog: the seeds' events of December 2021 and January 2022, and nurse and ambulance
    /// strikes of the corpus given dates months apart, two of them reports of one strike.
    static func backlog() throws -> [(name: String, article: Article, date: String)] {
        [
            ("a-000.txt", try StoryTestData.seed("000"), "2021-12-17"),
            ("b-001.txt", try StoryTestData.seed("001"), "2022-01-26"),
            ("c-004.txt", try StoryTestData.seed("004"), "2022-01-27"),
            ("d-report.txt", try StoryTestData.englishReport(), "2022-01-27"),
            ("e-002.txt", try StoryTestData.seed("002"), "2021-12"),
            ("f-003.txt", try StoryTestData.seed("003"), "2022-01-07"),
            ("g-nurses.txt", try corpusArticle("Top hospitals targeted by nurse strikes"), "2022-12-10"),
            ("h-nurses.txt", try corpusArticle("Largest nursing strike in NHS history starts"), "2022-12-15"),
            ("i-nurses.txt", try corpusArticle("Fresh nurse strike dates announced in England"), "2023-01-05"),
            (
                "j-nurses.txt",
                try corpusArticle("Nurses' strike: West Yorkshire staff walk out for second day of action"),
                "2023-06-06"
            ),
            ("k-ambulance.txt", try corpusArticle("Ambulance staff in England vote for strike action"), "2022-11-30"),
            (
                "l-ambulance.txt", try corpusArticle("Avoid contact sports during ambulance strikes, says minister"),
                "2022-12-20"
            ),
            (
                "m-ambulance.txt",
                try corpusArticle("East Midlands Ambulance Service workers begin strike action over pay"), "2023-03-01"
            ),
        ]
    }

    /// The stories as sets of file names.
    func partition() throws -> Set<Set<String>> {
        let rows = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT group_concat(path, ' ') FROM documents GROUP BY story_id")
        }
        return Set(rows.map { Set($0.split(separator: " ").map { String($0.dropFirst(4)) }) })
    }

    @Test
    func aBacklogDroppedAtOnceClustersAsItsArticlesArrivingOverTime() throws {
        let backlog = try Self.backlog()
        // Given the articles arriving one by one, each on its own date, in the order of their dates
        for entry in backlog.sorted(by: { ($0.date, $0.name) < ($1.date, $1.name) }) {
            let arrival = try #require(EventSpan(isoDate: entry.date)).start
            _ = try store.commit(
                [outcome(entry.name, entry.article, dated: entry.date)], at: Date(timeIntervalSince1970: arrival))
        }
        let overTime = try partition()
        // When the same articles are dropped at once into another archive, in name order, years later
        let other = try StoryEventTests()
        _ = try other.store.commit(
            backlog.map { other.outcome($0.name, $0.article, dated: $0.date) },
            at: Date(timeIntervalSince1970: 1_800_000_000))
        // Then both archives hold the same stories, and no story mixes months
        #expect(try other.partition() == overTime)
        #expect(overTime.contains(["b-001.txt", "c-004.txt", "d-report.txt"]))
        let dates = Dictionary(uniqueKeysWithValues: backlog.map { ($0.name, $0.date) })
        for story in overTime {
            let months = Set(story.compactMap { dates[$0]?.prefix(7) })
            #expect(months.count == 1, "\(story) mixes months")
        }
    }

    @Test(arguments: [
        ("2021-12", "2021-12-01T00:00:00Z", "2022-01-01T00:00:00Z"),
        ("2021-12-17", "2021-12-17T00:00:00Z", "2021-12-18T00:00:00Z"),
        ("2021-12-17T10:00:00Z", "2021-12-17T10:00:00Z", "2021-12-17T10:00:00Z"),
    ])
    func anArticleDateCoversItsMonthItsDayOrItsInstant(date: String, start: String, end: String) throws {
        let formatter = ISO8601DateFormatter()
        let span = try #require(EventSpan(isoDate: date))
        #expect(span.start == formatter.date(from: start)?.timeIntervalSince1970)
        #expect(span.end == formatter.date(from: end)?.timeIntervalSince1970)
    }

    @Test
    func aDateThatDoesNotReadGivesNoSpan() {
        for date in ["", "2021", "2021-13", "2021-02-30", "soon"] {
            #expect(EventSpan(isoDate: date) == nil)
        }
    }

    @Test
    func anUndatedReportMeetsADatedStoryByArrivalAlone() throws {
        // Given 001 dated 26 January 2022, ingested now
        let first = try store.commit([outcome("001.txt", try StoryTestData.seed("001"), dated: "2022-01-26")])
        // When 004, the same event, arrives with no date
        var undated = try StoryTestData.seed("004")
        undated.storyFeatures = StoryTestData.features(undated)
        let second = try store.commit([
            FileOutcome(path: "/in/004.txt", sha256: "4", size: 1, modificationTime: 1, result: .articles([undated]))
        ])
        // Then it joins, and the story keeps the span of its dated article
        #expect(second.first?.storyID == first.first?.storyID)
        let story = try #require(try store.pool.read { db in try store.loadProfile(1, db: db) })
        #expect(story.eventSpan == EventSpan(isoDate: "2022-01-26"))
    }

    @Test
    func aSpanGrowsOnlyAsFarAsALaterDateForcesIt() {
        let days = EventSpan(start: 10 * 86_400, end: 12 * 86_400)
        #expect(days.including(EventSpan(start: 0, end: 31 * 86_400)) == days, "a month around it")
        #expect(days.including(EventSpan(at: 15 * 86_400)) == EventSpan(start: 10 * 86_400, end: 15 * 86_400))
        #expect(days.including(EventSpan(start: 5 * 86_400, end: 6 * 86_400)).start == 6 * 86_400)
        #expect(days.gap(to: EventSpan(at: 11 * 86_400)) == 0)
        #expect(days.gap(to: EventSpan(at: 20 * 86_400)) == 8 * 86_400)
    }

    @Test
    func aRecordOfTheSecondFormatIsReadWithoutASpan() throws {
        // Given a profile whose record is cut back to format 2: no span after the arrival times
        var profile = StoryProfile(
            id: 3, features: StoryTestData.features(try StoryTestData.seed("001")), docID: 2, title: "001",
            at: StoryTestData.start, span: EventSpan(isoDate: "2022-01-26"))
        profile.recordDuplicate(at: StoryTestData.start + 3600)
        let current = profile.encoded()
        #expect(StoryProfile.eventSpan(record: current) == profile.eventSpan)
        let spanOffset = 1 + 2 + profile.headline.utf8.count + 8 + 8 + 2 + 2 + 8 + 8 + 8 + 8
        var second = current
        second.removeSubrange(spanOffset..<spanOffset + 16)
        second[0] = 2
        // When it is read, decoded or straight from the record
        let decoded = try #require(StoryProfile(id: 3, encoded: second))
        // Then it has no span, and it compares as the current record does
        #expect(decoded.eventSpan == nil)
        #expect(decoded.lastSeen == profile.lastSeen)
        #expect(StoryProfile.eventSpan(record: second) == nil)
        let features = StoryTestData.features(try StoryTestData.seed("004"))
        let terms = HashedVector(features.terms)
        let keys = HashedVector(features.keys)
        #expect(
            StoryProfile.similarity(record: second, terms: terms, keys: keys, language: "fr")?.combined
                == StoryProfile.similarity(record: current, terms: terms, keys: keys, language: "fr")?.combined)
    }
}
