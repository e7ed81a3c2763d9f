import Foundation

/// Finds publication dates in article text and normalises date values from metadata to ISO 8601.
///
/// Dates are read from tokens (numbers, accent-folded words, signs) by `DateMatcher`, with month
/// names in English, French, German, Spanish, Italian, Portuguese and Russian.
public enum DateFinder {
    /// How many non-empty lines at the top of an article are searched: datelines and bylines sit there,
    /// while dates further down are usually events the article talks about.
    static let linesSearched = 6
    /// How many characters at the top of an article are searched at most.
    static let charactersSearched = 1500
    /// A date a little after the file's time is still accepted: time zones and clocks differ.
    static let futureToleranceDays = 2
    /// How far back a date written without its year may lie (about eleven months).
    static let yearlessWindowDays = 335

    /// A publication date found in free text near the top of an article; nil when none.
    ///
    /// `reference` is the file's time: a date written without its year is resolved against it. Reads `date 2021-12`, ISO dates, `26/01/2022` (day first), `January 26, 2022`,
    /// `Saturday, December 18`, `le 26 janvier 2022`, `26. Januar 2022`, `26 de enero de 2022`,
    /// `26 gennaio 2022`, `26 de janeiro de 2022` and `26 января 2022`. A date without a year gets
    /// the year that puts it at or before `reference` within about eleven months, preferring the
    /// year whose weekday matches a weekday written next to it. Dates after `reference` (beyond two
    /// days of slack) or before 1990 are not publication dates and are skipped.
    /// Returns `YYYY-MM-DD`, or `YYYY-MM` when only the month is written.
    public static func findDate(inText text: String, reference: Date) -> String? {
        let today = CalendarDay(daysSinceEpoch: Int((reference.timeIntervalSince1970 / 86_400).rounded(.down)))
        let top = top(of: text)
        // Every date has a number, and numbers are ASCII digits: a top without one (one article in
        // seven) has no date, and its words need not be made into tokens.
        guard top.utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        let matcher = DateMatcher(tokens: DateToken.tokens(in: top))
        let tokens = matcher.tokens
        // Every date has a number within its first five tokens (``DateMatcher/match(at:)``): the
        // words far from any number are not tried, and most of the top of an article is such words.
        var nextNumber = 0
        var index = 0
        while index < tokens.count {
            if nextNumber < index { nextNumber = index }
            while nextNumber < tokens.count, tokens[nextNumber].number(digits: 1...Int.max) == nil { nextNumber += 1 }
            guard nextNumber < tokens.count else { return nil }
            if nextNumber - index > DateMatcher.longestLeadBeforeNumber {
                index = nextNumber - DateMatcher.longestLeadBeforeNumber
                continue
            }
            if let match = matcher.match(at: index) {
                if let date = resolve(match, today: today) { return date }
                index = match.end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The first lines of `text`, where a dateline or byline would be.
    ///
    /// Walks Unicode scalars, not characters: grapheme breaking cost more than the rest of the
    /// date search. A combining mark counts as one more of the ``charactersSearched``.
    static func top(of text: String) -> Substring {
        var contiguous = text
        let end = contiguous.withUTF8 { bytes in topLength(of: bytes) }
        return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: end)]
    }

    /// The byte length of ``top(of:)``: walks the UTF-8, decoding a scalar only where it is not
    /// ASCII and could end a line or fill an empty one.
    private static func topLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        var isLineEmpty = true
        var count = 0
        var index = 0
        while index < bytes.count {
            count += 1
            if count > charactersSearched { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if (0x0A...0x0D).contains(lead) {
                    if !isLineEmpty { lines += 1 }
                    isLineEmpty = true
                    if lines >= linesSearched { break }
                } else if lead != 0x20 && lead != 0x09 {
                    isLineEmpty = false
                }
                continue
            }
            let scalar = DateToken.decodeScalar(bytes, at: &index)
            if isNewline(scalar) {
                if !isLineEmpty { lines += 1 }
                isLineEmpty = true
                if lines >= linesSearched { break }
            } else if isLineEmpty && !scalar.properties.isWhitespace {
                isLineEmpty = false
            }
        }
        return min(index, bytes.count)
    }

    /// Whether `scalar` ends a line as `Character.isNewline` says (LF, VT, FF, CR, NEL, LS, PS).
    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The match as an ISO date if it is a plausible publication date for a file dated `today`.
    static func resolve(_ match: DateMatcher.Match, today: CalendarDay) -> String? {
        let latest = today.daysSinceEpoch + futureToleranceDays
        guard var year = match.year else { return resolveWithoutYear(match, today: today) }
        if match.isShortYear { year += 2000 + year <= today.year + 1 ? 2000 : 1900 }
        guard year >= 1990 else { return nil }
        guard let day = match.day else {
            guard let first = CalendarDay(year: year, month: match.month, day: 1), first.daysSinceEpoch <= latest
            else { return nil }
            return "\(CalendarDay.padded(year, 4))-\(CalendarDay.padded(match.month, 2))"
        }
        guard let date = CalendarDay(year: year, month: match.month, day: day), date.daysSinceEpoch <= latest else {
            return nil
        }
        return date.isoString
    }

    /// The year for "December 18": the latest one at or before `today` within the window, or the
    /// one whose weekday matches the weekday written with it.
    private static func resolveWithoutYear(_ match: DateMatcher.Match, today: CalendarDay) -> String? {
        guard let day = match.day else { return nil }
        let latest = today.daysSinceEpoch + futureToleranceDays
        let earliest = today.daysSinceEpoch - yearlessWindowDays
        let candidates = [today.year + 1, today.year, today.year - 1]
            .compactMap { CalendarDay(year: $0, month: match.month, day: day) }
            .filter { (earliest...latest).contains($0.daysSinceEpoch) }
        if let weekday = match.weekday, let agreeing = candidates.first(where: { $0.weekday == weekday }) {
            return agreeing.isoString
        }
        // Closest at or before today first; a day or two ahead only when nothing is behind.
        let past = candidates.filter { $0.daysSinceEpoch <= today.daysSinceEpoch }
        return (past.first ?? candidates.last)?.isoString
    }
}
