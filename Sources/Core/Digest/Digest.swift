/// One day's digest: what arrived, in numbers, and the stories worth reading.
///
/// The JSON form is the `digest --format json` contract: `date`, `totals`, `languages`, `topics`,
/// `hours`, `alerts`, `rejected` and `stories`. ``markdown`` is the form people read, ``html`` the
/// page with charts.
public struct Digest: Sendable, Equatable, Codable {
    /// Counts of the day's events; duplicates are counted apart, not as ingested articles.
    public struct Totals: Sendable, Equatable, Codable {
        public var ingested = 0
        public var updated = 0
        public var removed = 0
        public var duplicates = 0
        public var rejected = 0
        public var alerts = 0

        /// Creates empty totals.
        public init() {}
    }

    /// An alert raised that day.
    public struct Alert: Sendable, Equatable, Codable {
        public var name: String
        public var docID: Int64?
        public var path: String
        public var title: String?

        enum CodingKeys: String, CodingKey {
            case name, docID = "doc_id", path, title
        }

        package init(name: String, docID: Int64?, path: String, title: String?) {
            self.name = name
            self.docID = docID
            self.path = path
            self.title = title
        }
    }

    /// A file rejected that day, with the reason.
    public struct Rejected: Sendable, Equatable, Codable {
        public var path: String
        public var reason: String
    }

    /// One article of a story.
    public struct StoryArticle: Sendable, Equatable, Codable {
        public var docID: Int64
        public var path: String
        public var title: String
        public var language: String
        /// The article's own publication date, when known (shown, never used to file it).
        public var date: String?
        public var source: String?
        /// The document this one duplicates, or nil.
        public var duplicateOf: Int64?

        enum CodingKeys: String, CodingKey {
            case docID = "doc_id", path, title, language, date, source, duplicateOf = "duplicate_of"
        }

        /// The JSON contract names `duplicate_of` and `date` even when null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(docID, forKey: .docID)
            try container.encode(path, forKey: .path)
            try container.encode(title, forKey: .title)
            try container.encode(language, forKey: .language)
            try container.encode(date, forKey: .date)
            try container.encodeIfPresent(source, forKey: .source)
            try container.encode(duplicateOf, forKey: .duplicateOf)
        }
    }

    /// A story of the day: articles about one event, in any language.
    public struct Story: Sendable, Equatable, Codable {
        public var id: Int64
        public var headline: String
        /// One or two sentences from the story's most central passages.
        public var summary: String
        public var languages: [String]
        /// How many distinct sources (sites, agencies, or folders when unknown) reported it.
        public var sources: Int
        public var articles: [StoryArticle]
    }

    public var date: String
    public var timeZone: String
    public var totals = Totals()
    /// Articles that arrived, by language, duplicates left out.
    public var languages: [String: Int] = [:]
    /// Articles that arrived, by best topic, duplicates left out.
    public var topics: [String: Int] = [:]
    /// Articles that arrived in each hour of the day (0 to 23, in the digest's time zone),
    /// duplicates left out. On the day clocks go back, the hour that comes twice holds both.
    public var hours = [Int](repeating: 0, count: 24)
    public var alerts: [Alert] = []
    public var rejected: [Rejected] = []
    /// The top stories, biggest first.
    public var stories: [Story] = []

    enum CodingKeys: String, CodingKey {
        case date, timeZone = "time_zone", totals, languages, topics, hours, alerts, rejected, stories
    }

    /// Creates an empty digest of `date` in `timeZone`.
    public init(date: String, timeZone: String) {
        self.date = date
        self.timeZone = timeZone
    }
}
