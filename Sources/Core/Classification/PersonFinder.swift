/// Finds people in a text: runs of capitalised words that are neither known entities nor common
/// words, linked within the document so a bare surname counts for the full name seen.
///
/// What counts as a person:
/// - a run of 2–4 capitalised name words ("Maria Zakharova", "Jean-Yves Le Drian"), with lower-case
///   particles inside ("Ursula von der Leyen"); words of `NameWords.common` end runs, so "Foreign
///   Minister Sergei Lavrov" gives "Sergei Lavrov" and "Black Sea" nothing;
/// - one capitalised word right after a title or honorific ("Mr Riabkov", "président Macron");
/// - one word, or a shorter run, that ends a full name of the same document ("Lavrov" after
///   "Sergueï Lavrov", "Dupond-Moretti" after "Éric Dupond-Moretti").
///
/// What does not: words also written in lower case in the same document (a common word, not a
/// name), words in capitals ("NATO Secretary"), runs of five or more words (title-case headlines),
/// and an unlinked single word.
struct PersonFinder: Sendable {
    /// Hashes of `NameWords.titles`.
    let titles: HashValueSet
    /// Hashes of `NameWords.common` and `NameWords.titles`.
    let common: HashValueSet
    /// Hashes of `NameWords.officeTitles`.
    let officeTitles: HashValueSet
    /// Hashes of `NameWords.particles`.
    let particles: HashValueSet
    /// Hashes of words news mostly writes in lower case (from `corpus-words.tsv`).
    let lexicon: HashValueSet
    /// The public figures, known by any spelling (from `people.tsv`).
    let figures: PublicFigures

    /// The file of corpus word counts.
    static let wordCountsFileName = "corpus-words.tsv"

    /// A person found in one document.
    struct Person {
        /// `person:` + normalised full name.
        var id: String
        /// The most complete form written in the document.
        var name: String
        /// Mentions, full or linked.
        var mentions: Int
        /// Index of the first mentioning token, for a stable order.
        var firstToken: Int
        /// Words of `name`, to keep the most complete form.
        var words: Int
    }

    /// A run of name words, before linking.
    private struct Candidate {
        var first: Int
        var last: Int
        var folded: [String]
        var nameWords: Int
        var isTitled: Bool
        /// Whether the title before the name is an office's ("President", not "Mr").
        var isOfficeTitled: Bool
    }

    /// Builds the word sets with the scanner's folding, so they compare with text hashes.
    ///
    /// - Parameters:
    ///   - wordCounts: lines `word<TAB>lower-case count<TAB>capitalised count`; a word written in
    ///     lower case at least 3 times and 70% of the time joins `lexicon`.
    ///   - people: `people.tsv` (``PublicFigures``); empty to know no figure.
    /// - Throws: `GazetteerError` for a line that is not three tab-separated fields with two counts,
    ///   or a malformed line of `people`.
    init(scanner: NameScanner, wordCounts: String, people: String = "") throws {
        func hashes(_ words: [String], into set: inout HashValueSet) {
            var tokens: [NameToken] = []
            for word in words {
                tokens.removeAll(keepingCapacity: true)
                var text = word
                text.withUTF8 { scanner.scan($0, into: &tokens) }
                for token in tokens { set.insert(token.hash) }  // "Porte-parole" → "porte", "parole"
            }
        }
        // Looked up for every capitalised word of every article: open addressing on the hashes'
        // own bits, not `Set`'s SipHash (0.7% of an ingest's CPU).
        var titles = HashValueSet(minimumCapacity: NameWords.titles.count)
        hashes(NameWords.titles, into: &titles)
        var common = HashValueSet(minimumCapacity: NameWords.common.count + NameWords.titles.count)
        hashes(NameWords.common + NameWords.titles, into: &common)
        var officeTitles = HashValueSet(minimumCapacity: NameWords.officeTitles.count)
        hashes(NameWords.officeTitles, into: &officeTitles)
        self.officeTitles = officeTitles
        var particles = HashValueSet(minimumCapacity: NameWords.particles.count)
        hashes(NameWords.particles, into: &particles)
        self.titles = titles
        self.common = common
        self.particles = particles
        var lexicon = HashValueSet(minimumCapacity: 4096)
        var lineNumber = 0
        for line in wordCounts.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 3, let lower = Int(Substring(fields[1])), let capital = Int(Substring(fields[2]))
            else {
                throw GazetteerError.malformed(
                    file: Self.wordCountsFileName, line: lineNumber,
                    "expected a word and two counts separated by tabs")
            }
            if lower >= 3, lower * 10 >= (lower + capital) * 7 {
                hashes([String(Substring(fields[0]))], into: &lexicon)
            }
        }
        self.lexicon = lexicon
        // One scan per field, not per spelling: the table holds some 9,000 spellings, and loading
        // the entity tables must stay well under 50 ms.
        var tokens: [NameToken] = []
        figures = try PublicFigures(contents: people) { field in
            var text = String(field)
            return text.withUTF8 { bytes in
                tokens.removeAll(keepingCapacity: true)
                scanner.scan(bytes, into: &tokens)
                var items: [[String]] = []
                var previousEnd = 0
                for token in tokens {
                    let start = Int(token.start)
                    if items.isEmpty || bytes[previousEnd..<start].contains(UInt8(ascii: ",")) { items.append([]) }
                    items[items.count - 1].append(scanner.foldedWord(bytes, from: start, to: Int(token.end)))
                    previousEnd = Int(token.end)
                }
                return items
            }
        }
    }

    /// The people of a document whose tokens are `tokens`, excluding tokens claimed by gazetteer
    /// matches.
    ///
    /// - Parameter findsUntitledNames: false for languages that capitalise every noun (German), where
    ///   only titled names are trusted.
    func people(
        in tokens: [NameToken], claimed: [Bool], bytes: UnsafeBufferPointer<UInt8>, scanner: NameScanner,
        findsUntitledNames: Bool
    ) -> [Person] {
        var lowercaseWords = HashValueSet(minimumCapacity: tokens.count)
        for token in tokens where token.flags.contains(.lowercase) { lowercaseWords.insert(token.hash) }

        func isNameWord(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.flags.contains(.capitalised), !claimed[index], !token.flags.contains(.hasDigit) else {
                return false
            }
            guard !common.contains(token.hash), !lowercaseWords.contains(token.hash) else { return false }
            guard token.flags.contains(.allCaps) else { return true }
            // An initial, not an acronym; but a lone capital starting a sentence without a dot is a
            // word ("A Putin ally", Russian "В Женеве"), while "George W Bush" keeps its initial.
            guard token.letters == 1 else { return false }
            let end = Int(token.end)
            return !token.flags.contains(.sentenceStart) || (end < bytes.count && bytes[end] == UInt8(ascii: "."))
        }
        func isParticle(_ index: Int) -> Bool { !claimed[index] && particles.contains(tokens[index].hash) }

        var candidates: [Candidate] = []
        var index = 0
        while index < tokens.count {
            // The flags first: most words are not capitalised, and need no lookup.
            let startsWithParticle =
                tokens[index].flags.contains(.capitalised) && !tokens[index].flags.contains(.sentenceStart)
                && isParticle(index)
            guard isNameWord(index) || startsWithParticle else {
                index += 1
                continue
            }
            var end = index
            var last = index
            var nameWords = 0
            while end < tokens.count, end == index || tokens[end].flags.contains(.joined) {
                if isNameWord(end) {
                    nameWords += 1
                    last = end
                } else if !(isParticle(end) && end + 1 < tokens.count && tokens[end + 1].flags.contains(.joined)) {
                    break
                }
                end += 1
            }
            defer { index = max(last, index) + 1 }
            guard nameWords > 0, nameWords <= 4, tokens[last].letters > 1 else { continue }
            var first = index
            let isTitled = index > 0 && titles.contains(tokens[index - 1].hash) && !claimed[index - 1]
            func fold(_ range: ClosedRange<Int>) -> [String] {
                range.map { scanner.foldedWord(bytes, from: Int(tokens[$0].start), to: Int(tokens[$0].end)) }
            }
            var runFolded: [String]?  // the run's words, when the sentence start needed them
            if tokens[first].flags.contains(.sentenceStart), !isTitled, nameWords >= 2 {
                // "Unlike Putin", "Переговоры Путина": the first word of the sentence is not part
                // of the name.
                var dropsFirst = Self.looksLikeSentenceWord(
                    scanner.foldedWord(bytes, from: Int(tokens[first].start), to: Int(tokens[first].end)))
                if !dropsFirst {
                    let words = fold(first...last)
                    runFolded = words
                    dropsFirst = startsBeforeAFigure(words, firstHash: tokens[first].hash)
                }
                if dropsFirst {
                    first += 1
                    nameWords -= 1
                    while first < last, !isNameWord(first) { first += 1 }
                }
            }
            // "Industrial Strategy", "Morning Call": a surname, or a word after a first name, is not
            // a word news writes in lower case. The first word may be ("Mark", "Will", "Rose").
            if !isTitled,
                (first + 1..<last + 1).contains(where: { isNameWord($0) && lexicon.contains(tokens[$0].hash) })
                    || lexicon.contains(tokens[last].hash)
            {
                continue
            }
            let folded = runFolded.map { Array($0[(first - index)...]) } ?? fold(first...last)
            candidates.append(
                Candidate(
                    first: first, last: last, folded: folded, nameWords: nameWords, isTitled: isTitled,
                    isOfficeTitled: isTitled && officeTitles.contains(tokens[index - 1].hash)))
        }
        return linked(candidates, bytes: bytes, tokens: tokens, findsUntitledNames: findsUntitledNames)
    }

    /// Whether a sentence-initial run of names (its folded words) is a public figure's name without
    /// its first word, and not with it: "Переговоры Путина" ("talks of Putin") is Putin, while
    /// "Vladimir Putin" and "Melania Trump" keep their first word.
    private func startsBeforeAFigure(_ folded: [String], firstHash: UInt64) -> Bool {
        let inflected = PublicFigures.isInflected(folded: folded)
        guard figures.match(PersonName.normalised(words: folded), inflected: inflected) == nil else { return false }
        guard
            case .alone(_, .always) = figures.match(
                PersonName.normalised(words: Array(folded.dropFirst())), inflected: inflected)
        else { return false }
        // Another person of that surname ("Melania Trump") is a given name the corpus writes.
        return lexicon.contains(firstHash) || inflected
    }

    /// Gives every candidate its person: the full name it ends, its own full name, or none.
    private func linked(
        _ candidates: [Candidate], bytes: UnsafeBufferPointer<UInt8>, tokens: [NameToken],
        findsUntitledNames: Bool
    ) -> [Person] {
        // Suffixes of full names → the full name's id; longer names first, so "Dupond-Moretti" links
        // to "Éric Dupond-Moretti", not to itself.
        let normalised = candidates.map { PersonName.normalised(words: $0.folded) }
        // Each candidate's own id, made once: it was joined again in each of the three loops.
        let ownIDs = normalised.map { "person:" + $0.joined(separator: "-") }
        // A public figure's name gets the figure's id: "Vladimir Poutine" and "Putin" are one person.
        let figureMatches = candidates.indices.map { index in
            figures.match(normalised[index], inflected: PublicFigures.isInflected(folded: candidates[index].folded))
        }
        func fullID(_ index: Int) -> String {
            if case .full(let id) = figureMatches[index] { return id }
            return ownIDs[index]
        }
        var owners: [String: String] = [:]
        let fullNames = candidates.indices.filter {
            candidates[$0].nameWords >= 2 && (findsUntitledNames || candidates[$0].isTitled)
        }
        for index in fullNames.sorted(by: { normalised[$0].count > normalised[$1].count }) {
            let words = normalised[index]
            let id = fullID(index)
            for start in words.indices {
                let suffix = "person:" + words[start...].joined(separator: "-")
                if owners[suffix] == nil { owners[suffix] = id }
            }
        }
        // First names of full names, for "Sir Keir" after "Keir Starmer"; a first name two people
        // share links to neither.
        var firstNames: [String: String?] = [:]
        for index in fullNames {
            let id = fullID(index)
            let first = "person:" + normalised[index][0]
            if let existing = firstNames[first], existing != id {
                firstNames[first] = .some(nil)
            } else {
                firstNames[first] = id
            }
        }
        var people: [Person] = []
        var indexByID: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            let ownID = ownIDs[index]
            let id: String
            if case .full(let figure) = figureMatches[index] {
                id = figure
            } else if let owner = owners[ownID] {
                id = owner  // "Sanchez" after "Alexis Sanchez" is Alexis Sanchez, not the figure
            } else if candidate.isTitled, candidate.folded.count == 1, let owner = firstNames[ownID] ?? nil {
                id = owner
            } else if case .alone(let figure, let alone) = figureMatches[index],
                alone == .always
                    || (alone == .afterOfficeTitle && candidate.isOfficeTitled)
            {
                id = figure
            } else if candidate.isTitled {
                id = ownID
            } else {
                continue
            }
            let name = String(
                decoding: UnsafeBufferPointer(
                    rebasing: bytes[Int(tokens[candidate.first].start)..<Int(tokens[candidate.last].end)]),
                as: UTF8.self)
            if let existing = indexByID[id] {
                people[existing].mentions += 1
                if candidate.folded.count > people[existing].words {
                    people[existing].name = name
                    people[existing].words = candidate.folded.count
                }
            } else {
                indexByID[id] = people.count
                people.append(
                    Person(
                        id: id, name: name, mentions: 1, firstToken: candidate.first,
                        words: candidate.folded.count))
            }
        }
        return people
    }

    /// Whether a folded sentence-initial word looks like a verb or adverb rather than a first name
    /// ("Asked", "Speaking", "Unlike", "Initially"): English inflections, kept simple.
    private static func looksLikeSentenceWord(_ word: String) -> Bool {
        word.hasSuffix("ing") || word.hasSuffix("ed") || word.hasSuffix("ly") || word == "unlike"
    }
}
