import Foundation

/// Finds the people, organisations and places an article names, under canonical ids shared by all
/// languages: "NATO", "OTAN" and "НАТО" are all `NATO`; "Sergueï Lavrov" and "Sergei Lavrov" are
/// both `person:sergei-lavrov`.
///
/// Countries come from Debian's iso-codes (every translation it has), capitals and organisations from
/// hand-written files; people are found in the text by `PersonFinder`. Immutable after loading, so
/// one instance serves every thread.
public struct EntityRecognizer: Sendable {
    /// The alias table.
    let gazetteer: Gazetteer
    /// The person finder and its word lists.
    let personFinder: PersonFinder

    /// Loads `countries.tsv`, `places-extra.tsv`, `organisations.tsv`, `corpus-words.tsv` and
    /// `people.tsv` from `directory`.
    ///
    /// - Throws: `GazetteerError` naming the file that is missing or the line that is malformed.
    public init(contentsOf directory: URL) throws {
        func read(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw GazetteerError(
                    code: .unreadableFile,
                    message: "Cannot read entity data '\(url.path)' (ship the data/ directory next to the binary, "
                        + "or regenerate countries.tsv with make gazetteer and people.tsv with make people)",
                    cause: error)
            }
        }
        let names = Gazetteer.fileNames
        try self.init(
            countries: read(names.countries), extra: read(names.extra),
            organisations: read(names.organisations), wordCounts: read(PersonFinder.wordCountsFileName),
            people: read(PublicFigures.fileName))
    }

    /// Builds the recogniser from the contents of the data files (tests pass small strings).
    ///
    /// - Parameters:
    ///   - wordCounts: `corpus-words.tsv` (word, lower-case count, capitalised count), which tells
    ///     title-case phrases ("Grand Slam", "Industrial Strategy") from names; empty to do without.
    ///   - people: `people.tsv`, the public figures known by any spelling; empty to know none.
    /// - Throws: `GazetteerError` naming the file and line of the first malformed line.
    public init(
        countries: String, extra: String, organisations: String, wordCounts: String = "", people: String = ""
    ) throws {
        let table = NameFolding.table
        (gazetteer, personFinder) = try table.withUnsafeBufferPointer { buffer in
            let scanner = NameScanner(table: buffer)
            return (
                try Gazetteer(countries: countries, extra: extra, organisations: organisations, scanner: scanner),
                try PersonFinder(scanner: scanner, wordCounts: wordCounts, people: people)
            )
        }
    }

    /// The entities of an article, most mentioned first, then in order of first mention.
    ///
    /// - Parameter language: the article's ISO 639-1 code. German capitalises every noun, so for
    ///   `de` only titled names ("Kanzler Olaf Scholz") are taken as people.
    public func entities(title: String, text: String, language: String) -> [Entity] {
        var document = title
        document += "\n"
        document += text
        return NameFolding.table.withUnsafeBufferPointer { table in
            document.withUTF8 { bytes in entities(in: bytes, scanner: NameScanner(table: table), language: language) }
        }
    }

    /// The recogniser proper, over the UTF-8 of title and text.
    private func entities(in bytes: UnsafeBufferPointer<UInt8>, scanner: NameScanner, language: String) -> [Entity] {
        var tokens: [NameToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        scanner.scan(bytes, into: &tokens)

        var claimed = [Bool](repeating: false, count: tokens.count)
        var found: [(entity: Entity, first: Int)] = []
        var indexByEntry: [Int32: Int] = [:]
        for match in gazetteer.matches(in: tokens) where !isFirstName(match, tokens: tokens) {
            for index in match.first..<match.first + match.count { claimed[index] = true }
            if let existing = indexByEntry[match.entry] {
                found[existing].entity.mentions += 1
            } else {
                let entry = gazetteer.entries[Int(match.entry)]
                indexByEntry[match.entry] = found.count
                found.append((Entity(id: entry.id, name: entry.name, kind: entry.kind), match.first))
            }
        }
        let people = personFinder.people(
            in: tokens, claimed: claimed, bytes: bytes, scanner: scanner,
            findsUntitledNames: language != "de")
        for person in people {
            found.append(
                (
                    Entity(id: person.id, name: person.name, kind: .person, mentions: person.mentions),
                    person.firstToken
                ))
        }
        found.sort { lhs, rhs in
            lhs.entity.mentions != rhs.entity.mentions
                ? lhs.entity.mentions > rhs.entity.mentions : lhs.first < rhs.first
        }
        return found.map(\.entity)
    }

    /// Whether a one-word place is a person's first name: "Jordan Bardella", "Israel Katz" — the
    /// place is directly followed by a capitalised word that is no entity and no common word.
    private func isFirstName(_ match: Gazetteer.Match, tokens: [NameToken]) -> Bool {
        let next = match.first + match.count
        guard match.count == 1, next < tokens.count, gazetteer.entries[Int(match.entry)].kind == .place else {
            return false
        }
        let token = tokens[next]
        guard token.flags.contains(.joined), token.flags.contains(.capitalised), !token.flags.contains(.allCaps),
            token.letters > 1, !personFinder.common.contains(token.hash), !personFinder.particles.contains(token.hash)
        else { return false }
        return gazetteer.longestAlias[token.hash] == nil
    }
}
