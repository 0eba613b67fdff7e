import ArgumentParser

/// `etl-builder`: the scheduler-centric ETL daemon and its administration commands.
@main
struct ETLBuilderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etl-builder",
        abstract: "Scheduler-centric ETL/ELT daemon: cron-scheduled pipelines, REST API, systemd integration.",
        version: ProductVersion.current,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, UserCommand.self, ConnectionCommand.self, CronCommand.self, RunCommand.self,
            ValidateCommand.self, VersionCommand.self,
        ])
}
