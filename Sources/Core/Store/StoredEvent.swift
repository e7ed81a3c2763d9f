import Foundation

/// A change recorded in the outbox, to be written to the journal once committed.
public struct StoredEvent: Sendable, Equatable {
    /// What happened to a file or document.
    public enum Kind: String, Sendable, CaseIterable {
        case ingested, updated, removed, duplicate, rejected, alert, digest

        /// The fixed journal `MESSAGE_ID` of this kind, so `journalctl MESSAGE_ID=…` finds every entry of it.
        public var messageID: String {
            switch self {
            case .ingested: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a51"
            case .updated: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a52"
            case .removed: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a53"
            case .duplicate: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a54"
            case .rejected: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a55"
            case .alert: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a56"
            case .digest: "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a57"
            }
        }

        /// Syslog priority: rejections are warnings (4), everything else is informational (6).
        public var priority: Int { self == .rejected ? 4 : 6 }
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
    /// More journal fields, such as a digest's counts; a `MESSAGE` here replaces the one-line message.
    public var extraFields: [String: String] = [:]

    /// Creates an event; `id` is the outbox row once recorded.
    public init(
        id: Int64 = 0, kind: Kind, path: String, documentID: Int64? = nil, language: String? = nil,
        title: String? = nil, reason: String? = nil, topics: String? = nil, entities: String? = nil,
        alert: String? = nil, alertPriority: Int? = nil, storyID: Int64? = nil, duplicateOf: Int64? = nil,
        extraFields: [String: String] = [:]
    ) {
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.extraFields = extraFields
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

    /// The journal fields of this event: MESSAGE, MESSAGE_ID, PRIORITY and the NEWSDROP_ fields that apply.
    public var journalFields: [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", extraFields["MESSAGE"] ?? message),
            ("MESSAGE_ID", kind.messageID),
            ("PRIORITY", String(alertPriority ?? kind.priority)),
            ("NEWSDROP_EVENT", kind.rawValue),
            ("NEWSDROP_EVENT_ID", String(id)),
            ("NEWSDROP_PATH", path),
        ]
        if let documentID { fields.append(("NEWSDROP_DOC_ID", String(documentID))) }
        if let language { fields.append(("NEWSDROP_LANGUAGE", language)) }
        if let title { fields.append(("NEWSDROP_TITLE", title)) }
        if let reason { fields.append(("NEWSDROP_REASON", reason)) }
        if let topics, !topics.isEmpty {
            fields.append(("NEWSDROP_TOPICS", topics))
            fields.append(("NEWSDROP_TOPIC", String(topics.prefix(while: { $0 != "," }))))
        }
        if let entities, !entities.isEmpty { fields.append(("NEWSDROP_ENTITIES", entities)) }
        if let alert { fields.append(("NEWSDROP_ALERT", alert)) }
        if let storyID { fields.append(("NEWSDROP_STORY_ID", String(storyID))) }
        if let duplicateOf { fields.append(("NEWSDROP_DUPLICATE_OF", String(duplicateOf))) }
        for (name, value) in extraFields.sorted(by: { $0.key < $1.key }) where name != "MESSAGE" {
            fields.append((name, value))
        }
        return fields
    }

    /// One readable line, such as `Ingested 001_x.txt: fr, 'Nous ne pouvons pas…'`.
    public var message: String {
        let name = RawPath.readable(RawPath.fileName(path))
        let headline = title.map { " '\(Self.shortened($0, to: 60))'" } ?? ""
        switch kind {
        case .ingested, .updated:
            return "\(kind.rawValue.capitalized) \(name): \(language ?? "und"),\(headline)"
        case .duplicate:
            let original = duplicateOf.map { " of document \($0)" } ?? ""
            return "Duplicate\(original) \(name): \(language ?? "und"),\(headline)"
        case .removed:
            return "Removed \(name)" + (documentID.map { " (document \($0))" } ?? "")
        case .rejected:
            return "Rejected \(name): \(reason ?? "unknown reason")"
        case .alert:
            return "Alert \(alert ?? "?"): \(name),\(headline)"
        case .digest:
            return "Digest \(name)"
        }
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : text.prefix(length - 1).trimmingCharacters(in: .whitespaces) + "…"
    }
}
