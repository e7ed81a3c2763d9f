import Foundation

/// Resolving the value of an `entity:` search filter to canonical ids.
extension EntityRecognizer {
    /// The canonical ids a user may mean by `name` in `entity:NAME`.
    ///
    /// Tried in order, all results kept (deduplicated, in this order):
    /// 1. an id itself, any case: "RU", "ru", "city:kyiv", "person:sergei-lavrov";
    /// 2. a gazetteer alias, any case: "OTAN", "nato", "Russie", "США", "us" (a query is typed, so
    ///    the case rules of running text do not apply);
    /// 3. otherwise a person: a public figure's id for any spelling of the figure's name, alone or in
    ///    full ("Poutine", "Путин" → `person:vladimir-putin`), else `person:` + the normalised name,
    ///    "Sergueï Lavrov" → `person:sergei-lavrov`, "Zakharchenko" → `person:zakharchenko`.
    ///
    /// A bare surname that names no figure gives only `person:zakharchenko`, while documents store
    /// the full-name id when they name the full name; callers that want "Zakharchenko" to find them
    /// can also match stored person ids ending in `-zakharchenko`.
    public func ids(forName name: String) -> [String] {
        var (ids, folded) = knownIDs(forName: name, folding: true)
        if ids.isEmpty, !folded.isEmpty {
            switch personFinder.figures.match(PersonName.normalised(words: folded)) {
            case .full(let id): ids.append(id)
            case .alone(let id, let alone) where alone != .never: ids.append(id)  // typed: as sure as a title
            default: ids.append(PersonName.id(folded: folded))  // "Davis": anyone of that name
            }
        }
        return ids
    }

    /// Whether the first of ``ids(forName:)`` is a gazetteer entry other than a person: what story
    /// keys ask of every capitalised word ("Russie", "Kremlin"), answered without building the
    /// person id that a word the gazetteer does not know would get (2% of an ingest's CPU).
    public func isKnownPlaceOrOrganisation(_ name: String) -> Bool {
        knownIDs(forName: name, folding: false).ids.first.map { !$0.hasPrefix("person:") } ?? false
    }

    /// Rules 1 and 2 of ``ids(forName:)``, in order and deduplicated, with the folded words of the
    /// name for rule 3 when `folding`.
    private func knownIDs(forName name: String, folding: Bool) -> (ids: [String], folded: [String]) {
        // Story keys ask for every capitalised word of an article: Foundation only when there may
        // be white space to trim.
        let trimmed = Self.hasNoEdgeSpace(name) ? name : name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return ([], []) }
        var ids: [String] = []
        func add(_ id: String) { if !ids.contains(id) { ids.append(id) } }

        let lowercased = trimmed.lowercased()
        if let entry = gazetteer.entryByID[lowercased] { add(gazetteer.entries[Int(entry)].id) }
        if lowercased.hasPrefix("person:") { add(lowercased) }

        let (tokens, folded) = Self.nameTokens(of: trimmed, folding: folding)
        if let entry = gazetteer.entry(named: tokens) { add(gazetteer.entries[Int(entry)].id) }
        return (ids, folded)
    }

    /// The name tokens of `name`, with their folded words when `folding`.
    private static func nameTokens(of name: String, folding: Bool) -> (tokens: [NameToken], folded: [String]) {
        var tokens: [NameToken] = []
        var folded: [String] = []
        var text = name
        NameFolding.table.withUnsafeBufferPointer { table in
            let scanner = NameScanner(table: table)
            text.withUTF8 { bytes in
                scanner.scan(bytes, into: &tokens)
                if folding { folded = tokens.map { scanner.foldedWord(bytes, from: Int($0.start), to: Int($0.end)) } }
            }
        }
        return (tokens, folded)
    }

    /// Whether `name` starts and ends with a printable ASCII character, so that trimming white
    /// space cannot change it.
    private static func hasNoEdgeSpace(_ name: String) -> Bool {
        guard let first = name.utf8.first, let last = name.utf8.last else { return false }
        return (0x21...0x7e).contains(first) && (0x21...0x7e).contains(last)
    }
}
