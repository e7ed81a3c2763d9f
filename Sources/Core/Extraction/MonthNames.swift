import Foundation

/// Month and weekday names in the languages Newsdrop reads, folded to lower case without accents.
///
/// Written out rather than taken from locales: Linux images often lack locale data, and dates
/// in scraped text mix languages and abbreviations that no single locale knows.
enum MonthNames {
    /// A month a word names, and whether the word is an abbreviation (`janv`, `Dec`).
    struct Month: Equatable {
        /// 1 for January through 12 for December.
        let number: Int
        /// Whether the word is short enough to be a common word too (`mar`, `set`), so it needs more context.
        let isAbbreviation: Bool
    }

    /// Full names per month, in English, French, German, Spanish, Italian, Portuguese and Russian
    /// (nominative and the genitive used in dates).
    private static let fullNames: [[String]] = [
        ["january", "janvier", "januar", "jänner", "enero", "gennaio", "janeiro", "январь", "января"],
        [
            "february", "février", "fevrier", "februar", "feber", "febrero", "febbraio", "fevereiro", "февраль",
            "февраля",
        ],
        ["march", "mars", "märz", "marz", "marzo", "março", "marco", "март", "марта"],
        ["april", "avril", "abril", "aprile", "апрель", "апреля"],
        ["may", "mai", "mayo", "maggio", "maio", "май", "мая"],
        ["june", "juin", "juni", "junio", "giugno", "junho", "июнь", "июня"],
        ["july", "juillet", "juli", "julio", "luglio", "julho", "июль", "июля"],
        ["august", "août", "aout", "agosto", "август", "августа"],
        ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "сентябрь", "сентября"],
        ["october", "octobre", "oktober", "octubre", "ottobre", "outubro", "октябрь", "октября"],
        ["november", "novembre", "noviembre", "novembro", "ноябрь", "ноября"],
        ["december", "décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro", "декабрь", "декабря"],
    ]
    /// Abbreviations per month, as in "Dec. 17, 2021", "17 janv. 2022", "26 янв. 2022".
    private static let abbreviations: [[String]] = [
        ["jan", "janv", "ene", "gen", "jän", "янв"],
        ["feb", "fev", "fév", "févr", "fevr", "febr", "фев", "февр"],
        ["mar", "mär", "мар"],
        ["apr", "avr", "abr", "апр"],
        ["mag", "mai"],
        ["jun", "giu", "июн"],
        ["jul", "juil", "lug", "июл"],
        ["aug", "ago", "авг"],
        ["sep", "sept", "set", "сен", "сент"],
        ["oct", "okt", "ott", "out", "окт"],
        ["nov", "ноя", "нояб"],
        ["dec", "déc", "dez", "dic", "дек"],
    ]
    /// Weekday names, Sunday first, for checking a date written without its year.
    private static let weekdayNames: [[String]] = [
        ["sunday", "sun", "dimanche", "sonntag", "domingo", "domenica", "воскресенье"],
        ["monday", "mon", "lundi", "montag", "lunes", "lunedì", "segunda", "понедельник"],
        ["tuesday", "tue", "tues", "mardi", "dienstag", "martes", "martedì", "terça", "вторник"],
        ["wednesday", "wed", "mercredi", "mittwoch", "miércoles", "mercoledì", "quarta", "среда", "среду"],
        ["thursday", "thu", "thurs", "jeudi", "donnerstag", "jueves", "giovedì", "quinta", "четверг"],
        ["friday", "fri", "vendredi", "freitag", "viernes", "venerdì", "sexta", "пятница", "пятницу"],
        ["saturday", "sat", "samedi", "samstag", "sonnabend", "sábado", "sabato", "суббота", "субботу"],
    ]

    private static let months: [String: Month] = {
        var table: [String: Month] = [:]
        for (index, names) in abbreviations.enumerated() {
            for name in names { table[fold(name)] = Month(number: index + 1, isAbbreviation: true) }
        }
        // Full names win over abbreviations that are spelt the same (French and German `mai`).
        for (index, names) in fullNames.enumerated() {
            for name in names { table[fold(name)] = Month(number: index + 1, isAbbreviation: false) }
        }
        return table
    }()

    private static let weekdays: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, names) in weekdayNames.enumerated() {
            for name in names { table[fold(name)] = index }
        }
        return table
    }()

    /// The month `word` (already folded) names, if any.
    static func month(_ word: String) -> Month? {
        months[word]
    }

    /// The weekday `word` (already folded) names, 0 for Sunday, if any.
    static func weekday(_ word: String) -> Int? {
        weekdays[word]
    }

    /// `text` lower-cased without diacritics, the way `DateToken` folds words.
    static func fold(_ text: String) -> String {
        DateToken.fold(text)
    }
}
