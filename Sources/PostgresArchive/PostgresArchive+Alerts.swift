import Core
import Foundation
import PostgresNIO

extension PostgresArchive {
    /// Records an `alert` event for each rule that one of `events`' ingested or updated documents
    /// matches, in the commit's transaction (as `Store` does, with the rule as a `tsquery`).
    func recordAlerts(
        for events: [StoredEvent], rules: [AlertRule], knownEntityIDs: (String) -> [String], write: PostgresWrite
    ) throws -> [StoredEvent] {
        let arrived = events.filter { $0.kind == .ingested || $0.kind == .updated }
        guard !rules.isEmpty, !arrived.isEmpty else { return [] }
        let byID = Dictionary(
            arrived.compactMap { event in event.documentID.map { ($0, event) } }, uniquingKeysWith: { $1 })
        let ids = byID.keys.sorted()
        let languages = Array(Set(arrived.compactMap(\.language))).sorted()
        var alerts: [StoredEvent] = []
        for rule in rules {
            var resolved: [String: [String]] = [:]
            for name in rule.query.entityNames {
                resolved[name] = try entityIDs(named: name, known: knownEntityIDs(name), session: write.session)
            }
            guard
                let match = rule.query.textSearchQuery(languages: languages, entityIDs: { resolved[$0] ?? [$0] })
            else { continue }
            var query: PostgresQuery =
                "SELECT d.id FROM documents d WHERE d.terms @@ \(match)::tsquery AND d.id = ANY(\(ids))"
            Self.appendFilters(of: rule.query, to: &query)
            query.sql += " ORDER BY d.id"
            for id in try write.session.values(query, as: Int64.self) {
                guard let source = byID[id] else { continue }
                let alert = StoredEvent(
                    kind: .alert, path: source.path, documentID: id, language: source.language, title: source.title,
                    topics: source.topics, entities: source.entities, alert: rule.name, alertPriority: rule.priority)
                alerts.append(try record(alert, write: write))
            }
        }
        return alerts
    }

    /// Adds the query's filters (`after:`, `before:`, `source:`) on the documents `d`.
    static func appendFilters(of search: SearchQuery, to query: inout PostgresQuery) {
        if let after = search.after {
            query.binds.append(after)
            query.sql += " AND d.date >= $\(query.binds.count)"
        }
        if let before = search.before {
            query.binds.append(before)
            query.sql += " AND d.date < $\(query.binds.count)"
        }
        if let source = search.source {
            query.binds.append(source)
            // ILIKE, as SQLite's LIKE: the case of the source's name does not matter.
            query.sql += " AND d.source ILIKE '%' || $\(query.binds.count) || '%'"
        }
    }

    /// The ids an `entity:` value stands for, as `Store` finds them: the gazetteer's, and the
    /// people of the archive whose name has the value's words, else the value as an id.
    func entityIDs(named name: String, known: [String], session: PostgresSession) throws -> [String] {
        let words = Analyzer.fold(name).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return known.isEmpty ? [name] : known }
        var query: PostgresQuery = "SELECT id FROM entities WHERE starts_with(id, 'person:') AND kind = 'person'"
        for word in words {
            query.binds.append("-" + word + "-")
            query.sql += " AND strpos('-' || substr(id, 8) || '-', $\(query.binds.count)) > 0"
        }
        query.sql += " ORDER BY id LIMIT 50"
        let people = try session.values(query, as: String.self)
        let ids = known + people.filter { !known.contains($0) }
        return ids.isEmpty ? [name] : ids
    }
}
