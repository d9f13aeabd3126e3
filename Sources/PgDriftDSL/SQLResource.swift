import Foundation

/// SQL kept in a `.sql` file among a target's resources rather than in a Swift string: a long function
/// body reads and diffs better there, with an editor's SQL highlighting.
///
/// ```swift
/// Function("ingest_videos", arguments: "p_payload jsonb", returns: "integer",
///          body: SQLResource.text("sql/functions/public.ingest_videos.sql", in: .module))
/// ```
///
/// The file is the text byte for byte (PostgreSQL keeps a body as written, so a newline an editor adds at
/// the end is part of it). The target declares the folder: `resources: [.copy("sql")]`.
public enum SQLResource {
    /// The text of the file at `path` in `bundle`'s resources (`Bundle.module` of the model's target). A
    /// file missing from the bundle stops the program with its path: the model cannot mean anything
    /// without it.
    public static func text(_ path: String, in bundle: Bundle) -> String {
        let candidates = [bundle.resourceURL, bundle.bundleURL].compactMap { $0?.appendingPathComponent(path) }
        for url in candidates {
            if let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) { return text }
        }
        fatalError("pgdrift: \(path) is not among the resources of \(bundle.bundlePath); declare its folder with resources: [.copy(\"sql\")]")
    }
}
