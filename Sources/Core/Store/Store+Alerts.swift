import GRDB

extension Store {
    /// Records an `alert` event for each rule that one of `events`' ingested or updated documents
    /// matches, inside the batch's transaction so that alerts commit with the documents.
    ///
    /// The rule's words are analysed in the languages of those documents only, since no other
    /// document can match.
    func recordAlerts(
        for events: [StoredEvent], rules: [AlertRule], knownEntityIDs: (String) -> [String], time: Double,
        db: Database
    ) throws -> [StoredEvent] {
        let arrived = events.filter { $0.kind == .ingested || $0.kind == .updated }
        guard !rules.isEmpty, !arrived.isEmpty else { return [] }
        let byID = Dictionary(
            arrived.compactMap { event in event.documentID.map { ($0, event) } }, uniquingKeysWith: { $1 })
        let languages = Array(Set(arrived.compactMap(\.language))).sorted()
        let idList = byID.keys.sorted().map(String.init).joined(separator: ",")
        var alerts: [StoredEvent] = []
        for rule in rules {
            var resolved: [String: [String]] = [:]
            for name in rule.query.entityNames {
                resolved[name] = try Self.entityIDs(named: name, known: knownEntityIDs(name), db: db)
            }
            guard let match = rule.query.matchExpression(languages: languages, entityIDs: { resolved[$0] ?? [$0] })
            else { continue }
            // The ids are integers from this transaction, safe to inline; FTS5 cannot bind a list.
            var sql = """
                SELECT d.id FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                WHERE documents_fts MATCH ? AND d.id IN (\(idList))
                """
            var arguments: StatementArguments = [match]
            Self.appendFilters(of: rule.query, to: &sql, arguments: &arguments)
            for id in try Int64.fetchAll(db, sql: sql + " ORDER BY d.id", arguments: arguments) {
                guard let source = byID[id] else { continue }
                let alert = StoredEvent(
                    kind: .alert, path: source.path, documentID: id, language: source.language, title: source.title,
                    topics: source.topics, entities: source.entities, alert: rule.name, alertPriority: rule.priority)
                alerts.append(try record(alert, time: time, db: db))
            }
        }
        return alerts
    }
}
