import Foundation
import GRDB

extension Store {
    /// The digest of `day` (`YYYY-MM-DD` in `schedule`'s time zone): what arrived that day by ingest
    /// time, with at most `topStories` stories.
    public func digest(of day: String, schedule: DigestSchedule, topStories: Int = 10) throws -> Digest? {
        guard let (start, end) = schedule.interval(of: day) else { return nil }
        let window: StatementArguments = [start.timeIntervalSince1970, end.timeIntervalSince1970]
        return try pool.read { db in
            let counts = try Row.fetchAll(
                db,
                sql: "SELECT kind, COUNT(*) AS n FROM events WHERE created_at >= ? AND created_at < ? GROUP BY kind",
                arguments: window
            ).map { (kind: $0["kind"] as String, count: $0["n"] as Int) }
            let alerts = try Row.fetchAll(
                db,
                sql: """
                    SELECT alert, doc_id, path, title FROM events
                    WHERE kind = 'alert' AND created_at >= ? AND created_at < ? ORDER BY id
                    """, arguments: window
            ).map { Digest.Alert(name: $0["alert"] ?? "?", docID: $0["doc_id"], path: $0["path"], title: $0["title"]) }
            let rejections = try Row.fetchAll(
                db,
                sql: """
                    SELECT path, reason FROM events WHERE kind = 'rejected' AND created_at >= ? AND created_at < ?
                    ORDER BY id
                    """, arguments: window
            ).map { (path: $0["path"] as String, reason: $0["reason"] as String?) }
            return try Self.digest(
                of: day, schedule: schedule, topStories: topStories, eventCounts: counts, alerts: alerts,
                rejections: rejections, arrived: ArrivedDocument.fetchAll(db, window: window)
            ) { story in
                try String.fetchOne(db, sql: "SELECT headline FROM stories WHERE id = ?", arguments: [story])
            }
        }
    }

    /// The digest of `day` from what the archive read of that day: the number of events of each
    /// kind, the alerts and rejections in order, the documents that arrived (oldest first);
    /// `headline` reads a story's stored headline. Both archives read, this assembles.
    package static func digest(
        of day: String, schedule: DigestSchedule, topStories: Int, eventCounts: [(kind: String, count: Int)],
        alerts: [Digest.Alert], rejections: [(path: String, reason: String?)], arrived: [ArrivedDocument],
        headline: (Int64) throws -> String?
    ) throws -> Digest {
        var digest = Digest(date: day, timeZone: schedule.timeZone.identifier)
        for (kind, count) in eventCounts {
            switch StoredEvent.Kind(rawValue: kind) {
            case .ingested: digest.totals.ingested = count
            case .updated: digest.totals.updated = count
            case .removed: digest.totals.removed = count
            case .duplicate: digest.totals.duplicates = count
            case .rejected: digest.totals.rejected = count
            case .alert: digest.totals.alerts = count
            case .digest, nil: break
            }
        }
        digest.alerts = alerts
        // A file rejected several times that day is listed once, with its latest reason.
        var reasons: [String: String] = [:]
        for (path, reason) in rejections { reasons[path] = reason ?? "" }
        digest.rejected = reasons.keys.sorted().map { Digest.Rejected(path: $0, reason: reasons[$0] ?? "") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = schedule.timeZone
        for document in arrived where document.duplicateOf == nil {
            digest.languages[document.language, default: 0] += 1
            if let topic = document.bestTopic { digest.topics[topic, default: 0] += 1 }
            let hour = calendar.component(.hour, from: Date(timeIntervalSince1970: document.ingestedAt))
            if digest.hours.indices.contains(hour) { digest.hours[hour] += 1 }
        }
        digest.stories = try stories(of: arrived, limit: topStories, headline: headline)
        return digest
    }

    /// The day's articles grouped by story, the biggest stories first; `headline` reads a story's
    /// stored headline.
    static func stories(
        of documents: [ArrivedDocument], limit: Int, headline storedHeadline: (Int64) throws -> String?
    ) throws -> [Digest.Story] {
        // An article without a story (archives older than stories) is a story of its own.
        let groups = Dictionary(grouping: documents) { $0.storyID ?? -$0.id }
        var stories: [(story: Digest.Story, size: Int)] = []
        for (key, members) in groups {
            let originals = members.filter { $0.duplicateOf == nil }
            let ordered = originals.sorted { $0.id < $1.id } + members.filter { $0.duplicateOf != nil }
            let headline = (key > 0 ? try storedHeadline(key) : nil) ?? ordered[0].title
            let headlineLanguage = ordered.first { $0.title == headline }?.language ?? ordered[0].language
            var languageCounts: [String: Int] = [:]
            for member in originals { languageCounts[member.language, default: 0] += 1 }
            let languages = languageCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            let sources = Set(
                originals.map { $0.source ?? $0.path.split(separator: "/").dropLast().joined(separator: "/") })
            let summary = StorySummarizer.summary(
                of: originals.filter { $0.language == headlineLanguage }.map(\.body), language: headlineLanguage,
                headline: headline)
            let articles = ordered.map {
                Digest.StoryArticle(
                    docID: $0.id, path: $0.path, title: $0.title, language: $0.language, date: $0.date,
                    source: $0.source, duplicateOf: $0.duplicateOf)
            }
            let story = Digest.Story(
                id: key > 0 ? key : -key, headline: headline, summary: summary, languages: languages,
                sources: sources.count, articles: articles)
            stories.append((story, originals.count))
        }
        // Bigger first, then reported by more sources, in more languages; then the older story.
        stories.sort {
            ($0.size, $0.story.sources, $0.story.languages.count, -$0.story.id)
                > ($1.size, $1.story.sources, $1.story.languages.count, -$1.story.id)
        }
        return stories.prefix(limit).map(\.story)
    }
}

/// A document as the digest needs it.
package struct ArrivedDocument {
    var id: Int64
    var path: String
    var title: String
    var body: String
    var language: String
    var date: String?
    var source: String?
    var bestTopic: String?
    var storyID: Int64?
    var duplicateOf: Int64?
    /// When it was ingested, seconds since 1970.
    var ingestedAt: Double

    package init(
        id: Int64, path: String, title: String, body: String, language: String, date: String?, source: String?,
        topicsJSON: String, storyID: Int64?, duplicateOf: Int64?, ingestedAt: Double
    ) {
        let topics = (try? JSONDecoder().decode([TopicScore].self, from: Data(topicsJSON.utf8))) ?? []
        self.id = id
        self.path = path
        self.title = title
        self.body = body
        self.language = language
        self.date = date
        self.source = source
        self.bestTopic = topics.first?.label
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.ingestedAt = ingestedAt
    }

    /// The documents ingested in the window (start, end), oldest first.
    static func fetchAll(_ db: Database, window: StatementArguments) throws -> [ArrivedDocument] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, path, title, body, language, date, source, topics, story_id, duplicate_of, ingested_at
                FROM documents
                WHERE ingested_at >= ? AND ingested_at < ? ORDER BY id
                """, arguments: window
        ).map { row in
            ArrivedDocument(
                id: row["id"], path: row["path"], title: row["title"], body: row["body"], language: row["language"],
                date: row["date"], source: row["source"], topicsJSON: row["topics"], storyID: row["story_id"],
                duplicateOf: row["duplicate_of"], ingestedAt: row["ingested_at"])
        }
    }
}
