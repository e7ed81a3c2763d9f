import ArgumentParser
import Glibc

/// The `newsdrop` command: the daemon and the tools that read its archive.
@main
struct Newsdrop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdrop",
        abstract: "Watch a drop folder for news articles, index them, and report every change to the journal.",
        version: Newsdrop.version,
        subcommands: [
            RunCommand.self, IngestCommand.self, SearchCommand.self, ShowCommand.self, StatusCommand.self,
            ClassifyCommand.self, TrainCommand.self, DigestCommand.self, StoriesCommand.self, CheckCommand.self,
            ReindexCommand.self,
        ]
    )

    /// The release, as `newsdrop --version` prints it; the Makefile's `deb` target reads it from here.
    static let version = "0.4.0"
}

/// Exit codes of DESIGN.md (sysexits).
enum Exit {
    /// The command ran but something failed at run time.
    static let failure = ExitCode(1)
    /// The command line was wrong.
    static let usage = ExitCode(64)
    /// An input file or query could not be used.
    static let badInput = ExitCode(65)
}

/// Prints `message` to stderr as `newsdrop: message` and returns the exit code to throw.
func fail(_ message: String, _ code: ExitCode) -> ExitCode {
    printError("newsdrop: " + message)
    return code
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var stream = StandardError()
    print(line, to: &stream)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
