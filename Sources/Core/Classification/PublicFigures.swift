/// The public figures of `data/people.tsv` (heads of state and government from the CIA World
/// Factbook, foreign ministers and heads of international organisations by hand, each name part's
/// spellings across languages and scripts from OpenSanctions' name groups; `scripts/make_people.py`
/// writes it): a name of theirs gets their id, whatever the spelling and however much of it is
/// written. "Putin", "Poutine", "Путин", "President Putin" and "Vladimir Vladimirovich Putin" are
/// all `person:vladimir-putin`, the id of the name as news writes it in full.
///
/// A name is a figure's when it holds one spelling of the figure's short form (the word news uses
/// alone: "Putin", "Xi", "von der Leyen"), what comes before it starts with one of the figure's
/// given names or their initial ("Vladimir", "Volodymyr", "V."), and what comes after it belongs to
/// the figure's full name ("Xi Jinping", "Lula da Silva"). The short form alone is the figure's as
/// the table says (``Alone``): anywhere ("Macron"), after an office title only ("President Xi"), or
/// never (a surname news gives to other people more often: "Williams", "Davis").
struct PublicFigures: Sendable {
    /// One figure, its spellings normalised as the person finder normalises names.
    struct Figure: Sendable {
        /// `person:` + the normalised full name.
        let id: String
        /// Spellings of the short form, each as its normalised words.
        let shortForms: [[String]]
        /// Normalised spellings of the given names.
        let givenNames: Set<String>
        /// Normalised words of the full name, which may follow the short form.
        let nameWords: Set<String>
        /// When the short form alone names this figure.
        let alone: Alone
    }

    /// When a figure's short form alone names the figure.
    enum Alone: Sendable {
        /// Anywhere, untitled too: `yes` in the file.
        case always
        /// After an office title (`NameWords.officeTitles`), not after "Mr" or "Coach": `titled`.
        case afterOfficeTitle
        /// Never: only with a given name or the rest of the full name: `no`.
        case never
    }

    /// The file of public figures.
    static let fileName = "people.tsv"

    /// Every figure, in file order.
    let figures: [Figure]
    /// The first normalised word of each short-form spelling → the figures that have it.
    let byFirstWord: [String: [Int]]

    /// Reads the table: lines `name<TAB>short form<TAB>yes|titled|no<TAB>role<TAB>short-form
    /// spellings<TAB>given-name spellings`, spellings comma-separated; `#` lines are comments. An
    /// empty table knows no figure.
    ///
    /// - Parameter foldList: the folded words of each comma-separated item of a field, as the
    ///   scanner folds an article's ("Sergueï,Sergei" → `[["serguei"], ["sergei"]]`).
    /// - Throws: `GazetteerError` naming the line that does not have six fields, a known `alone`
    ///   value, a name and a short form.
    init(contents: String, foldList: (Substring) -> [[String]]) throws {
        var figures: [Figure] = []
        var byFirstWord: [String: [Int]] = [:]
        var lineNumber = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == "#" { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let alone: Alone? =
                fields.count < 3 ? nil : ["yes": .always, "titled": .afterOfficeTitle, "no": .never][fields[2]]
            guard fields.count == 6, let alone, let fullName = foldList(fields[0]).first,
                let short = foldList(fields[1]).first
            else {
                throw GazetteerError.malformed(
                    file: Self.fileName, line: lineNumber,
                    "expected a name, a short form, yes, titled or no, a role and two lists of spellings "
                        + "separated by tabs")
            }
            let shortForms = Set(([short] + foldList(fields[4])).map { PersonName.normalised(words: $0) })
            let givenNames = foldList(fields[5]).compactMap(\.first).map { PersonName.normalised(givenName: $0) }
            let figure = Figure(
                id: PersonName.id(folded: fullName), shortForms: shortForms.sorted { $0.lexicographicallyPrecedes($1) },
                givenNames: Set(givenNames), nameWords: Set(PersonName.normalised(words: fullName)),
                alone: alone)
            for first in Set(figure.shortForms.map { $0[0] }) { byFirstWord[first, default: []].append(figures.count) }
            figures.append(figure)
        }
        self.figures = figures
        self.byFirstWord = byFirstWord
    }

    /// How a name matched a figure.
    enum Match: Equatable {
        /// The short form with a given name or the rest of the full name: the figure for sure.
        case full(String)
        /// The short form alone, and when the table lets it name the figure.
        case alone(String, Alone)
    }

    /// Case endings of Russian and Ukrainian surnames once transliterated, with what replaces them:
    /// "Путина", "Путину", "Путиным" are Putin's; "Зеленского", "Зеленському" Zelensky's.
    static let caseEndings: [(ending: String, replacement: String)] = [
        ("ogo", "i"), ("omu", "i"), ("im", "i"), ("ym", ""), ("om", ""), ("a", ""), ("u", ""), ("e", ""),
    ]

    /// Whether a name's folded words are written in Cyrillic (not in Latin letters), whose surnames
    /// take case endings: what ``match(_:inflected:)`` asks.
    static func isInflected(folded: [String]) -> Bool {
        (folded.last?.utf8.first ?? 0) >= 0x80
    }

    /// The figure `words` (a name's normalised words) names, nil for none or for two figures.
    ///
    /// - Parameter inflected: the name was written in Cyrillic, whose surnames take case endings:
    ///   when the words as they are name nobody, the surname without its ending is tried.
    func match(_ words: [String], inflected: Bool = false) -> Match? {
        if let found = match(words) { return found }
        guard inflected, let last = words.last else { return nil }
        for (ending, replacement) in Self.caseEndings
        where last.utf8.count > ending.utf8.count + 3 && last.hasSuffix(ending) {
            var stem = words
            stem[stem.count - 1] = String(last.dropLast(ending.count)) + replacement
            if let found = match(stem) { return found }
        }
        return nil
    }

    /// ``match(_:inflected:)`` for the words as they are.
    private func match(_ words: [String]) -> Match? {
        guard !figures.isEmpty else { return nil }
        var found: Match?
        var foundFigure = -1
        for start in words.indices {
            guard let candidates = byFirstWord[words[start]] else { continue }
            for index in candidates where index != foundFigure {
                let figure = figures[index]
                guard
                    let form = figure.shortForms.first(where: {
                        words[start...].starts(with: $0)
                    })
                else { continue }
                let before = words[..<start]
                let after = words[(start + form.count)...]
                guard after.allSatisfy({ figure.nameWords.contains($0) }) else { continue }
                let match: Match
                if let first = before.first {
                    guard
                        figure.givenNames.contains(first) || isInitial(first, of: figure.givenNames)
                            || figure.givenNames.contains(where: { Self.isOneEditApart(first, $0) })
                    else { continue }
                    match = .full(figure.id)
                } else if !after.isEmpty {
                    match = .full(figure.id)
                } else {
                    match = .alone(figure.id, figure.alone)
                }
                if found != nil { return nil }  // two figures: "Kim" is neither
                found = match
                foundFigure = index
            }
        }
        return found
    }

    /// Whether two given names of five letters or more differ by one letter added, removed or
    /// replaced: a misspelling ("Anthony Blinken" for "Antony"), not another name.
    static func isOneEditApart(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count >= 5, b.count >= 5, abs(a.count - b.count) <= 1, a != b else { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }  // the first difference
        if a.count == b.count { return a[(i + 1)...] == b[(i + 1)...] }
        return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }

    /// Whether `word` is one letter, the first of one of `names`.
    private func isInitial(_ word: String, of names: Set<String>) -> Bool {
        guard word.utf8.count == 1, let letter = word.utf8.first else { return false }
        return names.contains { $0.utf8.first == letter }
    }
}
