import Foundation
import Glibc
import Testing

/// The files of deploy/ and `make install`, checked with systemd's own offline tools: the unit's
/// hardening score and validity, the catalog, the sysusers and tmpfiles lines, the install layout.
struct DeployTests {
    static let root = NewsdropBinary.packageRoot.path
    static let messageIDs = (1...7).map { "5b1f7a0e3c2d4e8f9a6b0c1d2e3f4a5\($0)" }

    @Test func unitExposureIsAtMost1Point5() throws {
        let result = try DeployCommand.run(
            "systemd-analyze", "security", "--offline=true", Self.root + "/deploy/newsdrop.service")
        let line = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let score = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        #expect(score != nil, "no overall exposure in: \(result.output)")
        #expect((score ?? 10) <= 1.5, "exposure \(score ?? 10): \(result.output)")
    }

    @Test func installedUnitVerifies() throws {
        let tree = try DeployTree("verify")
        defer { tree.remove() }
        try tree.addSystemUnitsAndKill()
        try tree.linkBinary(at: "usr/local/bin/newsdrop")
        let unit = try String(contentsOfFile: Self.root + "/deploy/newsdrop.service", encoding: .utf8)
            .replacingOccurrences(of: "ExecStart=/usr/bin/newsdrop", with: "ExecStart=/usr/local/bin/newsdrop")
        try tree.write(unit, to: "usr/local/lib/systemd/system/newsdrop.service")
        // --man=no: the man page is checked by the `make install` test, which installs it.
        let result = try DeployCommand.run(
            "systemd-analyze", "verify", "--root=" + tree.path, "--man=no",
            "/usr/local/lib/systemd/system/newsdrop.service")
        #expect(result.status == 0, "\(result.output)")
        // Unknown keys and bad values are warnings with status 0: any output is a finding.
        #expect(result.output.isEmpty, "\(result.output)")
    }

    @Test func catalogHasEveryMessageID() throws {
        let tree = try DeployTree("catalog")
        defer { tree.remove() }
        try tree.copy(Self.root + "/deploy/newsdrop.catalog", to: "usr/lib/systemd/catalog/newsdrop.catalog")
        let update = try DeployCommand.run("journalctl", "--root=" + tree.path, "--update-catalog")
        #expect(update.status == 0, "\(update.output)")
        let list = try DeployCommand.run("journalctl", "--root=" + tree.path, "--list-catalog")
        for id in Self.messageIDs {
            #expect(list.output.contains(id + " newsdrop: "), "\(id) is not in the catalog: \(list.output)")
        }
        // Each entry names its documentation and fields, as journalctl -x shows them.
        let rejected = try DeployCommand.run("journalctl", "--root=" + tree.path, "--dump-catalog", Self.messageIDs[4])
        #expect(rejected.output.contains("Documentation: man:newsdrop(1)"))
        #expect(rejected.output.contains("@NEWSDROP_REASON@"))
    }

    @Test func sysusersAndTmpfilesMakeTheUserAndFolders() throws {
        let tree = try DeployTree("users")
        defer { tree.remove() }
        try tree.copy(Self.root + "/deploy/newsdrop.sysusers", to: "usr/lib/sysusers.d/newsdrop.conf")
        try tree.copy(Self.root + "/deploy/newsdrop.tmpfiles", to: "usr/lib/tmpfiles.d/newsdrop.conf")
        try FileManager.default.createDirectory(atPath: tree.path + "/etc", withIntermediateDirectories: true)
        let users = try DeployCommand.run("systemd-sysusers", "--root=" + tree.path, "newsdrop.conf")
        #expect(users.status == 0, "\(users.output)")
        let passwd = try String(contentsOfFile: tree.path + "/etc/passwd", encoding: .utf8)
        let entry = passwd.split(separator: "\n").first { $0.hasPrefix("newsdrop:") }.map { $0.split(separator: ":") }
        try #require(entry != nil, "no newsdrop user in \(passwd)")
        #expect(entry?[5] == "/var/lib/newsdrop")
        #expect(entry?[6] == "/usr/sbin/nologin")
        let group = try String(contentsOfFile: tree.path + "/etc/group", encoding: .utf8)
        #expect(group.contains("newsdrop:x:" + (entry?[3] ?? "?") + ":"))

        let folders = try DeployCommand.run("systemd-tmpfiles", "--root=" + tree.path, "--create", "newsdrop.conf")
        #expect(folders.status == 0, "\(folders.output)")
        #expect(!folders.output.contains("Failed"), "\(folders.output)")
        let uid = UInt32(entry?[2] ?? "") ?? 0
        let gid = UInt32(entry?[3] ?? "") ?? 0
        #expect(try tree.status(of: "srv/newsdrop/inbox") == .init(mode: 0o2770, uid: 0, gid: gid))
        #expect(try tree.status(of: "var/lib/newsdrop") == .init(mode: 0o750, uid: uid, gid: gid))
        let acl = try DeployCommand.run(
            "getfacl", "--omit-header", "--absolute-names", tree.path + "/srv/newsdrop/inbox")
        #expect(acl.output.contains("default:group::rwx"), "\(acl.output)")
        #expect(acl.output.contains("default:other::---"), "\(acl.output)")
    }

    @Test(.timeLimit(.minutes(5)))  // the first run builds the man page tool (about a minute)
    func makeInstallLaysOutEverythingAndUninstallTakesItBack() throws {
        let tree = try DeployTree("install")
        defer { tree.remove() }
        let variables = [
            "DESTDIR=" + tree.path + "/root", "PREFIX=/usr/local", "BIN=" + NewsdropBinary.path,
            "MAN=" + tree.path + "/man",
        ]
        let install = try DeployCommand.run(["make", "-C", Self.root, "install"] + variables)
        try #require(install.status == 0, "\(install.output)")

        let expected =
            [
                "usr/local/bin/newsdrop", "usr/local/lib/systemd/system/newsdrop.service",
                "usr/local/lib/sysusers.d/newsdrop.conf", "usr/local/lib/tmpfiles.d/newsdrop.conf",
                "usr/local/lib/systemd/catalog/newsdrop.catalog", "usr/local/share/man/man1/newsdrop.1",
                "usr/local/share/man/man1/newsdrop.run.1", "usr/local/share/doc/newsdrop/README.md",
                "etc/newsdrop/newsdrop.toml",
            ]
            + ["topics.model", "countries.tsv", "places-extra.tsv", "organisations.tsv", "idf.tsv", "corpus-words.tsv"]
            .map { "usr/local/share/newsdrop/" + $0 }
        let installed = Set(tree.files(under: "root"))
        for file in expected { #expect(installed.contains(file), "\(file) is not installed") }
        #expect(FileManager.default.isExecutableFile(atPath: tree.path + "/root/usr/local/bin/newsdrop"))
        let unit = try String(
            contentsOfFile: tree.path + "/root/usr/local/lib/systemd/system/newsdrop.service", encoding: .utf8)
        #expect(unit.contains("\nExecStart=/usr/local/bin/newsdrop run --config /etc/newsdrop/newsdrop.toml\n"))
        #expect(unit.contains("file:///usr/local/share/doc/newsdrop/README.md"))
        let manPage = try String(
            contentsOfFile: tree.path + "/root/usr/local/share/man/man1/newsdrop.1", encoding: .utf8)
        #expect(manPage.contains(".Dt NEWSDROP 1"))

        // The installed unit verifies against the installed binary and man page.
        try tree.addSystemUnitsAndKill(under: "root")
        let verify = try DeployCommand.run(
            [
                "systemd-analyze", "verify", "--root=" + tree.path + "/root",
                "/usr/local/lib/systemd/system/newsdrop.service",
            ],
            environment: ["MANPATH": tree.path + "/root/usr/local/share/man"])
        #expect(verify.status == 0 && verify.output.isEmpty, "\(verify.output)")
        try tree.removeSystemUnitsAndKill(under: "root")

        // A changed configuration survives install and uninstall.
        let config = tree.path + "/root/etc/newsdrop/newsdrop.toml"
        let changed = try String(contentsOfFile: config, encoding: .utf8) + "digest_stories = 5\n"
        try changed.write(toFile: config, atomically: false, encoding: .utf8)
        let again = try DeployCommand.run(["make", "-C", Self.root, "install"] + variables)
        #expect(again.status == 0 && again.output.contains("Keeping the existing"), "\(again.output)")
        let uninstall = try DeployCommand.run(["make", "-C", Self.root, "uninstall"] + variables)
        #expect(uninstall.status == 0, "\(uninstall.output)")
        #expect(tree.files(under: "root") == ["etc/newsdrop/newsdrop.toml"])
        #expect(try String(contentsOfFile: config, encoding: .utf8) == changed)

        // The shipped configuration, unchanged, goes with the rest.
        try FileManager.default.removeItem(atPath: config)
        #expect(try DeployCommand.run(["make", "-C", Self.root, "install"] + variables).status == 0)
        #expect(try DeployCommand.run(["make", "-C", Self.root, "uninstall"] + variables).status == 0)
        #expect(tree.files(under: "root") == [])
    }
}

/// A temporary file tree standing in for `/`, unique per test (they run in parallel).
struct DeployTree {
    let path: String

    init(_ name: String) throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "newsdrop-deploy-\(name)-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func copy(_ source: String, to relative: String) throws {
        let target = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target)
    }

    func write(_ text: String, to relative: String) throws {
        let target = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: target, atomically: false, encoding: .utf8)
    }

    /// The debug binary, hard-linked (it is large) or copied: with --root, a symlink would be
    /// resolved inside the tree.
    func linkBinary(at relative: String) throws {
        let target = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            try FileManager.default.linkItem(atPath: NewsdropBinary.path, toPath: target)
        } catch {
            try FileManager.default.copyItem(atPath: NewsdropBinary.path, toPath: target)
        }
    }

    static let systemUnits = "usr/lib/systemd/system"

    /// What `systemd-analyze verify --root` looks up besides the unit: the targets and slices it
    /// depends on, and ExecReload's /bin/kill.
    func addSystemUnitsAndKill(under prefix: String = "") throws {
        let base = prefix.isEmpty ? "" : prefix + "/"
        let host = "/usr/lib/systemd/system"
        for name in try FileManager.default.contentsOfDirectory(atPath: host)
        where name.hasSuffix(".target") || name.hasSuffix(".slice") {
            try copy(host + "/" + name, to: base + Self.systemUnits + "/" + name)
        }
        try copy("/bin/kill", to: base + "bin/kill")
    }

    func removeSystemUnitsAndKill(under prefix: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + prefix + "/usr/lib")
        try FileManager.default.removeItem(atPath: path + "/" + prefix + "/bin")
    }

    /// Every regular file below `relative`, as paths relative to it, sorted.
    func files(under relative: String) -> [String] {
        let base = path + "/" + relative
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let name = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(name)
            }
        }
        return found.sorted()
    }

    struct Status: Equatable {
        var mode: UInt32
        var uid: UInt32
        var gid: UInt32
    }

    /// Permission bits (with setgid) and owner of a file in the tree.
    func status(of relative: String) throws -> Status {
        var info = stat()
        guard stat(path + "/" + relative, &info) == 0 else { throw TestFailure("cannot stat \(relative)") }
        return Status(mode: UInt32(info.st_mode) & 0o7777, uid: info.st_uid, gid: info.st_gid)
    }
}

/// Runs a tool found on PATH to completion, standard output and error together.
enum DeployCommand {
    static func run(_ arguments: String...) throws -> CommandResult {
        try run(arguments)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), error: "")
    }
}
