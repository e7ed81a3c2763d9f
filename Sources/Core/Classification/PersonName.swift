/// The normalised form of a person's name, which gives the person's id across documents.
///
/// The same Russian, Ukrainian or Arabic name reaches English and French news through different
/// transliterations. Folding accents makes "Sergueï" "serguei"; a few rules then map the common
/// variants to one spelling, so "Sergueï Lavrov", "Sergei Lavrov" and "Sergey Lavrov" all give
/// `person:sergei-lavrov`. The rules, applied to each folded word in this order:
/// 0. a Cyrillic word is transliterated letter by letter (GOST-like: "ж" → `zh`, "ш" → `sh`, "х" →
///    `kh`, soft and hard signs dropped; "й" is already "и" once folded), so "Путин" is `putin` and
///    "Сергей Лавров" `sergei lavrov` before the Latin rules;
/// 1. `tch` → `ch` (French "Kalatchev" = English "Kalachev");
/// 2. `ou` → `u` (French "Choïgou" = English "Shoigu"'s vowel; "Loukachenko" = "Lukashenko"'s vowels);
/// 3. `gue`, `gui` → `ge`, `gi` (French writes a hard g as "gu": "Sergueï" = "Sergei"), except in a
///    word ending in "e" ("Hague");
/// 4. a final `iy`, `yy`, `ij`, `ii`, `yi` → `i`, and final `sky`, `try` → `ski`, `tri` ("Dmitriy",
///    "Dmitry", "Dmitri"; "Zelenskyy", "Zelensky", "Zelenski", "Зеленський"); a final `ey`, `ej` →
///    `ei` ("Sergey", "Sergej"); other final `y`s stay ("Anthony");
/// 5. in the last word of a name only (the surname, or a name said alone), a final `ine` → `in`:
///    French adds an "e" to Russian surnames in "-in" ("Poutine", "Lénine", "Staline");
/// 6. in the other words (given names), the Ukrainian and Belarusian forms of a given name and its
///    other transliterations become its Russian form (``givenNames``): "Volodymyr", "Володимир"
///    and "Vladimir" Zelensky are one person, as the Ukrainian, Russian and English press name him.
/// The rules are deliberately few: each one also rewrites some names that needed no help ("Louis" →
/// "luis", "Kennedy" → "kennedi"). That only affects how the id looks, never which person it is,
/// since ids are compared, not read. French "ch" and English "sh" for ш are not merged: that would
/// merge ч with ш in English spellings.
enum PersonName {
    /// The normalised form of one folded word.
    static func normalised(_ folded: String) -> String {
        guard let latin = folded.utf8.allSatisfy({ $0 < 0x80 }) ? folded : transliterated(folded) else {
            return folded  // the rules are for Latin spellings
        }
        var word = Array(latin.utf8)
        word = replacing(word, Spelling.tch, with: Spelling.ch)
        word = replacing(word, Spelling.ou, with: Spelling.u)
        if let last = word.last, last != UInt8(ascii: "e") {  // not a final "-gue" ("Hague", "Prague")
            word = replacing(word, Spelling.gue, with: Spelling.ge)
        }
        word = replacing(word, Spelling.gui, with: Spelling.gi)
        for ending in ["iy", "yy", "ij", "ii", "yi"] where word.count > 3 && word.suffix(2).elementsEqual(ending.utf8) {
            word.removeLast(2)
            word.append(UInt8(ascii: "i"))
            break
        }
        for ending in ["sky", "try"] where word.count > 4 && word.suffix(3).elementsEqual(ending.utf8) {
            word[word.count - 1] = UInt8(ascii: "i")
        }
        for ending in ["ey", "ej"] where word.count > 3 && word.suffix(2).elementsEqual(ending.utf8) {
            word[word.count - 1] = UInt8(ascii: "i")
        }
        return String(decoding: word, as: UTF8.self)
    }

    /// The normalised words of a name: each by ``normalised(_:)``, and the last one also without
    /// the "e" French adds to Russian surnames in "-in" ("Poutine" → `putin`).
    static func normalised(words folded: [String]) -> [String] {
        var words = folded.map { normalised($0) }
        if let last = words.last, last.utf8.count > 5, last.hasSuffix("ine") {
            words[words.count - 1] = String(last.dropLast())
        }
        for index in words.indices.dropLast() {
            if let russian = givenNames[words[index]] { words[index] = russian }
        }
        return words
    }

    /// The normalised form of a folded given name: ``normalised(_:)``, then its Russian form when it
    /// is a Ukrainian or Belarusian one (rule 6).
    static func normalised(givenName folded: String) -> String {
        let word = normalised(folded)
        return givenNames[word] ?? word
    }

    /// Given names of East Slavic public figures, normalised (rules 0–4), mapped to the normalised
    /// form of the Russian name in Cyrillic ("Пётр" is `petr`, so "Pyotr" and "Petro" map there):
    /// the Ukrainian and Belarusian forms and the other Latin spellings of one name. Only forms of
    /// the same name: "Alexander" and "Alexandre" are "Aleksandr", while "Nicolas" is not "Nikolai"
    /// (a French name of its own, worn by other people).
    static let givenNames: [String: String] = [
        // Володимир, Владимир
        "volodymyr": "vladimir", "volodimir": "vladimir", "wolodymyr": "vladimir", "wladimir": "vladimir",
        // Олександр, Аляксандр, Александр
        "oleksandr": "aleksandr", "alyaksandr": "aleksandr", "aliaksandr": "aleksandr", "alexandr": "aleksandr",
        "alexander": "aleksandr", "alexandre": "aleksandr",
        // Олексій, Алексей
        "oleksi": "aleksei", "alexei": "aleksei",
        // Сергій, Сергей
        "serhi": "sergei", "sergi": "sergei",
        // Дмитро, Дмитрий
        "dmytro": "dmitri", "dmitro": "dmitri",
        // Андрій, Андрей
        "andri": "andrei",
        // Микола, Николай
        "mykola": "nikolai", "mikola": "nikolai", "nikolay": "nikolai",
        // Михайло, Михаил
        "mykhailo": "mikhail", "mikhailo": "mikhail", "mykhaylo": "mikhail",
        // Петро, Пётр
        "petro": "petr", "pyotr": "petr", "piotr": "petr",
        // Павло, Павел
        "pavlo": "pavel",
        // Ігор, Игорь
        "ihor": "igor",
        // Євген, Евгений
        "yevhen": "evgeni", "yevgen": "evgeni", "yevgeny": "evgeni", "yevgeni": "evgeni", "evgeny": "evgeni",
        // Юрій, Юрий
        "iuri": "yuri",
        // Денис
        "denys": "denis",
    ]

    /// A folded Cyrillic word in Latin letters, nil when it holds letters of another script.
    static func transliterated(_ folded: String) -> String? {
        var latin = ""
        latin.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                latin.unicodeScalars.append(scalar)
            } else if let letters = cyrillic[scalar] {
                latin += letters
            } else {
                return nil
            }
        }
        return latin
    }

    /// Lower-case Cyrillic letters (Russian, Ukrainian, Belarusian) as folded, in Latin letters.
    static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "і": "i", "ї": "i", "ё": "e", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s",
        "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// The id of a person from the folded words of the full name: `person:sergei-lavrov`.
    static func id(folded words: [String]) -> String {
        "person:" + normalised(words: words).joined(separator: "-")
    }

    /// The spellings ``normalised(_:)`` replaces, made once: every name of every article goes through it.
    private enum Spelling {
        static let tch = Array("tch".utf8)
        static let ch = Array("ch".utf8)
        static let ou = Array("ou".utf8)
        static let u = Array("u".utf8)
        static let gue = Array("gue".utf8)
        static let ge = Array("ge".utf8)
        static let gui = Array("gui".utf8)
        static let gi = Array("gi".utf8)
    }

    /// `word` with every non-overlapping occurrence of `pattern` replaced, left to right.
    private static func replacing(_ word: [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        func matches(at index: Int) -> Bool {
            index + pattern.count <= word.count && word[index..<index + pattern.count].elementsEqual(pattern)
        }
        // Most words hold none of the patterns: they are returned as they are, without a copy.
        guard let firstMatch = word.indices.first(where: matches) else { return word }
        var result = Array(word[..<firstMatch])
        result.reserveCapacity(word.count)
        var index = firstMatch
        while index < word.count {
            if matches(at: index) {
                result += replacement
                index += pattern.count
            } else {
                result.append(word[index])
                index += 1
            }
        }
        return result
    }
}
