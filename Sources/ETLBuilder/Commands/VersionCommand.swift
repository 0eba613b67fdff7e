import ArgumentParser

/// `etl-builder version`: prints the product version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    @OptionGroup var global: GlobalOptions

    func run() {
        print("etl-builder \(ProductVersion.current)")
    }
}
