import Synchronization

/// Finds the words of UTF-8 text and folds them, the same way for every language.
///
/// A word is a run of letters and digits (Unicode alphabetic or numeric scalars), with combining
/// marks and invisible joiners inside it. Chinese and Japanese put no spaces between words, so a
/// run of Han ideographs and kana gives its overlapping bigrams ("北京市" → "北京", "京市"), the
/// usual way to make CJK searchable without a dictionary: a two-character word is one term, and a
/// longer one a phrase of bigrams. A character standing alone is a term of its own.
/// An apostrophe ends a word; a French, Italian or Catalan elided article or preposition before it
/// ("l'", "d’", "qu'", "dell'") is dropped, and so is an English possessive "s" after it. Hyphens
/// and other punctuation split words.
///
/// Boundaries must not depend on the language: FTS5 re-tokenises stored text without its language
/// for `snippet()` and `highlight()`, and the positions must match those indexed.
///
/// A word longer than ``maximumWordLength`` folded bytes is skipped whole, as every index does
/// (Lucene 255 bytes, Xapian 64): it is never a word a reader searches for, and a 5 MB "word" would
/// otherwise be folded, stemmed, hashed and indexed at the cost of a whole archive of articles.
struct WordScanner {
    /// The fold table, borrowed for one scan.
    let table: UnsafeBufferPointer<UInt64>

    /// The longest word kept, in folded UTF-8 bytes: the `max_token_length` setting, set once at start.
    static let maximumWordLength = Atomic<Int>(64)

    /// Elided words dropped before an apostrophe, folded: French, Italian and Catalan.
    static let elisions: Set<[UInt8]> = Set(
        [
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "dell", "dall",
            "nell", "sull", "all", "un", "quest", "quell",
        ].map { Array($0.utf8) })

    /// Calls `emit` with each word's folded UTF-8 (valid only during the call) and its byte range in
    /// `bytes`, in order; stops early when `emit` returns false.
    ///
    /// `bytes` must be valid UTF-8 (any Swift string's storage is).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) {
        let limit = Self.maximumWordLength.load(ordering: .relaxed)
        // A word's fold grows by at most two scalars (8 bytes) past the limit; a CJK bigram is 8 bytes.
        var term = TermBuffer(capacity: max(limit, 0) + 16)
        defer { term.deallocate() }
        var wordStart = -1  // byte offset of the word being read, -1 between words
        var wordEnd = 0
        var lastFolded: UInt32 = 0  // last scalar appended to `term`, for Cyrillic composition
        var possessiveStart = -1  // where a word right after "word'" starts: an "s" there is dropped
        var followsApostrophe = false
        var index = 0
        // The last ideograph of the current CJK run, not yet emitted when it has no partner yet.
        var ideograph: (value: UInt32, range: Range<Int>, isPaired: Bool)?

        // Ends the current CJK run: an ideograph that formed no bigram is a term of its own.
        func finishIdeographs() -> Bool {
            guard let last = ideograph else { return true }
            ideograph = nil
            guard !last.isPaired else { return true }
            term.removeAll()
            term.append(last.value)
            return emit(term.bytes, last.range)
        }

        // Ends the current word, if any; false when `emit` asked to stop.
        func finishWord() -> Bool {
            guard wordStart >= 0 else { return true }
            defer { wordStart = -1 }
            if followsApostrophe, term.count == 1, term[0] == UInt8(ascii: "s") { return true }
            // Past the limit the word stopped growing (see below): it is skipped, not cut.
            if term.count > limit { return true }
            return emit(term.bytes, wordStart..<wordEnd)
        }

        while index < bytes.count {
            let (value, length) = Self.decode(bytes, at: index)
            let folded = ScalarFolding.fold(value, table: table)
            if folded.kind != .ideograph, ideograph != nil {
                guard finishIdeographs() else { return }
            }
            switch folded.kind {
            case .letter:
                if wordStart < 0 {
                    wordStart = index
                    followsApostrophe = index == possessiveStart
                    term.removeAll()
                }
                if term.count <= limit {
                    term.append(folded.first)
                    lastFolded = folded.first
                    if folded.second != 0 {
                        term.append(folded.second)
                        lastFolded = folded.second
                    }
                }
                wordEnd = index + length
            case .ideograph:
                guard finishWord() else { return }
                let range = index..<index + length
                if let previous = ideograph, previous.range.upperBound == index {
                    term.removeAll()
                    term.append(previous.value)
                    term.append(folded.first)
                    if !emit(term.bytes, previous.range.lowerBound..<range.upperBound) { return }
                    ideograph = (folded.first, range, true)
                } else {
                    guard finishIdeographs() else { return }
                    ideograph = (folded.first, range, false)
                }
            case .mark where wordStart >= 0:
                if term.count <= limit { term.append(folded.first) }
                lastFolded = folded.first
                wordEnd = index + length
            case .droppedMark where wordStart >= 0:
                if term.count <= limit, let composed = ScalarFolding.composeCyrillic(lastFolded, value) {
                    // Both are two-byte scalars: replace the base letter's bytes.
                    term.removeLast(2)
                    term.append(composed)
                    lastFolded = composed
                }
                wordEnd = index + length
            case .apostrophe where wordStart >= 0:
                let next = index + length
                let beforeLetter =
                    next < bytes.count
                    && ScalarFolding.fold(Self.decode(bytes, at: next).value, table: table).kind == .letter
                if beforeLetter, Self.elisions.contains(Array(term.bytes)) {
                    wordStart = -1
                } else {
                    guard finishWord() else { return }
                }
                possessiveStart = next
            case .joiner where wordStart >= 0:
                break
            default:
                guard finishWord() else { return }
            }
            index += length
        }
        guard finishIdeographs() else { return }
        _ = finishWord()
    }

    /// The fold of every scalar of one word's valid UTF-8, marks dropped, without looking for
    /// boundaries: re-folds a stem that came back from Snowball with accents.
    func fold(_ word: [UInt8]) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(word.count)
        word.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let (value, length) = Self.decode(bytes, at: index)
                let fold = ScalarFolding.fold(value, table: table)
                switch fold.kind {
                case .letter:
                    Self.append(fold.first, to: &folded)
                    if fold.second != 0 { Self.append(fold.second, to: &folded) }
                case .droppedMark, .joiner: break
                default: Self.append(value, to: &folded)
                }
                index += length
            }
        }
        return folded
    }

    /// The folded UTF-8 of the word being read, in a buffer allocated once per scan: appending to an
    /// array byte by byte (a uniqueness and a capacity check each time) was a good share of a scan.
    private struct TermBuffer {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        func deallocate() { base.deallocate() }

        /// The bytes so far, valid until the buffer changes.
        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        subscript(index: Int) -> UInt8 { base[index] }

        mutating func removeAll() { count = 0 }

        mutating func removeLast(_ bytes: Int) { count -= bytes }

        /// Appends the UTF-8 of scalar `value`; the scan never appends past the capacity it chose.
        @inline(__always)
        mutating func append(_ value: UInt32) {
            precondition(count + 4 <= capacity, "a folded word outgrew its buffer")
            switch value {
            case 0..<0x80:
                base[count] = UInt8(value)
                count += 1
            case 0x80..<0x800:
                base[count] = UInt8(0xC0 | value >> 6)
                base[count + 1] = UInt8(0x80 | value & 0x3F)
                count += 2
            case 0x800..<0x10000:
                base[count] = UInt8(0xE0 | value >> 12)
                base[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                base[count + 2] = UInt8(0x80 | value & 0x3F)
                count += 3
            default:
                base[count] = UInt8(0xF0 | value >> 18)
                base[count + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                base[count + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                base[count + 3] = UInt8(0x80 | value & 0x3F)
                count += 4
            }
        }
    }

    /// Decodes the scalar starting at `index` of valid UTF-8, with its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        // A truncated sequence cannot occur in valid UTF-8; read missing bytes as 0x80 rather than trap.
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < count ? UInt32(bytes[index + offset]) & 0x3F : 0
        }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// Appends the UTF-8 of scalar `value` to `bytes`.
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }
}

extension Analyzer {
    /// The longest word indexed and searched, in folded UTF-8 bytes (`max_token_length`, 64 by
    /// default): longer words are skipped whole. Set once at start, before any text is analysed.
    public static var maximumWordLength: Int {
        get { WordScanner.maximumWordLength.load(ordering: .relaxed) }
        set { WordScanner.maximumWordLength.store(newValue, ordering: .relaxed) }
    }
}
