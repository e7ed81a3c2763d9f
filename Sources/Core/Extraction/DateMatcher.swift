/// Recognises one date written in tokens: ISO, numeric day-first, and day-month or month-day with names.
///
/// Each `match(at:)` tries the patterns at one token and says how far the date runs, so callers
/// can read a time after it (`normalize`) or go on scanning when it is implausible (`findDate`).
struct DateMatcher {
    /// What a date as written says; the year is missing in "Saturday, December 18".
    struct Match: Equatable {
        /// The year, when written.
        var year: Int?
        /// Whether the year was written with two digits (`26/01/22`).
        var isShortYear = false
        /// The month, 1 to 12.
        var month: Int
        /// The day of the month, when written ("December 2021" has none).
        var day: Int?
        /// The weekday named next to the date, 0 for Sunday, when there is one.
        var weekday: Int?
        /// The index of the first token after the date.
        var end: Int
    }

    /// The text's tokens.
    let tokens: [DateToken]
    /// Whether `17 Dec 21` has a year: RFC 822 allows it in metadata, prose would misread "on January 22 21 people…".
    var acceptsTwoDigitYears = false

    /// Words allowed between a day and its month: "26 de enero", "26th of January".
    private static let dayMonthLinks: Set<String> = ["de", "of", "del", "d"]
    /// Words allowed between a month and its year: "enero de 2022", "January of 2022".
    private static let monthYearLinks: Set<String> = ["de", "of", "del"]
    /// Ordinal endings written against the day: 1st, 2nd, 1er, 1º, 18th.
    private static let ordinalEndings: Set<String> = [
        "st", "nd", "rd", "th", "er", "re", "e", "eme", "o", "a", "º", "ª",
    ]
    /// Words allowed between a weekday and the date: "Saturday, the 18th", "samedi le 18".
    private static let weekdayLinks: Set<String> = ["le", "the", "den", "el", "il", "de"]

    /// The most tokens before its first number that a date starts with: a month name, its
    /// abbreviation dot, a comma and a link word ("Dec. , de 2021" has its year fifth).
    /// ``match(at:)`` finds nothing at an index whose next number is further on.
    static let longestLeadBeforeNumber = 4

    /// The date starting at token `index`, if one does.
    func match(at index: Int) -> Match? {
        matchNumeric(at: index) ?? matchDayMonth(at: index) ?? matchMonthFirst(at: index)
    }

    private func token(_ index: Int) -> DateToken? {
        index < tokens.count ? tokens[index] : nil
    }

    /// `2021-12-17`, `2021-12`, `2021/12/17`, and day-first `26/01/2022`, `26.01.2022`, `26-01-22`.
    private func matchNumeric(at index: Int) -> Match? {
        guard case .number(let first, let firstDigits)? = token(index)?.kind,
            let separator = token(index + 1), !separator.isSpaced, case .symbol(let sign) = separator.kind,
            "-/.".contains(sign), let second = token(index + 2), !second.isSpaced,
            let middle = second.number(digits: 1...2)
        else { return nil }
        // A third part repeats the separator: `2021-12-17`, `26/01/2022`.
        var third: (value: Int, digits: Int)?
        if let repeated = token(index + 3), !repeated.isSpaced, repeated.isSymbol(sign), let last = token(index + 4),
            !last.isSpaced, case .number(let value, let digits) = last.kind
        {
            third = (value, digits)
        }
        if firstDigits == 4 {
            guard (1...12).contains(middle) else { return nil }
            guard let third else {
                // `2021.12` reads as a number more often than as a month.
                return sign == "." ? nil : Match(year: first, month: middle, end: index + 3)
            }
            guard third.digits <= 2 else { return nil }
            return Match(year: first, month: middle, day: third.value, end: index + 5)
        }
        guard firstDigits <= 2, let third, third.digits == 2 || third.digits == 4 else { return nil }
        // Day first, as written outside the United States; `01/26/2022` can only be month first.
        let (day, month) = middle > 12 && first <= 12 ? (middle, first) : (first, middle)
        guard (1...12).contains(month) else { return nil }
        return Match(year: third.value, isShortYear: third.digits == 2, month: month, day: day, end: index + 5)
    }

    /// `26 janvier 2022`, `26. Januar 2022`, `26 de enero de 2022`, `1er janvier`, `26 января 2022 г.`
    private func matchDayMonth(at index: Int) -> Match? {
        guard let day = token(index)?.number(digits: 1...2), (1...31).contains(day) else { return nil }
        var next = index + 1
        if let word = token(next)?.word, !tokens[next].isSpaced, Self.ordinalEndings.contains(word) { next += 1 }
        if token(next)?.isSymbol(".") == true { next += 1 }
        if let word = token(next)?.word, Self.dayMonthLinks.contains(word) { next += 1 }
        if token(next)?.isSymbol("'") == true || token(next)?.isSymbol("’") == true { next += 1 }
        guard let (month, afterMonth) = month(at: next) else { return nil }
        let year = self.year(at: afterMonth)
        guard year != nil || !month.isAbbreviation || token(next + 1)?.isSymbol(".") == true else { return nil }
        return Match(
            year: year?.value, isShortYear: year?.isShort ?? false, month: month.number, day: day,
            weekday: weekday(before: index), end: year?.end ?? afterMonth)
    }

    /// `January 26, 2022`, `Saturday, December 18`, `Dec. 18th`, `December 2021`.
    private func matchMonthFirst(at index: Int) -> Match? {
        guard let (month, afterMonth) = month(at: index) else { return nil }
        var next = afterMonth
        if let day = token(next)?.number(digits: 1...2), (1...31).contains(day), token(next + 1)?.isSymbol(":") != true
        {
            next += 1
            if let word = token(next)?.word, !tokens[next].isSpaced, Self.ordinalEndings.contains(word) { next += 1 }
            let year = self.year(at: next)
            // Without a year, "may 2" is more likely the verb: months are capitalised in English.
            guard
                year != nil
                    || (tokens[index].isCapitalized
                        && (!month.isAbbreviation || token(index + 1)?.isSymbol(".") == true))
            else { return nil }
            return Match(
                year: year?.value, isShortYear: year?.isShort ?? false, month: month.number, day: day,
                weekday: weekday(before: index), end: year?.end ?? next)
        }
        guard let year = year(at: afterMonth), !year.isShort else { return nil }
        return Match(year: year.value, month: month.number, end: year.end)
    }

    /// A month name at `index`, with its abbreviation dot, and the index after it.
    private func month(at index: Int) -> (MonthNames.Month, Int)? {
        guard let word = token(index)?.word, let month = MonthNames.month(word) else { return nil }
        return (month, token(index + 1)?.isSymbol(".") == true ? index + 2 : index + 1)
    }

    /// A four-digit year at `index`, after an optional comma or `de`, and the index after it
    /// (and after a Russian `г.` or `года`).
    private func year(at index: Int) -> (value: Int, isShort: Bool, end: Int)? {
        var next = index
        if token(next)?.isSymbol(",") == true { next += 1 }
        if let word = token(next)?.word, Self.monthYearLinks.contains(word) { next += 1 }
        guard let year = token(next)?.number(digits: acceptsTwoDigitYears ? 2...4 : 4...4),
            year >= 100 || token(next)?.number(digits: 2...2) != nil,
            token(next + 1)?.isSymbol(":") != true
        else { return nil }
        next += 1
        if let word = token(next)?.word, word == "г" || word == "года" {
            next += token(next + 1)?.isSymbol(".") == true ? 2 : 1
        }
        return (year, year < 100, next)
    }

    /// The weekday named just before `index`, skipping a comma and words like "le" or "the".
    private func weekday(before index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0, previous >= index - 3 {
            let token = tokens[previous]
            if let word = token.word {
                if let weekday = MonthNames.weekday(word) { return weekday }
                guard Self.weekdayLinks.contains(word) else { return nil }
            } else if !token.isSymbol(",") {
                return nil
            }
            previous -= 1
        }
        return nil
    }
}
