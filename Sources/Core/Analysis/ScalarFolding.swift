import Foundation

/// How the word scanner treats one Unicode scalar, and what it folds to.
///
/// Boundaries and folding must be identical for every language: FTS5 re-tokenises stored text
/// without its language for `snippet()`/`highlight()`, and token positions must line up.
enum ScalarKind: UInt8 {
    /// Ends a word: spaces, punctuation, symbols, hyphens.
    case separator
    /// Part of a word: Unicode alphabetic or numeric.
    case letter
    /// A token on its own: Han ideographs and kana, written without spaces between words.
    case ideograph
    /// A combining mark kept in the term (Indic vowel signs carry meaning and stemmer suffixes).
    case mark
    /// A combining diacritic dropped from the term, so decomposed text folds like precomposed text.
    case droppedMark
    /// ' ’ ʼ: ends a word, and decides elision ("l'", "d'") and possessive "'s".
    case apostrophe
    /// Soft hyphen, zero-width (non-)joiner, word joiner, tatweel: invisible inside a word.
    case joiner
}

/// The fold of one scalar, packed in 64 bits: kind in bits 0–7, up to two folded scalars in bits
/// 8–31 and 32–55 (0 when absent).
struct FoldedScalar {
    /// The packed value.
    let bits: UInt64

    /// Packs a kind and up to two folded scalars.
    init(_ kind: ScalarKind, _ first: UInt32 = 0, _ second: UInt32 = 0) {
        bits = UInt64(kind.rawValue) | UInt64(first) << 8 | UInt64(second) << 32
    }

    /// Wraps packed bits read from the table.
    init(bits: UInt64) { self.bits = bits }

    /// How the scanner treats the scalar.
    var kind: ScalarKind { ScalarKind(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .separator }

    /// The first folded scalar, 0 when the scalar folds to nothing.
    var first: UInt32 { UInt32(truncatingIfNeeded: bits >> 8) & 0xFF_FFFF }

    /// The second folded scalar ("s" of "ß" → "ss"), 0 when there is none.
    var second: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) & 0xFF_FFFF }
}

/// Case and diacritic folding of single scalars, with a table built once for the scripts that have
/// diacritics: everything below U+0590 (Latin, Greek, Cyrillic, Armenian) and U+1E00–U+1FFF
/// (Vietnamese, polytonic Greek). Other scalars are classified on the fly.
enum ScalarFolding {
    /// Table entries for U+0000–U+058F, then U+1E00–U+1FFF.
    static let table: [UInt64] = {
        let scalars = Array(0..<UInt32(0x590)) + Array(UInt32(0x1E00)..<0x2000)
        return scalars.map { value in
            guard let scalar = Unicode.Scalar(value) else { return FoldedScalar(.separator).bits }
            return tableEntry(for: scalar).bits
        }
    }()

    /// The fold of `value`, from the table when it covers it.
    @inline(__always)
    static func fold(_ value: UInt32, table: UnsafeBufferPointer<UInt64>) -> FoldedScalar {
        if value < 0x590 { return FoldedScalar(bits: table[Int(value)]) }
        if value >= 0x1E00, value < 0x2000 { return FoldedScalar(bits: table[Int(value - 0x1E00 + 0x590)]) }
        return foldOutsideTable(value)
    }

    /// Letters folded by hand: ligatures and letters Unicode does not decompose (ø, ł, đ), and the
    /// Greek final sigma, which `lowercaseMapping` cannot produce from "Σ" (no context per scalar).
    static let specialFolds: [UInt32: (UInt32, UInt32)] = [
        0xDF: (0x73, 0x73), 0xE6: (0x61, 0x65), 0x153: (0x6F, 0x65), 0xF8: (0x6F, 0), 0x142: (0x6C, 0),
        0x111: (0x64, 0), 0xF0: (0x64, 0), 0xFE: (0x74, 0x68), 0x131: (0x69, 0), 0x127: (0x68, 0),
        0x140: (0x6C, 0), 0x17F: (0x73, 0), 0x3C2: (0x3C3, 0),
    ]

    /// The only Cyrillic letters folded beyond case: ё → е, and the stress-marked ѐ → е, ѝ → и.
    static let cyrillicFolds: [UInt32: UInt32] = [0x451: 0x435, 0x450: 0x435, 0x45D: 0x438]

    /// A combining diacritic after a Cyrillic base letter, composed back to the letter that a
    /// precomposed text would carry (й, ў, ї, ѓ, ќ are letters of their own, not accented ones).
    @inline(__always)
    static func composeCyrillic(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        switch (base, mark) {
        case (0x438, 0x306): 0x439  // и + breve = й
        case (0x443, 0x306): 0x45E  // у + breve = ў
        case (0x456, 0x308): 0x457  // і + diaeresis = ї
        case (0x433, 0x301): 0x453  // г + acute = ѓ
        case (0x43A, 0x301): 0x45C  // к + acute = ќ
        default: nil
        }
    }

    /// Builds one table entry; runs once per scalar at first use, so Foundation is fine here.
    static func tableEntry(for scalar: Unicode.Scalar) -> FoldedScalar {
        let value = scalar.value
        switch value {
        case 0x27, 0x2BC: return FoldedScalar(.apostrophe)
        case 0xAD: return FoldedScalar(.joiner)
        default: break
        }
        if isMark(scalar) { return FoldedScalar(.droppedMark) }
        guard isLetter(scalar) else { return FoldedScalar(.separator) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
        var folded: [UInt32]
        if (0x400..<0x530).contains(value) {
            // Cyrillic: case only. й ї ў ѓ ќ are letters; only ё and the stressed ѐ ѝ lose their marks.
            folded = lower.map { cyrillicFolds[$0] ?? $0 }
        } else {
            let decomposed = String(String.UnicodeScalarView(lower.compactMap(Unicode.Scalar.init)))
                .decomposedStringWithCanonicalMapping.unicodeScalars
            folded = decomposed.filter { !isMark($0) }.flatMap { base -> [UInt32] in
                guard let special = specialFolds[base.value] else { return [base.value] }
                return special.1 == 0 ? [special.0] : [special.0, special.1]
            }
        }
        // Nothing in these blocks folds to more than two scalars; keep the plain lower case if one did.
        if folded.isEmpty || folded.count > 2 { folded = [lower.first ?? value] }
        return FoldedScalar(.letter, folded[0], folded.count > 1 ? folded[1] : 0)
    }

    /// Classifies a scalar the table does not cover; runs per scalar, so no Foundation here.
    static func foldOutsideTable(_ value: UInt32) -> FoldedScalar {
        switch value {
        case 0x2019: return FoldedScalar(.apostrophe)
        case 0x3099...0x309C, 0x30A0, 0x30FB: break  // kana voicing marks, double hyphen, middle dot
        case 0x200C, 0x200D, 0x2060, 0xFEFF, 0x640: return FoldedScalar(.joiner)
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF66...0xFF9F, 0x20000...0x3134F:
            return FoldedScalar(.ideograph, value)
        case 0xFF10...0xFF19, 0xFF41...0xFF5A: return FoldedScalar(.letter, value - 0xFEE0)  // full-width 0-9 a-z
        case 0xFF21...0xFF3A: return FoldedScalar(.letter, value - 0xFEE0 + 0x20)  // full-width A-Z
        default: break
        }
        return foldByProperties(value)
    }

    /// Classifies a scalar from its Unicode properties.
    static func foldByProperties(_ value: UInt32) -> FoldedScalar {
        guard let scalar = Unicode.Scalar(value) else { return FoldedScalar(.separator) }
        if isMark(scalar) { return FoldedScalar(isDroppedDiacritic(value) ? .droppedMark : .mark, value) }
        guard isLetter(scalar) else { return FoldedScalar(.separator) }
        guard scalar.properties.changesWhenLowercased else { return FoldedScalar(.letter, value) }
        // Rare outside the table (Georgian Mtavruli, Cherokee, Deseret...): the allocation is acceptable.
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return FoldedScalar(.letter, lower.first?.value ?? value)
    }

    /// Whether a mark outside the table is a diacritic to drop rather than part of the spelling:
    /// combining diacritic blocks, Hebrew points, Arabic harakat.
    static func isDroppedDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x591...0x5C7, 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x1AB0...0x1AFF,
            0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            true
        default: false
        }
    }

    /// Whether the scalar is a combining mark (Mn, Mc, Me).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Whether the scalar belongs in a word: a letter or a number, or another alphabetic scalar.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: scalar.properties.isAlphabetic
        }
    }
}
