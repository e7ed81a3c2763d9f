import Foundation
import Testing

@testable import Core

/// Reading labelled corpora: MasakhaNEWS-style TSV with CSV quoting, folders of TSVs, folders of labels.
struct ClassificationCorpusTests {
    private func examples(_ tsv: String, language: String = "en") throws -> [LabeledExample] {
        try LabeledCorpus.examples(tsv: Array(tsv.utf8), language: language)
    }

    @Test func plainRowsAreReadUnderTheirHeader() throws {
        let read = try examples("category\theadline\ttext\nsports\tCup final\tThe match ended 2-1.\n")
        #expect(
            read == [LabeledExample(label: "sports", title: "Cup final", text: "The match ended 2-1.", language: "en")])
    }

    @Test func quotedFieldsKeepTabsNewlinesAndEscapedQuotes() throws {
        let tsv = "category\theadline\ttext\r\nbusiness\t\"Shops \"\"in limbo\"\"\"\t\"Line one\n\tLine two\"\r\n"
        let read = try examples(tsv)
        #expect(read.count == 1)
        #expect(read.first?.title == "Shops \"in limbo\"")
        #expect(read.first?.text == "Line one\n\tLine two")
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        let read = try examples("category\theadline\ttext\nhealth\tThe \"flu\" season\tBody\n")
        #expect(read.first?.title == "The \"flu\" season")
    }

    @Test func columnsAreFoundByNameAndBlankLinesSkipped() throws {
        let read = try examples("text\tcategory\theadline\n\nBody\tpolitics\tVote\n\n")
        #expect(read == [LabeledExample(label: "politics", title: "Vote", text: "Body", language: "en")])
    }

    @Test func aWrongHeaderIsRejectedWithTheColumnsToUse() throws {
        let failure = #expect(throws: TSVReader.Failure.self) { try examples("label\ttitle\tbody\nsports\ta\tb\n") }
        #expect(failure?.line == 1)
        #expect(failure?.reason.contains("category, headline and text") == true)
    }

    @Test func anUnclosedQuoteNamesTheLineItOpensOn() throws {
        let failure = #expect(throws: TSVReader.Failure.self) {
            try examples("category\theadline\ttext\nsports\ta\tb\nsports\t\"never closed\tb\nmore\n")
        }
        #expect(failure?.line == 3)
    }

    @Test func aRowWithTooFewFieldsNamesItsLine() throws {
        let failure = #expect(throws: TSVReader.Failure.self) {
            try examples("category\theadline\ttext\nsports\ta\tb\nsports only two\tb\n")
        }
        #expect(failure?.line == 3)
    }

    @Test(arguments: [("eng.tsv", "en"), ("fra.tsv", "fr"), ("en.tsv", "en"), ("swa-train.tsv", "sw")])
    func theLanguageComesFromTheFileName(name: String, code: String) {
        #expect(LabeledCorpus.language(ofFileNamed: name) == code)
    }

    @Test func aFileErrorNamesThePathAndLine() throws {
        let folder = try TopicFixtures.Folder()
        let file = folder.url.appendingPathComponent("eng.tsv")
        try Data("category\theadline\ttext\n\"open\tx\ty\n".utf8).write(to: file)
        let error = #expect(throws: CorpusError.self) { try LabeledCorpus.examples(tsvAt: file) }
        #expect(error?.code == .malformed)
        #expect(error?.message.hasPrefix("'\(file.path)' line 2:") == true)
    }

    @Test func aFileWithoutALanguageInItsNameIsRejected() throws {
        let folder = try TopicFixtures.Folder()
        let file = folder.url.appendingPathComponent("articles.tsv")
        try Data("category\theadline\ttext\n".utf8).write(to: file)
        let error = #expect(throws: CorpusError.self) { try LabeledCorpus.examples(tsvAt: file) }
        #expect(error?.code == .unknownLanguage)
    }

    @Test func aFolderOfTSVFilesGivesEveryLanguage() throws {
        let folder = try TopicFixtures.Folder()
        try Data("category\theadline\ttext\nsports\tMatch\tGoal\n".utf8).write(
            to: folder.url.appendingPathComponent("eng.tsv"))
        try Data("category\theadline\ttext\nsante\tGrippe\tVaccin\n".utf8).write(
            to: folder.url.appendingPathComponent("fra.tsv"))
        let read = try LabeledCorpus.examples(at: folder.url, language: { _ in "xx" })
        #expect(read.map(\.language) == ["en", "fr"])
    }

    @Test func aFolderOfLabelFoldersGivesOneArticlePerFile() throws {
        let folder = try TopicFixtures.Folder()
        for (label, file, content) in [
            ("gardening", "a.txt", "\nRoses in winter\nPrune them early."), ("cooking", "b.txt", "Bread\nKnead it."),
        ] {
            let labelFolder = folder.url.appendingPathComponent(label)
            try FileManager.default.createDirectory(at: labelFolder, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: labelFolder.appendingPathComponent(file))
        }
        let read = try LabeledCorpus.examples(at: folder.url, language: { $0.contains("Bread") ? "en" : "de" })
        #expect(
            read == [
                LabeledExample(label: "cooking", title: "Bread", text: "Knead it.", language: "en"),
                LabeledExample(label: "gardening", title: "Roses in winter", text: "Prune them early.", language: "de"),
            ])
    }

    @Test func anEmptyFolderIsRejectedWithTheLayoutsExpected() throws {
        let folder = try TopicFixtures.Folder()
        let error = #expect(throws: CorpusError.self) {
            try LabeledCorpus.examples(at: folder.url, language: { _ in "en" })
        }
        #expect(error?.code == .tooSmall)
        #expect(error?.message.contains("one folder per label") == true)
    }
}
