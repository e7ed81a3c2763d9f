import Foundation

/// A piece of a date as written: a number, a word folded to lower case without accents, or a sign.
struct DateToken: Equatable {
    /// What the token is.
    enum Kind: Equatable {
        /// ASCII digits: their value and how many there were (`07` has two).
        case number(Int, digits: Int)
        /// Letters, lower-cased and without diacritics (`février` is `fevrier`, `января` is `января`).
        case word(String)
        /// Any other character that is not white space.
        case symbol(Character)
    }

    /// What the token is.
    let kind: Kind
    /// Whether white space separates it from the token before.
    let isSpaced: Bool
    /// Whether the word was written with a capital first letter ("May" the month, "may" the verb).
    var isCapitalized = false

    /// The number's value, if the token is a number with a digit count in `digits`.
    func number(digits allowed: ClosedRange<Int> = 1...4) -> Int? {
        if case .number(let value, let digits) = kind, allowed.contains(digits) { return value }
        return nil
    }

    /// The word, if the token is one.
    var word: String? {
        if case .word(let word) = kind { return word }
        return nil
    }

    /// Whether the token is the sign `character`.
    func isSymbol(_ character: Character) -> Bool {
        kind == .symbol(character)
    }

    /// Splits `text` into tokens; words longer than 16 letters are kept only as placeholders,
    /// since no month or day name is that long.
    ///
    /// Reads the UTF-8 bytes: an ASCII byte is classified by range, and a word is folded from its
    /// bytes once it ends. Appending scalar by scalar to a string and folding it again made the
    /// date search 5% of an ingest's CPU, for the top 1,500 characters of each article.
    static func tokens(in text: Substring) -> [DateToken] {
        var text = text
        return text.withUTF8 { tokens(inUTF8: $0) }
    }

    private static func tokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        var isSpaced = true
        var number = 0
        var digits = 0
        // The word being read: its bytes, how many scalars, whether all ASCII, its first scalar.
        var wordStart = 0
        var wordEnd = 0
        var wordScalars = 0
        var wordIsASCII = true
        var wordFirst: Unicode.Scalar = " "
        func flush() {
            if digits > 0 {
                tokens.append(DateToken(kind: .number(number, digits: digits), isSpaced: isSpaced))
                isSpaced = false
            } else if wordScalars > 0 {
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])
                let folded = wordScalars > 16 ? "" : wordIsASCII ? foldASCII(word) : foldingEachScalar(word)
                let isCapitalized =
                    wordFirst.isASCII ? (0x41...0x5A).contains(wordFirst.value) : wordFirst.properties.isUppercase
                tokens.append(DateToken(kind: .word(folded), isSpaced: isSpaced, isCapitalized: isCapitalized))
                isSpaced = false
            }
            wordScalars = 0
            wordIsASCII = true
            number = 0
            digits = 0
        }
        var index = 0
        while index < bytes.count {
            let start = index
            let scalar = decodeScalar(bytes, at: &index)
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                if wordScalars > 0 { flush() }
                // Long digit runs are not dates; saturating keeps the arithmetic safe.
                number = min(number * 10 + Int(scalar.value - 48), 100_000_000_000_000)
                digits += 1
            } else if isLetter(scalar) {
                if digits > 0 { flush() }
                if wordScalars == 0 {
                    wordStart = start
                    wordFirst = scalar
                }
                wordEnd = index
                wordScalars += 1
                wordIsASCII = wordIsASCII && scalar.isASCII
            } else {
                flush()
                if scalar.isASCII
                    ? (0x09...0x0D).contains(scalar.value) || scalar == " " : scalar.properties.isWhitespace
                {
                    isSpaced = true
                } else {
                    tokens.append(DateToken(kind: .symbol(Character(scalar)), isSpaced: isSpaced))
                    isSpaced = false
                }
            }
        }
        flush()
        return tokens
    }

    /// The scalar whose UTF-8 starts at `index` of valid UTF-8, moving `index` past it.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar {
        let (value, length) = WordScanner.decode(bytes, at: index)
        index = min(index + length, bytes.count)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether `scalar` belongs in a word: a letter or a combining mark. ASCII is decided by range,
    /// since looking up Unicode properties for every character cost more than the rest of the search.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else {
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
        return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// A word lower-cased and without diacritics, as the full-text index folds words
    /// (``ScalarFolding``): "Février" is "fevrier", "Января" is "января". Most words of a news
    /// text are ASCII: they are lower-cased byte by byte. The others are folded scalar by scalar
    /// through the index's table; Foundation's `folding(options:locale:)` did the same at 1.5% of
    /// an ingest's CPU.
    static func fold(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? foldASCII(bytes) : foldingEachScalar(bytes) }
    }

    /// An ASCII word lower-cased, written in place: a word of up to 15 letters becomes a small
    /// string with no allocation.
    private static func foldASCII(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { buffer in
            for (offset, byte) in word.enumerated() {
                buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return word.count
        }
    }

    private static func foldingEachScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var folded = String.UnicodeScalarView()
        ScalarFolding.table.withUnsafeBufferPointer { table in
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                let fold = ScalarFolding.fold(scalar.value, table: table)
                switch fold.kind {
                case .droppedMark, .joiner: continue
                case .letter, .ideograph, .mark:
                    guard let first = Unicode.Scalar(fold.first), fold.first != 0 else {
                        folded.append(scalar)
                        continue
                    }
                    folded.append(first)
                    if fold.second != 0, let second = Unicode.Scalar(fold.second) { folded.append(second) }
                case .separator, .apostrophe: folded.append(scalar)
                }
            }
        }
        return String(folded)
    }
}
