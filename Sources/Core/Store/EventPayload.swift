import Foundation

/// What an outbox row keeps of an event beyond its columns, as the JSON of its `payload` column:
/// `{"note": …}` or `{"digest": {…}}`, and no payload at all for most events.
///
/// The archive stores what happened; how the journal shows it (field names, the digest's Markdown
/// as `MESSAGE`) is the daemon's. Archives written before this form stored the journal fields
/// themselves (`NEWSDROP_NOTE`, `MESSAGE`, `NEWSDROP_INGESTED`, …): an event recorded then and
/// not yet sent is read from them, so an upgrade loses no entry.
package struct EventPayload: Codable, Equatable {
    package var note: String?
    package var digest: PublishedDigest?

    package init(note: String?, digest: PublishedDigest?) {
        self.note = note
        self.digest = digest
    }

    /// The payload stored as `json`; empty when there is none or it cannot be read.
    package init(json: String?) {
        guard let data = json.map({ Data($0.utf8) }) else {
            self.init(note: nil, digest: nil)
            return
        }
        if let payload = try? JSONDecoder().decode(Self.self, from: data), payload.note != nil || payload.digest != nil
        {
            self = payload
        } else if let fields = try? JSONDecoder().decode([String: String].self, from: data) {
            self.init(journalFields: fields)
        } else {
            self.init(note: nil, digest: nil)
        }
    }

    /// The payload of an event recorded by an older newsdrop, which stored its journal fields.
    private init(journalFields fields: [String: String]) {
        var digest: PublishedDigest?
        if let date = fields["NEWSDROP_DATE"], let markdown = fields["MESSAGE"] {
            var totals = Digest.Totals()
            let count = { (name: String) in fields[name].flatMap { Int($0) } ?? 0 }
            totals.ingested = count("NEWSDROP_INGESTED")
            totals.updated = count("NEWSDROP_UPDATED")
            totals.removed = count("NEWSDROP_REMOVED")
            totals.duplicates = count("NEWSDROP_DUPLICATES")
            totals.rejected = count("NEWSDROP_REJECTED")
            totals.alerts = count("NEWSDROP_ALERTS")
            digest = PublishedDigest(
                date: date, markdown: markdown, totals: totals, storyCount: count("NEWSDROP_STORIES"),
                topStory: fields["NEWSDROP_TOP_STORY"])
        }
        self.init(note: fields["NEWSDROP_NOTE"], digest: digest)
    }

    /// The JSON to store; nil when there is nothing to keep.
    package var json: String? {
        get throws {
            guard note != nil || digest != nil else { return nil }
            return String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        }
    }
}
