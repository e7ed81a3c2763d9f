import Foundation

/// How the entity scanner treats one Unicode scalar.
enum NameScalarClass: UInt8 {
    /// Punctuation and symbols: end a word, and no name runs across them.
    case breaker
    /// Spaces: end a word; a name runs across them.
    case space
    /// `-` `‐` `‑`: end a word; a name runs across them ("États-Unis" is "etats unis").
    case hyphen
    /// `'` `’` `ʼ`: end a word; a name runs across them, and they split elisions ("l'OTAN").
    case apostrophe
    /// `.` `!` `?` `…`: end a word and a sentence (a dot inside "U.S." is handled by the scanner).
    case sentenceEnd
    /// Line and paragraph separators: end a word, a sentence and a line.
    case newline
    /// Letters and digits.
    case letter
    /// Han ideographs and kana: each one a word, as these scripts put no spaces between words.
    case ideograph
    /// Combining diacritics, soft hyphens and joiners: invisible, so decomposed text folds like
    /// precomposed text.
    case ignored
}

/// The fold of one scalar packed in 64 bits: class in bits 0–3, upper case in bit 4, lower case in
/// bit 5, up to two folded scalars in bits 8–31 and 32–55.
struct NameScalar {
    /// The packed value.
    let bits: UInt64

    /// Packs a class, the case of the scalar and up to two folded scalars.
    init(
        _ scalarClass: NameScalarClass, isUpper: Bool = false, isLower: Bool = false, _ first: UInt32 = 0,
        _ second: UInt32 = 0
    ) {
        bits =
            UInt64(scalarClass.rawValue) | (isUpper ? 0x10 : 0) | (isLower ? 0x20 : 0)
            | UInt64(first) << 8 | UInt64(second) << 32
    }

    /// Wraps packed bits read from the table.
    init(bits: UInt64) { self.bits = bits }

    /// How the scanner treats the scalar.
    var scalarClass: NameScalarClass { NameScalarClass(rawValue: UInt8(bits & 0xF)) ?? .breaker }
    /// Whether the scalar is an upper case letter.
    var isUpper: Bool { bits & 0x10 != 0 }
    /// Whether the scalar is a lower case letter.
    var isLower: Bool { bits & 0x20 != 0 }
    /// The first folded scalar.
    var first: UInt32 { UInt32(truncatingIfNeeded: bits >> 8) & 0xFF_FFFF }
    /// The second folded scalar ("s" of "ß" → "ss"), 0 when there is none.
    var second: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) & 0xFF_FFFF }
}

/// Case and diacritic folding for names: lower case, Latin and Greek without diacritics, Cyrillic
/// lower case with ё → е but й kept (й and и are different letters in names).
///
/// A table built once covers U+0000–U+303F: every alphabetic script, typographic spaces, dashes and
/// quotes, so only ideographs (classified by range) and rare scripts leave it. Diacritics are
/// stripped (through Foundation's canonical decomposition, at build time only) below U+0590 and in
/// U+1E00–U+1FFF, the Latin, Greek and Cyrillic blocks; other scripts are only lower-cased.
enum NameFolding {
    /// The table covers scalars below this one.
    static let tableEnd: UInt32 = 0x3040

    /// Table entries for U+0000–U+303F.
    static let table: [UInt64] = (0..<tableEnd).map { value in
        guard let scalar = Unicode.Scalar(value) else { return NameScalar(.breaker).bits }
        let decomposes = value < 0x590 || (0x1E00..<0x2000).contains(value)
        return entry(for: scalar, decomposes: decomposes).bits
    }

    /// The fold of `value`, from the table when it covers it.
    @inline(__always)
    static func fold(_ value: UInt32, table: UnsafeBufferPointer<UInt64>) -> NameScalar {
        if value < tableEnd { return NameScalar(bits: table[Int(value)]) }
        return foldOutsideTable(value)
    }

    /// Letters Unicode does not decompose, folded by hand (ø, ł, đ, ligatures, final sigma).
    static let specialFolds: [UInt32: (UInt32, UInt32)] = [
        0xDF: (0x73, 0x73), 0xE6: (0x61, 0x65), 0xC6: (0x61, 0x65), 0x153: (0x6F, 0x65), 0x152: (0x6F, 0x65),
        0xF8: (0x6F, 0), 0xD8: (0x6F, 0), 0x142: (0x6C, 0), 0x141: (0x6C, 0), 0x111: (0x64, 0), 0x110: (0x64, 0),
        0xF0: (0x64, 0), 0xFE: (0x74, 0x68), 0x131: (0x69, 0), 0x3C2: (0x3C3, 0),
    ]

    /// Classes of punctuation and spaces that Unicode properties do not tell apart.
    static let punctuation: [UInt32: NameScalarClass] = [
        0x27: .apostrophe, 0x2019: .apostrophe, 0x2BC: .apostrophe,
        0x2D: .hyphen, 0x2010: .hyphen, 0x2011: .hyphen,
        0x2E: .sentenceEnd, 0x21: .sentenceEnd, 0x3F: .sentenceEnd, 0x2026: .sentenceEnd, 0x3002: .sentenceEnd,
        0xFF01: .sentenceEnd, 0xFF1F: .sentenceEnd,
        0x0A: .newline, 0x0B: .newline, 0x0C: .newline, 0x0D: .newline, 0x85: .newline, 0x2028: .newline,
        0x2029: .newline,
        0xAD: .ignored, 0x200C: .ignored, 0x200D: .ignored, 0x2060: .ignored, 0xFEFF: .ignored, 0x640: .ignored,
    ]

    /// The fold of a scalar outside the table: ideographs by range, the rest by Unicode properties.
    static func foldOutsideTable(_ value: UInt32) -> NameScalar {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return NameScalar(.ideograph, value)
        case 0xAC00...0xD7A3:
            return NameScalar(.letter, value)
        default:
            guard let scalar = Unicode.Scalar(value) else { return NameScalar(.breaker) }
            return entry(for: scalar, decomposes: false)
        }
    }

    /// Classifies and folds one scalar from its Unicode properties.
    ///
    /// - Parameter decomposes: whether to strip diacritics through Foundation's canonical
    ///   decomposition: slow, so only while building the table; scripts outside it (Arabic, Indic,
    ///   Georgian…) are only lower-cased.
    static func entry(for scalar: Unicode.Scalar, decomposes: Bool = true) -> NameScalar {
        let value = scalar.value
        if let known = punctuation[value] { return NameScalar(known) }
        let properties = scalar.properties
        if properties.isWhitespace { return NameScalar(.space) }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            // Marks of Latin, Greek and Cyrillic are diacritics; elsewhere (Indic) they are letters.
            return value < 0x370 || (0x1AB0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value)
                ? NameScalar(.ignored) : NameScalar(.letter, value)
        case .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
            return NameScalar(.letter, value)
        default:
            break
        }
        guard properties.isAlphabetic else { return NameScalar(.breaker) }
        if properties.isIdeographic { return NameScalar(.ideograph, value) }
        let isUpper = properties.isUppercase
        let isLower = properties.isLowercase
        if let special = specialFolds[value] {
            return NameScalar(.letter, isUpper: isUpper, isLower: isLower, special.0, special.1)
        }
        guard decomposes else {
            let lower = isUpper ? scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value : value
            return NameScalar(.letter, isUpper: isUpper, isLower: isLower, lower)
        }
        let folded = foldedScalars(of: scalar)
        return NameScalar(
            .letter, isUpper: isUpper, isLower: isLower, folded.first ?? value,
            folded.count > 1 ? folded[1] : 0)
    }

    /// Lower case, then without diacritics except in Cyrillic (ё → е, ѐ → е, ѝ → и only).
    private static func foldedScalars(of scalar: Unicode.Scalar) -> [UInt32] {
        let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        if (0x400..<0x530).contains(scalar.value) {
            let cyrillicFolds: [UInt32: UInt32] = [0x451: 0x435, 0x450: 0x435, 0x45D: 0x438]
            return lower.map { cyrillicFolds[$0.value] ?? $0.value }
        }
        let decomposed = String(String.UnicodeScalarView(lower)).decomposedStringWithCanonicalMapping
        let bases = decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return bases.prefix(2).map(\.value)
    }
}
