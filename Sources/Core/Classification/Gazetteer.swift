/// The table of known entities and their aliases in every language: countries, capitals and
/// international organisations.
///
/// An alias is stored as the sequence key of its folded words (`NameToken.sequenceKey`), so matching
/// a text is a hash look-up per capitalised word, with no string built. Case rules, decided per alias
/// from how the data file writes it:
/// - an alias written in capitals ("US", "OTAN", "США") matches only capitals, so "us" is not the
///   United States;
/// - any other alias must start with a capital letter in the text ("Turkey", not "turkey"), unless
///   its script has no case.
struct Gazetteer: Sendable {
    /// One entity of the table.
    struct Entry: Sendable {
        /// Canonical id.
        var id: String
        /// English display name.
        var name: String
        /// Organisation or place.
        var kind: Entity.Kind
    }

    /// What an alias resolves to.
    struct Target: Sendable {
        /// Index in `entries`.
        var entry: Int32
        /// Number of words of the alias.
        var words: UInt8
        /// Whether the alias is written in capitals and so only matches capitals.
        var isAcronym: Bool
    }

    /// A match of an alias in a token array.
    struct Match {
        /// Index of the first token.
        var first: Int
        /// Number of tokens.
        var count: Int
        /// Index in `entries`.
        var entry: Int32
    }

    /// All entities, in load order.
    var entries: [Entry] = []
    /// Alias sequence key → entity. Keys are hashes already: looked up for every capitalised word
    /// of every article, a `Dictionary` hashed them again.
    var aliases = HashValueMap<Target>()
    /// Hash of an alias's first word → the most words of an alias starting with it.
    var longestAlias = HashValueMap<UInt8>()
    /// Lower-cased id → index in `entries`.
    var entryByID: [String: Int32] = [:]

    /// The entry for `id`, created with `name` and `kind` if new, renamed when `name` is not empty.
    mutating func entry(id: String, name: String, kind: Entity.Kind) -> Int32 {
        if let existing = entryByID[id.lowercased()] {
            if !name.isEmpty { entries[Int(existing)].name = name }
            return existing
        }
        let entry = Int32(entries.count)
        entries.append(Entry(id: id, name: name, kind: kind))
        entryByID[id.lowercased()] = entry
        return entry
    }

    /// Adds the alias made of `tokens` (one scanned alias) to `entry`.
    ///
    /// An alias another entity already owns keeps its first owner: files are read most
    /// authoritative first, and a later file cannot silently steal "Mexico" from the country.
    mutating func addAlias(_ tokens: [NameToken], to entry: Int32) {
        guard let first = tokens.first, tokens.count <= Int(UInt8.max) else { return }
        // One ideograph alone is too ambiguous to be a name.
        if tokens.count == 1, first.flags.contains(.caseless), first.letters < 2 { return }
        let key = tokens.reduce(0) { NameToken.sequenceKey($0, $1.hash) }
        guard aliases[key] == nil else { return }
        let isAcronym = tokens.allSatisfy { $0.flags.contains(.allCaps) }
        aliases[key] = Target(entry: entry, words: UInt8(tokens.count), isAcronym: isAcronym)
        longestAlias[first.hash] = max(longestAlias[first.hash] ?? 0, UInt8(tokens.count))
    }

    /// The longest alias at each position of `tokens`, left to right, without overlaps.
    func matches(in tokens: [NameToken]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.mayStartName, let longest = longestAlias[token.hash] else {
                index += 1
                continue
            }
            var key: UInt64 = 0
            var best: Match?
            for length in 1...Int(longest) {
                let last = index + length - 1
                guard last < tokens.count else { break }
                if length > 1, !tokens[last].flags.contains(.joined) { break }
                key = NameToken.sequenceKey(key, tokens[last].hash)
                guard let target = aliases[key], Int(target.words) == length else { continue }
                if target.isAcronym, !tokens[index...last].allSatisfy({ $0.flags.contains(.allCaps) }) { continue }
                best = Match(first: index, count: length, entry: target.entry)
            }
            if let best {
                found.append(best)
                index += best.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The entity a whole token sequence names, ignoring case (for search queries).
    func entry(named tokens: [NameToken]) -> Int32? {
        guard !tokens.isEmpty else { return nil }
        let key = tokens.reduce(0) { NameToken.sequenceKey($0, $1.hash) }
        return aliases[key]?.entry
    }
}
