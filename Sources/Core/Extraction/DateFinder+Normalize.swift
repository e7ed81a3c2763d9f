import Foundation

extension DateFinder {
    /// A metadata date value (RFC 822 as in RSS pubDate, ISO 8601, "2021-12-17 10:00") as ISO 8601.
    ///
    /// Gives `2021-12-17T10:00:00Z` (converted to UTC) when a time is written, `2021-12-17` for a
    /// day and `2021-12` for a month; a time without a zone is taken as UTC. Also reads Unix
    /// timestamps in seconds or milliseconds and the written-out forms `findDate` knows, as long
    /// as they carry a year. Nil when the value holds no such date.
    public static func normalize(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let timestamp = unixTimestamp(trimmed) { return timestamp }
        var matcher = DateMatcher(tokens: DateToken.tokens(in: trimmed.prefix(200)))
        matcher.acceptsTwoDigitYears = true
        for index in matcher.tokens.indices {
            guard let match = matcher.match(at: index), var year = match.year else { continue }
            if match.isShortYear { year += year < 70 ? 2000 : 1900 }
            guard (1900...2200).contains(year) else { continue }
            guard let dayOfMonth = match.day else {
                // A month alone is the value (`2021-12`), not what is left of a broken day (`32 Dec 2021`).
                guard index == 0 else { return nil }
                return "\(CalendarDay.padded(year, 4))-\(CalendarDay.padded(match.month, 2))"
            }
            guard let day = CalendarDay(year: year, month: match.month, day: dayOfMonth) else { continue }
            guard let time = time(in: matcher.tokens, at: match.end) else { return day.isoString }
            return isoString(seconds: day.daysSinceEpoch * 86_400 + time.seconds - time.offsetMinutes * 60)
        }
        return nil
    }

    /// `seconds` since 1970 in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    static func isoString(seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let time = [rest / 3600, rest % 3600 / 60, rest % 60].map { CalendarDay.padded($0, 2) }
        return CalendarDay(daysSinceEpoch: days).isoString + "T" + time.joined(separator: ":") + "Z"
    }

    /// Ten digits are seconds since 1970, thirteen are milliseconds (JavaScript's `Date.now()`).
    private static func unixTimestamp(_ value: String) -> String? {
        guard value.count == 10 || value.count == 13, value.allSatisfy(\.isASCII), let number = Int(value) else {
            return nil
        }
        return isoString(seconds: value.count == 13 ? number / 1000 : number)
    }

    /// Zones by abbreviation, in minutes east of UTC (RFC 822 and the common European ones).
    private static let zoneOffsets: [String: Int] = [
        "z": 0, "gmt": 0, "ut": 0, "utc": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60, "eet": 120, "eest": 180,
        "msk": 180,
    ]

    /// A time after a date: `T10:00:00Z`, ` 10:00`, `, 10:00:00 +0100`, `at 9:30 pm EST`; the
    /// seconds into the day and the zone's offset in minutes east of UTC.
    static func time(in tokens: [DateToken], at start: Int) -> (seconds: Int, offsetMinutes: Int)? {
        func token(_ index: Int) -> DateToken? { index < tokens.count ? tokens[index] : nil }
        var index = start
        if token(index)?.isSymbol(",") == true { index += 1 }
        if let word = token(index)?.word, ["t", "at", "a", "um", "alle", "as", "в"].contains(word) { index += 1 }
        guard let hour = token(index)?.number(digits: 1...2), hour < 24, token(index + 1)?.isSymbol(":") == true,
            let minute = token(index + 2)?.number(digits: 2...2), minute < 60
        else { return nil }
        index += 3
        var second = 0
        if token(index)?.isSymbol(":") == true, let value = token(index + 1)?.number(digits: 2...2) {
            second = min(value, 59)
            index += 2
            // Fractions of a second are dropped.
            if token(index)?.isSymbol(".") == true || token(index)?.isSymbol(",") == true,
                token(index + 1)?.number(digits: 1...9) != nil
            {
                index += 2
            }
        }
        var hours = hour
        if let word = token(index)?.word, word == "am" || word == "pm" {
            if hour <= 12 { hours = hour % 12 + (word == "pm" ? 12 : 0) }
            index += 1
        }
        return (hours * 3600 + minute * 60 + second, zoneOffset(in: tokens, at: index))
    }

    /// `Z`, `GMT`, `EST`, `+0100`, `-05:00`, `+01`, `GMT+1` as minutes east of UTC; 0 when absent.
    private static func zoneOffset(in tokens: [DateToken], at start: Int) -> Int {
        func token(_ index: Int) -> DateToken? { index < tokens.count ? tokens[index] : nil }
        var index = start
        var offset = 0
        if let word = token(index)?.word, let known = zoneOffsets[word] {
            offset = known
            index += 1
        }
        guard let sign = token(index), sign.isSymbol("+") || sign.isSymbol("-") || sign.isSymbol("−"),
            case .number(let value, let digits)? = token(index + 1)?.kind
        else { return offset }
        var minutes: Int
        switch digits {
        case 4: minutes = value / 100 * 60 + value % 100
        case 1, 2:
            minutes = value * 60
            if token(index + 2)?.isSymbol(":") == true, let extra = token(index + 3)?.number(digits: 2...2) {
                minutes += extra
            }
        default: return offset
        }
        guard minutes <= 14 * 60 else { return offset }
        if !sign.isSymbol("+") { minutes = -minutes }
        return minutes
    }
}
