import Foundation
import PackagePlugin

/// Puts the package's `sql/NNN_name.sql` migrations inside the target that applies them, so that
/// the `relicensure` executable copied alone to `/usr/local/bin` still migrates (SPEC §7).
///
/// `sql/` stays the one place a migration is written; the build turns it into a Swift source
/// file of the files' exact bytes, and rebuilds it whenever one of them changes.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "sql")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".sql") }.sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [.buildCommand(displayName: "Embedding \(names.count) migrations from sql/",
                              executable: try context.tool(named: "MigrationEmbedder").url,
                              arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                              inputFiles: inputs, outputFiles: [output])]
    }
}
