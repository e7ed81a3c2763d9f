import Core
import Foundation
import Testing

struct GazetteerTests {
    @Test
    func malformedLineNamesFileAndLine() {
        #expect {
            _ = try EntityRecognizer(
                countries: "RU\tRussia\n", extra: "# comment\nbad line without tab\n",
                organisations: "")
        } throws: { error in
            let message = (error as? GazetteerError)?.message ?? ""
            return (error as? GazetteerError)?.code == .malformedLine && message.contains("'places-extra.tsv' line 2")
        }
    }

    @Test(arguments: ["bad id\tName\n", "NEW\t\tAlias\n"])
    func unusableIDsAndNamesAreRejected(line: String) {
        #expect(throws: GazetteerError.self) {
            _ = try EntityRecognizer(countries: "", extra: "", organisations: line)
        }
    }

    @Test
    func malformedWordCountsNameTheFile() {
        #expect {
            _ = try EntityRecognizer(countries: "", extra: "", organisations: "", wordCounts: "word\tmany\t1\n")
        } throws: { error in
            (error as? GazetteerError)?.message.contains("corpus-words.tsv") ?? false
        }
    }

    @Test
    func missingDirectoryNamesThePath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())")
        #expect {
            _ = try EntityRecognizer(contentsOf: directory)
        } throws: { error in
            (error as? GazetteerError)?.code == .unreadableFile
                && ((error as? GazetteerError)?.message.contains(directory.path) ?? false)
        }
    }

    @Test
    func laterFilesAddAliasesAndRenameButCannotStealAnAlias() throws {
        let recognizer = try EntityRecognizer(
            countries: "RU\tRussian Federation\tRussie\nMX\tMexico\n",
            extra: "RU\tRussia\tРоссия\ncity:mexico-city\tMexico City\tMexico\n",
            organisations: "")
        let entities = recognizer.entities(title: "", text: "Russie, Россия, Mexico.", language: "fr")
        #expect(entities.map(\.id) == ["RU", "MX"])
        #expect(entities.first?.name == "Russia")
    }

    @Test
    func acronymsMatchOnlyInCapitals() throws {
        let recognizer = try EntityRecognizer(countries: "US\tUnited States\tUS\n", extra: "", organisations: "")
        #expect(recognizer.entities(title: "", text: "Let us go. Us too.", language: "en").isEmpty)
        #expect(recognizer.entities(title: "", text: "The US said.", language: "en").map(\.id) == ["US"])
    }
}
