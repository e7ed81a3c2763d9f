/// Splits UTF-8 text into `NameToken`s in one pass over the bytes.
///
/// No `Character`, no Foundation and no allocation per word: the hot path decodes scalars by hand,
/// folds them through `NameFolding.table` and hashes them. Dots inside upper-case abbreviations are
/// part of the word ("U.S." is the word "US", and its last dot does not end the sentence).
struct NameScanner {
    /// The fold table, borrowed for the scan.
    let table: UnsafeBufferPointer<UInt64>

    /// Appends the words of `bytes` to `tokens`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [NameToken]) {
        var index = 0
        let count = bytes.count
        var word = WordState()
        var gapJoins = true
        var atSentenceStart = true

        func finishWord(at end: Int) {
            guard word.isOpen else { return }
            var flags = word.flags
            if gapJoins, !tokens.isEmpty { flags.insert(.joined) }
            if atSentenceStart { flags.insert(.sentenceStart) }
            if word.hasCased, !word.hasLower { flags.insert(.allCaps) }
            tokens.append(
                NameToken(
                    start: Int32(word.start), end: Int32(end), hash: word.hash, flags: flags,
                    letters: word.letters))
            word = WordState()
            gapJoins = true
            atSentenceStart = false
        }

        while index < count {
            let (value, length) = Self.decode(bytes, at: index)
            let folded = NameFolding.fold(value, table: table)
            switch folded.scalarClass {
            case .letter:
                word.add(folded, at: index)
            case .ideograph:
                finishWord(at: index)
                word.add(folded, at: index)
                finishWord(at: index + length)
            case .ignored:
                break
            case .space, .hyphen:
                finishWord(at: index)
            case .apostrophe:
                finishWord(at: index)
                // Inside a word ("l'OTAN", "O'Brien") names run across it; before a space or
                // punctuation it closes a quote or a possessive ("Wales' Munro"), and they do not.
                if index + length >= count || Self.isASCIINonLetter(bytes[index + length]) { gapJoins = false }
            case .sentenceEnd:
                if value == 0x2E, word.isAbbreviation, index + 1 < count, Self.isUpperASCII(bytes[index + 1]) {
                    word.isDotted = true  // "U.S": the dot stays inside the word
                } else if value == 0x2E, word.isDotted {
                    finishWord(at: index)  // the final dot of "U.S." ends neither the word's gap nor the sentence
                } else {
                    finishWord(at: index)
                    gapJoins = false
                    atSentenceStart = true
                }
            case .newline:
                finishWord(at: index)
                gapJoins = false
                atSentenceStart = true
            case .breaker:
                finishWord(at: index)
                gapJoins = false
            }
            index += length
        }
        finishWord(at: count)
    }

    /// Whether a byte is ASCII and not a letter (space, digit, punctuation).
    @inline(__always)
    static func isASCIINonLetter(_ byte: UInt8) -> Bool {
        byte < 0x80 && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether a byte is an ASCII capital letter.
    @inline(__always)
    static func isUpperASCII(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Decodes the scalar at `index`: its value and its length in bytes (invalid bytes decode as
    /// U+FFFD, one byte each, so any input scans).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead & 0xE0 == 0xC0, let b1 = continuation(1) { return ((lead & 0x1F) << 6 | b1, 2) }
        if lead & 0xF0 == 0xE0, let b1 = continuation(1), let b2 = continuation(2) {
            return ((lead & 0x0F) << 12 | b1 << 6 | b2, 3)
        }
        if lead & 0xF8 == 0xF0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            return ((lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
        }
        return (0xFFFD, 1)
    }

    /// The folded form of the word at `start..<end` of `bytes`, as a string (for names only).
    func foldedWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var index = start
        while index < end {
            let (value, length) = Self.decode(bytes, at: index)
            let folded = NameFolding.fold(value, table: table)
            if folded.scalarClass == .letter || folded.scalarClass == .ideograph {
                if let first = Unicode.Scalar(folded.first) { scalars.append(first) }
                if folded.second != 0, let second = Unicode.Scalar(folded.second) { scalars.append(second) }
            }
            index += length
        }
        return String(scalars)
    }
}

/// The word being scanned.
private struct WordState {
    var start = -1
    var hash = NameToken.emptyHash
    var flags: NameToken.Flags = []
    var letters: UInt8 = 0
    var hasCased = false
    var hasLower = false
    var isDotted = false

    var isOpen: Bool { start >= 0 }

    /// One upper-case letter so far, or a dotted abbreviation: a dot after it may be inside the word.
    var isAbbreviation: Bool { isOpen && !hasLower && hasCased && (letters == 1 || isDotted) }

    mutating func add(_ folded: NameScalar, at index: Int) {
        if start < 0 {
            start = index
            if folded.isUpper {
                flags.insert(.capitalised)
            } else if folded.isLower {
                flags.insert(.lowercase)
            } else {
                flags.insert(.caseless)
            }
        }
        if folded.isUpper || folded.isLower { hasCased = true }
        if folded.isLower { hasLower = true }
        if folded.first >= 0x30, folded.first <= 0x39 { flags.insert(.hasDigit) }
        hash = NameToken.hash(hash, adding: folded.first)
        if folded.second != 0 { hash = NameToken.hash(hash, adding: folded.second) }
        letters &+= letters == 255 ? 0 : 1
    }
}
