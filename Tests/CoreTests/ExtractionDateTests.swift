import Core
import Foundation
import Testing

struct ExtractionDateTests {
    /// Noon UTC on a day, as a file's modification time.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (year, month, day, 12)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        // A valid Gregorian date always yields a Date.
        return calendar.date(from: components)!
    }

    static let february2022 = day(2022, 2, 15)

    @Test(arguments: [
        // The seed file 002 starts like this.
        (" date 2021-12 La Russie a nié avoir l’intention d’attaquer son voisin.", "2021-12"),
        ("Published 2022-01-26 by the desk\nBody.", "2022-01-26"),
        ("Updated: 2022-01-26T14:05:00Z", "2022-01-26"),
        ("2022/01/26 — Moscow", "2022-01-26"),
        ("Moscou, 26/01/2022 - Le Kremlin", "2022-01-26"),
        ("Berlin, 26.01.2022: Der Kreml", "2022-01-26"),
        ("26-01-22 Moscow", "2022-01-26"),
        ("Posted 01/26/2022", "2022-01-26"),
        ("MOSCOW, January 26, 2022 (Wire) — The Kremlin", "2022-01-26"),
        ("Jan. 26, 2022", "2022-01-26"),
        ("January 26th 2022", "2022-01-26"),
        ("Wednesday 26 January 2022", "2022-01-26"),
        ("26th of January, 2022", "2022-01-26"),
        ("December 2021 review", "2021-12"),
        ("Paris, le 26 janvier 2022 — Le Kremlin", "2022-01-26"),
        ("PARIS, LE 26 JANVIER 2022", "2022-01-26"),
        ("publié le 1er février 2022", "2022-02-01"),
        ("le 3 févr. 2022", "2022-02-03"),
        ("Berlin, 26. Januar 2022 – Der Kreml", "2022-01-26"),
        ("Wien, 3. Jänner 2022", "2022-01-03"),
        ("am 12. März 2021", "2021-03-12"),
        ("Madrid, 26 de enero de 2022. El Kremlin", "2022-01-26"),
        ("26 de enero del 2022", "2022-01-26"),
        ("Roma, 26 gennaio 2022 - Il Cremlino", "2022-01-26"),
        ("Lisboa, 26 de janeiro de 2022", "2022-01-26"),
        ("1º de março de 2021", "2021-03-01"),
        ("Москва, 26 января 2022 г. Кремль", "2022-01-26"),
        ("26 января 2022 года", "2022-01-26"),
        ("11 фев. 2022", "2022-02-11"),
    ])
    func writtenDatesWithAYear(text: String, expected: String) {
        #expect(DateFinder.findDate(inText: text, reference: Self.february2022) == expected)
    }

    @Test(arguments: [
        // Seed 000 names the day of the talks this way; 18 December 2021 was a Saturday.
        ("Talks from “Saturday, December 18”, in Geneva", day(2022, 1, 10), "2021-12-18" as String?),
        ("Talks from “Saturday, December 18”, in Geneva", day(2021, 12, 17), "2021-12-18"),
        ("December 18", day(2021, 12, 18), "2021-12-18"),
        ("December 18", day(2021, 12, 20), "2021-12-18"),
        ("December 18", day(2022, 6, 1), "2021-12-18"),
        ("26 janvier", day(2022, 3, 1), "2022-01-26"),
        ("le 26 janvier, le Kremlin", day(2022, 12, 20), "2022-01-26"),
        ("le 26 janvier, le Kremlin", day(2023, 1, 20), nil),
        ("samedi 18 décembre", day(2022, 11, 1), "2021-12-18"),
        ("26. Januar", day(2022, 1, 30), "2022-01-26"),
        ("26 de enero", day(2022, 2, 1), "2022-01-26"),
        ("26 gennaio", day(2022, 2, 1), "2022-01-26"),
        ("26 de janeiro", day(2022, 2, 1), "2022-01-26"),
        ("26 января", day(2022, 2, 1), "2022-01-26"),
    ])
    func yearlessDateTakesTheYearBeforeTheReference(text: String, reference: Date, expected: String?) {
        #expect(DateFinder.findDate(inText: text, reference: reference) == expected)
    }

    @Test(arguments: [
        // More than eleven months back, or well after the file was written.
        ("December 18", day(2021, 12, 10)),
        ("December 18", day(2022, 12, 1)),
        ("Published 2023-05-01", day(2022, 2, 15)),
        ("In 1850-03 nothing", day(2022, 2, 15)),
        ("Russia unveiled on Friday treaty proposals to limit NATO influence.", day(2022, 2, 15)),
        ("We may 2 or 3 times a year", day(2022, 2, 15)),
        ("Version 2021.12 and 31/31/2021 and 2021-13-01", day(2022, 2, 15)),
        ("set 5 points", day(2022, 2, 15)),
        ("", day(2022, 2, 15)),
    ])
    func nothingPlausibleGivesNil(text: String, reference: Date) {
        #expect(DateFinder.findDate(inText: text, reference: reference) == nil)
    }

    @Test func onlyTheTopOfTheArticleIsSearched() {
        let lines = (1...8).map { "Line \($0) of the article, with words." } + ["Published 26 January 2022"]
        #expect(DateFinder.findDate(inText: lines.joined(separator: "\n"), reference: Self.february2022) == nil)
        #expect(
            DateFinder.findDate(inText: lines.suffix(2).joined(separator: "\n"), reference: Self.february2022)
                == "2022-01-26")
    }

    @Test(arguments: [
        ("Fri, 17 Dec 2021 10:00:00 GMT", "2021-12-17T10:00:00Z"),
        ("Fri, 17 Dec 2021 10:00:00 +0100", "2021-12-17T09:00:00Z"),
        ("17 Dec 2021 23:30 -0500", "2021-12-18T04:30:00Z"),
        ("Sat, 1 Jan 2022 00:15:00 EST", "2022-01-01T05:15:00Z"),
        ("Fri, 17 Dec 21 10:00:00 GMT", "2021-12-17T10:00:00Z"),
        ("2021-12-17", "2021-12-17"),
        ("2021-12", "2021-12"),
        ("2021-12-17T10:00:00Z", "2021-12-17T10:00:00Z"),
        ("2021-12-17T10:00:00.123+02:00", "2021-12-17T08:00:00Z"),
        ("2021-12-17T01:00:00+03:00", "2021-12-16T22:00:00Z"),
        ("2021-12-17 10:00", "2021-12-17T10:00:00Z"),
        ("  2021-12-17 10:00:30  ", "2021-12-17T10:00:30Z"),
        ("1639735200", "2021-12-17T10:00:00Z"),
        ("1639735200000", "2021-12-17T10:00:00Z"),
        ("December 17, 2021 10:00 PM", "2021-12-17T22:00:00Z"),
        ("17 décembre 2021", "2021-12-17"),
    ])
    func metadataValuesBecomeISO(value: String, expected: String) {
        #expect(DateFinder.normalize(value) == expected)
    }

    @Test(arguments: ["", "yesterday", "2021", "2021-02-30", "Fri, 32 Dec 2021", "December 18", "n/a"])
    func metadataValuesWithoutAFullDateGiveNil(value: String) {
        #expect(DateFinder.normalize(value) == nil)
    }
}
