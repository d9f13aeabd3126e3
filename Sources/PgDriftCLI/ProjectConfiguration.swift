import Foundation
import PgDrift

/// The working directory's pgdrift.toml (or .yml / .yaml), read once. `Main` reads it before running a
/// command, so a bad file stops every command with exit 2 and one `pgdrift.toml:LINE: message` line;
/// commands then take their defaults from `current`, and their command-line options win over it.
enum ProjectConfiguration {
    static let loaded: Result<PgDriftConfiguration, ConfigurationError> = Result {
        () throws(ConfigurationError) in try PgDriftConfiguration.load(fromDirectory: FileManager.default.currentDirectoryPath)
    }

    static var current: PgDriftConfiguration { (try? loaded.get()) ?? PgDriftConfiguration() }
}
