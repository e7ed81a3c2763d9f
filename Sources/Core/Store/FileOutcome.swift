/// What reading and analysing one file gave, ready to be committed.
public struct FileOutcome: Sendable {
    /// The articles found, or why the file was rejected.
    public enum Result: Sendable {
        /// Every article of the file.
        case articles([Article])
        /// Some of the file's articles: a large file is committed a part at a time.
        case part(FilePart)
        /// Why the file holds no article.
        case rejected(Rejection)
    }

    /// The file, absolute.
    public var path: String
    /// SHA-256 of the content read (empty when the file could not be read).
    public var sha256: String
    /// Size in bytes when read.
    public var size: Int64
    /// Modification time when read, seconds since 1970.
    public var modificationTime: Double
    /// The articles or the rejection.
    public var result: Result

    /// The articles this outcome commits: none for a rejection.
    public var articles: [Article] {
        switch result {
        case .articles(let articles): articles
        case .part(let part): part.articles
        case .rejected: []
        }
    }

    /// Creates an outcome.
    public init(path: String, sha256: String, size: Int64, modificationTime: Double, result: Result) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.modificationTime = modificationTime
        self.result = result
    }
}

/// What the store knows of a file: enough to tell an unchanged file without reading it.
public struct KnownFile: Sendable, Equatable {
    /// SHA-256 of the content last processed.
    public var sha256: String
    /// Size in bytes when last processed.
    public var size: Int64
    /// Modification time when last processed.
    public var modificationTime: Double
    /// Whether the file was rejected.
    public var isRejected: Bool

    package init(sha256: String, size: Int64, modificationTime: Double, isRejected: Bool) {
        self.sha256 = sha256
        self.size = size
        self.modificationTime = modificationTime
        self.isRejected = isRejected
    }
}

/// Some of the articles of a large file, committed in a transaction of their own.
public struct FilePart: Sendable {
    /// The articles of this part.
    public var articles: [Article]
    /// On the last part, the item of every article in the file (the others are removed from the
    /// archive) and the file is recorded as indexed; nil on the parts before.
    public var allItems: Set<String>?

    /// Creates a part.
    public init(articles: [Article], allItems: Set<String>?) {
        self.articles = articles
        self.allItems = allItems
    }
}
