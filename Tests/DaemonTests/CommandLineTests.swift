import Foundation
import Testing

/// The CLI's contracts: exit codes and messages that name the input.
struct CommandLineTests {
    @Test func emptyQueryIsAUsageError() throws {
        let (root, _, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try newsdrop(["search", "--state-dir", state, ""])
        #expect(result.status == 64)
        #expect(result.error.contains("empty"))
    }

    @Test func missingStateDirectoryIsNamed() throws {
        let result = try newsdrop(["status", "--state-dir", "/nonexistent/newsdrop-state", "--json"])
        #expect(result.status == 1)
        #expect(result.error.contains("/nonexistent/newsdrop-state"))
    }

    @Test func badConfigStopsStartUpNamingTheKey() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "settle_time = \"soon\"\n".write(toFile: root + "/bad.toml", atomically: false, encoding: .utf8)
        let result = try newsdrop(["run", "--config", root + "/bad.toml", "--inbox", inbox, "--state-dir", state])
        #expect(result.status == 64)
        #expect(result.error.contains("settle_time"))
        #expect(result.error.contains(root + "/bad.toml"))
    }

    @Test func theDocumentedExampleConfigurationIsValid() throws {
        let example = NewsdropBinary.packageRoot.path + "/config/newsdrop.toml"
        let result = try newsdrop(["run", "--config", example, "--inbox", "/nonexistent/newsdrop-inbox"])
        // Every key is read; only the drop folder, which does not exist here, is refused.
        #expect(result.status == 64)
        #expect(result.error.contains("/nonexistent/newsdrop-inbox"))
        #expect(!result.error.contains(example))
    }

    @Test func unknownConfigKeyIsNamed() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "inbox_dir = \"/x\"\n".write(toFile: root + "/bad.toml", atomically: false, encoding: .utf8)
        let result = try newsdrop(["run", "--config", root + "/bad.toml", "--inbox", inbox, "--state-dir", state])
        #expect(result.status == 64)
        #expect(result.error.contains("inbox_dir"))
    }

    @Test func stateDirectoryInsideTheDropFolderIsRefused() throws {
        let (root, inbox, _) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try newsdrop(["run", "--inbox", inbox, "--state-dir", inbox + "/state"])
        #expect(result.status == 64)
        #expect(result.error.contains("inside the drop folder"))
    }

    @Test func classifyGivesTheContractFieldsWithoutAnArchive() throws {
        let seeds = NewsdropBinary.seeds
        try #require(!seeds.isEmpty)
        let result = try newsdrop(["classify", "--json"] + seeds.map(\.path))
        #expect(result.status == 0)
        let rows = result.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == seeds.count)
        for row in rows {
            for key in ["path", "title", "language", "language_confidence", "topics", "entities", "format", "text"] {
                #expect(row[key] != nil, "field \(key)")
            }
            #expect(row.keys.contains("date"))
        }
    }

    @Test func classifyGivesOnePersonIDForOneStatementInThreeLanguagesAndTwoScripts() throws {
        let reports = [
            "en.txt": "Putin warns the West\n\nPresident Vladimir Putin said on Tuesday that Russia would answer "
                + "any attack. Putin spoke in Moscow after talks with his security council.",
            "fr.txt": "Poutine met en garde l'Occident\n\nLe président Vladimir Poutine a déclaré mardi que la Russie "
                + "répondrait à toute attaque. Poutine s'exprimait à Moscou après une réunion de son conseil de sécurité.",
            "ru.txt": "Путин предупредил Запад\n\nПрезидент Владимир Путин заявил во вторник, что Россия ответит на "
                + "любое нападение. Путин выступил в Москве после совещания с Советом безопасности.",
        ]
        let people = try classifiedPeople(reports)
        #expect(people.count == 3)
        for (path, ids) in people { #expect(ids == ["person:vladimir-putin"], "\(path)") }
    }

    /// The table of variants, named by the surname alone as news does after the first
    /// mention: the public-figure table gives each one id in every language and script.
    @Test func classifyGivesOneIDPerFigureNamedBySurnameAloneInFiveLanguages() throws {
        let reports = [
            "en.txt": "Talks in Geneva\n\nZelensky said on Monday that Lavrov had rejected the plan. Zelenskyy's "
                + "office added that Lavrov would be invited again.",
            "fr.txt": "Pourparlers à Genève\n\nZelensky a déclaré lundi que Sergueï Lavrov avait rejeté le plan. "
                + "Le bureau de Zelensky a ajouté que Lavrov serait de nouveau invité.",
            "de.txt": "Gespräche in Genf\n\nSelenskyj sagte am Montag, Lawrow habe den Plan abgelehnt. Das Büro von "
                + "Selenskyj fügte hinzu, Lawrow werde erneut eingeladen.",
            "ru.txt": "Переговоры в Женеве\n\nЗеленский заявил в понедельник, что Лавров отверг план. В офисе "
                + "Зеленского добавили, что Лавров будет приглашён снова.",
            "uk.txt": "Переговори в Женеві\n\nЗеленський заявив у понеділок, що Лавров відкинув план. В офісі "
                + "Зеленського додали, що Лавров буде запрошений знову.",
        ]
        let people = try classifiedPeople(reports)
        #expect(people.count == 5)
        for (path, ids) in people {
            #expect(Set(ids) == ["person:vladimir-zelenski", "person:sergei-lavrov"], "\(path)")
        }
    }

    /// Writes each report (file name → text) into a new workspace, runs `newsdrop classify --json` on
    /// them and returns the person ids of each article (by path), most mentioned first.
    private func classifiedPeople(_ reports: [String: String]) throws -> [String: [String]] {
        let (folder, _, _) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in reports { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let result = try newsdrop(["classify", "--json"] + reports.keys.sorted().map { folder + "/" + $0 })
        #expect(result.status == 0, "\(result.error)")
        var people: [String: [String]] = [:]
        for line in result.output.split(separator: "\n") {
            guard let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let entities = row["entities"] as? [[String: Any]] ?? []
            people[row["path"] as? String ?? ""] = entities.filter { $0["kind"] as? String == "person" }.compactMap {
                $0["id"] as? String
            }
        }
        return people
    }

    @Test func ingestOfABinaryFileExitsWithBadInputAndKeepsTheRest() throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34]).write(to: URL(fileURLWithPath: inbox + "/a.txt"))
        try "Les pêcheurs de Bretagne manifestent au port ce matin.\nIls demandent des quotas plus justes."
            .write(toFile: inbox + "/b.txt", atomically: false, encoding: .utf8)
        let result = try newsdrop(["ingest", "--state-dir", state, inbox])
        #expect(result.status == 65)
        #expect(result.output.contains("PDF document"))
        let status = try newsdrop(["status", "--state-dir", state, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        #expect(object?["documents"] as? Int == 1)
        #expect(object?["rejected"] as? Int == 1)
    }

    /// `newsdrop ingest` sends its events to the journal while its rounds commit (issue 12): each
    /// file's event once, in the order of the commits, and none left for a later command to send.
    @Test(.enabled(if: JournalReader.isAvailable))
    func ingestSendsEveryRoundsEventsToTheJournalInOrder() async throws {
        let (root, inbox, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Rounds at the end take 64 files: 150 files make several rounds and several sends.
        let topics = ["harbour", "vaccine", "election", "football", "railway", "budget"]
        for index in 0..<150 {
            let topic = topics[index % topics.count]
            try "Report \(index) on the \(topic)\nThe \(topic) council met on day \(index) about its plans."
                .write(toFile: inbox + String(format: "/report-%03d.txt", index), atomically: false, encoding: .utf8)
        }
        var pid: Int32 = 0
        let result = try runToCompletion(
            NewsdropBinary.path, ["ingest", "--state-dir", state, inbox], started: { pid = $0 })
        #expect(result.status == 0, "\(result.error)")
        // journald files datagrams after the sender is gone: wait for all of them.
        let paths = try await eventually {
            // Ingested, or duplicate: the reports are much alike.
            let events = try JournalReader.entries(pid: pid).filter { $0["NEWSDROP_EVENT"] != nil }
            let paths = events.compactMap { $0["NEWSDROP_PATH"] }
            return paths.count >= 150 ? paths : nil
        }
        #expect(paths?.count == 150)
        #expect(Set(paths ?? []).count == 150)
        // Files are committed in the order of their paths, round after round.
        #expect(paths == paths?.sorted())
        // A second ingest sends its one new event, and nothing before it: the first left none unsent
        // (the outbox is sent oldest first).
        try "A late report\nThe harbour council met again.".write(
            toFile: inbox + "/zz-late.txt", atomically: false, encoding: .utf8)
        var again: Int32 = 0
        let second = try runToCompletion(
            NewsdropBinary.path, ["ingest", "--state-dir", state, inbox], started: { again = $0 })
        #expect(second.status == 0)
        let sent = try await eventually {
            let events = try JournalReader.entries(pid: again).filter { $0["NEWSDROP_EVENT"] != nil }
            return events.contains { $0["NEWSDROP_PATH"] == inbox + "/zz-late.txt" } ? events : nil
        }
        #expect(sent?.map { $0["NEWSDROP_PATH"] } == [inbox + "/zz-late.txt"])
    }
}
