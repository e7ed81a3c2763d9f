import Core
import Foundation

/// How an outbox event reads in the journal: its fields, its one-line message, its `MESSAGE_ID`
/// and priority.
///
/// The archive records what happened; the daemon decides how the journal shows it, as
/// `JournalLogHandler` does for log lines. `newsdrop ingest` prints the same message line.
extension StoredEvent {
    /// The journal fields of this event: MESSAGE, MESSAGE_ID, PRIORITY and the NEWSDROP_ fields that apply.
    var journalFields: [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("MESSAGE", digest?.markdown ?? message),
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
        if let note { fields.append(("NEWSDROP_NOTE", note)) }
        if let digest { fields += Self.journalFields(of: digest) }
        return fields
    }

    /// A digest's counts as fields of their own, beside its Markdown as `MESSAGE`.
    private static func journalFields(of digest: PublishedDigest) -> [(name: String, value: String)] {
        var fields = [
            ("NEWSDROP_DATE", digest.date),
            ("NEWSDROP_INGESTED", String(digest.totals.ingested)),
            ("NEWSDROP_UPDATED", String(digest.totals.updated)),
            ("NEWSDROP_REMOVED", String(digest.totals.removed)),
            ("NEWSDROP_DUPLICATES", String(digest.totals.duplicates)),
            ("NEWSDROP_REJECTED", String(digest.totals.rejected)),
            ("NEWSDROP_ALERTS", String(digest.totals.alerts)),
            ("NEWSDROP_STORIES", String(digest.storyCount)),
        ]
        if let top = digest.topStory { fields.append(("NEWSDROP_TOP_STORY", top)) }
        return fields
    }

    /// One readable line, such as `Ingested 001_x.txt: fr, 'Nous ne pouvons pas…'`.
    var message: String {
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

    private static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : text.prefix(length - 1).trimmingCharacters(in: .whitespaces) + "…"
    }
}

extension StoredEvent.Kind {
    /// The fixed journal `MESSAGE_ID` of this kind, so `journalctl MESSAGE_ID=…` finds every entry of it.
    ///
    /// The journal catalog (`deploy/`) describes each of these ids.
    var messageID: String {
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
    var priority: Int { self == .rejected ? 4 : 6 }
}
