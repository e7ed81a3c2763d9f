/// A change recorded in the outbox, to be written to the journal once committed.
public struct StoredEvent: Sendable, Equatable {
    /// What happened to a file or document.
    public enum Kind: String, Sendable, CaseIterable {
        case ingested, updated, removed, duplicate, rejected, alert, digest
    }

    /// The outbox row id, sent as `NEWSDROP_EVENT_ID` so readers can drop a re-sent entry.
    public var id: Int64
    /// What happened.
    public var kind: Kind
    /// The file, absolute.
    public var path: String
    /// The document, when the event concerns one.
    public var documentID: Int64?
    /// The document's language.
    public var language: String?
    /// The document's title.
    public var title: String?
    /// Why a file was rejected.
    public var reason: String?
    /// The document's topic labels, best first, comma-separated.
    public var topics: String?
    /// The ids of the entities the document names, comma-separated.
    public var entities: String?
    /// The alert rule that matched, for an `alert` event.
    public var alert: String?
    /// The alert rule's syslog priority, for an `alert` event.
    public var alertPriority: Int?
    /// The document's story.
    public var storyID: Int64?
    /// For a `duplicate` event: the document this one repeats.
    public var duplicateOf: Int64?
    /// What a limit left out of the article or its file ("the text was cut after 20000 words").
    public var note: String?
    /// For a `digest` event: the digest published.
    public var digest: PublishedDigest?

    /// Creates an event; `id` is the outbox row once recorded.
    public init(
        id: Int64 = 0, kind: Kind, path: String, documentID: Int64? = nil, language: String? = nil,
        title: String? = nil, reason: String? = nil, topics: String? = nil, entities: String? = nil,
        alert: String? = nil, alertPriority: Int? = nil, storyID: Int64? = nil, duplicateOf: Int64? = nil,
        note: String? = nil, digest: PublishedDigest? = nil
    ) {
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.note = note
        self.digest = digest
        self.id = id
        self.kind = kind
        self.path = path
        self.documentID = documentID
        self.language = language
        self.title = title
        self.reason = reason
        self.topics = topics
        self.entities = entities
        self.alert = alert
        self.alertPriority = alertPriority
    }
}
