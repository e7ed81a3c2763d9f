/// Finds the keys that let articles in different languages meet: entity ids, rare proper names,
/// numbers and dates, each counted.
///
/// Keys are written `e:NATO`, `e:person:maria-zakharova` (the recogniser's ids), `p:pais`
/// (a capitalised word inside a sentence that the gazetteer does not know, folded), `n:13000`
/// (a number of two digits or more; "13,000" and "13 000" are both `13000`) and `d:01-26`
/// (a day and month in English, French, German, Spanish, Italian or Portuguese, year ignored:
/// "26 janvier", "January 26"). Only the body is read for names, numbers and dates: headlines
/// capitalise common words in English.
enum StoryKeys {
    /// Every key of `article` with its count, before any rarity filter (the table builder counts
    /// them all; ``StoryFeatures`` keeps the rare names).
    ///
    /// - Parameter isKnownName: whether a capitalised word is a gazetteer alias ("Russie",
    ///   "Kremlin"); those are already entity ids.
    static func counts(in article: Article, isKnownName: (String) -> Bool) -> [String: Int] {
        extract(from: article, body: AnalysedText(article.text, language: "und"), isKnownName: isKnownName).counts
    }

    /// The keys of `article` with their counts, as ``counts(in:isKnownName:)``, and the folded
    /// words that name its entities: the words of their display names and the capitalised words
    /// the gazetteer knows ("russie", "otan", "zakharova").
    ///
    /// - Parameter body: the article's text analysed (in any language: only the folds are read).
    static func extract(
        from article: Article, body: AnalysedText, isKnownName: (String) -> Bool
    ) -> (counts: [String: Int], nameWords: Set<String>) {
        var counts: [String: Int] = [:]
        for entity in article.entities {
            counts["e:" + entity.id, default: 0] += max(1, entity.mentions)
        }
        let entityWords = Set(
            article.entities.flatMap { Analyzer.fold($0.name).split(separator: " ").map(String.init) })
        var names: [String: Int] = [:]
        let words = body.words
        var text = body.text
        text.withUTF8 { bytes in
            var index = 0
            while index < words.count {
                let word = words[index]
                if let (number, next) = number(at: index, words: words, bytes: bytes) {
                    if let date = date(day: number, at: index, next: next, words: words) {
                        counts["d:" + date, default: 0] += 1
                    } else if number.utf8.count >= 2 {
                        counts["n:" + number, default: 0] += 1
                    }
                    index = next
                    continue
                }
                let previousEnd = index > 0 ? words[index - 1].range.upperBound : 0
                // The cheap byte tests first: most words are not capitalised.
                if word.folded.utf8.count >= 3, isCapitalised(bytes, at: word.range.lowerBound),
                    !startsSentence(
                        UnsafeBufferPointer(rebasing: bytes[previousEnd..<word.range.lowerBound]), isFirst: index == 0),
                    !containsNumber(word.folded), !entityWords.contains(word.folded),
                    monthNumbers[word.folded] == nil
                {
                    names[word.folded, default: 0] += 1
                }
                index += 1
            }
        }
        var nameWords = entityWords
        for (name, count) in names {
            if isKnownName(name) {
                nameWords.insert(name)
            } else {
                counts["p:" + name, default: 0] += count
            }
        }
        return (counts, nameWords)
    }

    /// How much a kind of key says about one event rather than a region or a topic, as a factor of
    /// its weight: people, rare names and dates 1, numbers 0.7, organisations 0.6, countries and
    /// capitals 0.4.
    ///
    /// The reference corpus is small and mostly not about world affairs, so it rates "NATO" and
    /// "Russia" as rare; in a news window they are in every report of a crisis, and a French and an
    /// English report of one event share its people, names and dates, which tell it from the
    /// other events of the crisis. Numbers repeat by chance more than names do.
    static func specificity(of key: String) -> Double {
        if key.hasPrefix("e:person:") { return 1 }
        if key.hasPrefix("e:city:") { return 0.4 }
        if key.hasPrefix("e:") { return key.utf8.count == 4 ? 0.4 : 0.6 }  // "e:RU": an ISO country code
        if key.hasPrefix("n:") { return 0.7 }
        return 1
    }

    /// The number starting at word `index`, digit groups joined ("13", "000" → "13000"), leading
    /// zeros dropped, and the index after it; nil when the word is not all digits.
    private static func number(
        at index: Int, words: [AnalysedText.Word], bytes: UnsafeBufferPointer<UInt8>
    ) -> (String, Int)? {
        guard isAllDigits(words[index].folded) else { return nil }
        var digits = words[index].folded
        var next = index + 1
        while next < words.count, words[next].folded.utf8.count == 3, isAllDigits(words[next].folded),
            isGroupSeparator(
                UnsafeBufferPointer(rebasing: bytes[words[next - 1].range.upperBound..<words[next].range.lowerBound]))
        {
            digits += words[next].folded
            next += 1
        }
        let trimmed = digits.utf8.drop { $0 == UInt8(ascii: "0") }
        return (trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self), next)
    }

    /// `MM-DD` when the number is a day next to a month name: "26 janvier", "26 de enero",
    /// "January 26", "26. Januar"; the day comes first or last.
    private static func date(day: String, at index: Int, next: Int, words: [AnalysedText.Word]) -> String? {
        guard day.utf8.count <= 2, let value = Int(day), (1...31).contains(value) else { return nil }
        func month(_ position: Int) -> Int? {
            position >= 0 && position < words.count ? monthNumbers[words[position].folded] : nil
        }
        let after =
            month(next) ?? (next < words.count && ["de", "of"].contains(words[next].folded) ? month(next + 1) : nil)
        guard let month = after ?? month(index - 1) else { return nil }
        return (month < 10 ? "0\(month)" : "\(month)") + "-" + (value < 10 ? "0\(value)" : "\(value)")
    }

    /// Whether `byte` is an ASCII digit.
    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether a word holds a number character: an ASCII digit, or a numeric character of another
    /// script ("²", "٣"), looked for only in a word that is not all ASCII.
    private static func containsNumber(_ word: String) -> Bool {
        word.utf8.contains(where: isDigit) || (!word.utf8.allSatisfy { $0 < 0x80 } && word.contains(where: \.isNumber))
    }

    /// Whether a fold is all ASCII digits (and not empty).
    private static func isAllDigits(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy(isDigit)
    }

    /// Whether the word at `offset` starts with an upper-case letter.
    private static func isCapitalised(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(lead) }
        let length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2
        let scalar = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + length)]), as: UTF8.self
        ).unicodeScalars.first
        return scalar?.properties.isUppercase ?? false
    }

    /// Whether the text between the previous word and this one ends a sentence (or there is none):
    /// a sentence's first word is capitalised whatever it is.
    private static func startsSentence(_ gap: UnsafeBufferPointer<UInt8>, isFirst: Bool) -> Bool {
        if isFirst { return true }
        // "…" is E2 80 A6 in UTF-8; its last byte is in no other punctuation likely between words.
        return gap.contains { sentenceEnds.contains($0) }
    }

    /// Bytes that end a sentence: . ! ? : newline, and the last byte of "…".
    private static let sentenceEnds: [UInt8] = [0x2e, 0x21, 0x3f, 0x3a, 0x0a, 0xa6]

    /// Whether the text between two digit groups is one thousands separator: a comma, a dot, a
    /// space, a no-break space (C2 A0) or a narrow one (E2 80 AF, E2 80 89).
    private static func isGroupSeparator(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        switch gap.count {
        case 1: return gap[0] == 0x2c || gap[0] == 0x2e || gap[0] == 0x20
        case 2: return gap[0] == 0xc2 && gap[1] == 0xa0
        case 3: return gap[0] == 0xe2 && gap[1] == 0x80 && (gap[2] == 0xaf || gap[2] == 0x89)
        default: return false
        }
    }

    /// Folded month names of the supported languages, with their number.
    static let monthNumbers: [String: Int] = {
        let names = [
            "january janvier januar enero gennaio janeiro",
            "february fevrier februar febrero febbraio fevereiro",
            "march mars marz maerz marzo marco",
            "april avril abril aprile",
            "may mai mayo maggio maio",
            "june juin juni junio giugno junho",
            "july juillet juli julio luglio julho",
            "august aout agosto",
            "september septembre septiembre setiembre settembre setembro",
            "october octobre oktober octubre ottobre outubro",
            "november novembre noviembre novembro",
            "december decembre dezember diciembre dicembre dezembro",
        ]
        var table: [String: Int] = [:]
        for (index, line) in names.enumerated() {
            for name in line.split(separator: " ") { table[String(name)] = index + 1 }
        }
        return table
    }()
}
