/// Decodes character references: named ones in common use, decimal `&#233;` and hex `&#xE9;`.
///
/// Works on UTF-8 bytes so that text without `&` is copied once; unknown names are left as written.
enum MarkupEntities {
    /// Names browsers accept without the closing `;`, so `AT&T` stays as written but `&amp` decodes.
    private static let legacyNames: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// `text` with its character references decoded.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return decode(Array(text.utf8)[...])
    }

    /// The UTF-8 `bytes` as text with their character references decoded.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalars, next) = reference(in: bytes, at: index) {
                for scalar in scalars { out.append(contentsOf: String(scalar).utf8) }
                index = next
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalars a reference at `start` (an `&`) stands for and the offset past it.
    private static func reference(
        in bytes: ArraySlice<UInt8>, at start: Int
    ) -> ([Unicode.Scalar], Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let isHex = index < bytes.endIndex && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if isHex { index += 1 }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.endIndex, let digit = digitValue(bytes[index], hex: isHex) {
                // Saturate rather than overflow: anything this large is invalid anyway.
                value = min(value &* (isHex ? 16 : 10) &+ digit, 0x11_0000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { index += 1 }
            return ([scalar(forCode: value)], index)
        }
        let nameStart = index
        while index < bytes.endIndex, index - nameStart < 12, isAlphanumeric(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let replacement = named[name] else { return nil }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") {
            return (Array(replacement.unicodeScalars), index + 1)
        }
        guard legacyNames.contains(name) else { return nil }
        return (Array(replacement.unicodeScalars), index)
    }

    /// The scalar a numeric reference names; HTML maps 0x80–0x9F to Windows-1252 and invalid codes to U+FFFD.
    static func scalar(forCode value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return mapped }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        MarkupTokenizer.isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Windows-1252 characters that pages write as `&#146;` and the like.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// Named references seen in news pages and feeds: markup, punctuation, symbols and Latin letters.
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "prime": "′",
        "Prime": "″", "bull": "•", "middot": "·", "dagger": "†", "Dagger": "‡", "permil": "‰", "iexcl": "¡",
        "iquest": "¿", "sect": "§", "para": "¶", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "curren": "¤", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³", "micro": "µ",
        "ordf": "ª", "ordm": "º", "not": "¬", "macr": "¯", "acute": "´", "cedil": "¸", "uml": "¨", "minus": "−",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "hearts": "♥", "infin": "∞", "asymp": "≈",
        "ne": "≠", "le": "≤", "ge": "≥",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å", "AElig": "Æ",
        "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë", "Igrave": "Ì", "Iacute": "Í",
        "Icirc": "Î", "Iuml": "Ï", "ETH": "Ð", "Ntilde": "Ñ", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô",
        "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø", "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü",
        "Yacute": "Ý", "THORN": "Þ", "szlig": "ß", "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã",
        "auml": "ä", "aring": "å", "aelig": "æ", "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "euml": "ë", "igrave": "ì", "iacute": "í", "icirc": "î", "iuml": "ï", "eth": "ð", "ntilde": "ñ",
        "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ouml": "ö", "oslash": "ø", "ugrave": "ù",
        "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý", "thorn": "þ", "yuml": "ÿ", "Yuml": "Ÿ",
        "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Zcaron": "Ž", "zcaron": "ž", "fnof": "ƒ",
        "circ": "ˆ", "tilde": "˜", "Alpha": "Α", "alpha": "α", "Beta": "Β", "beta": "β", "Omega": "Ω",
        "omega": "ω", "pi": "π", "mu": "μ",
    ]
}
