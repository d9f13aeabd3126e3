import Foundation

/// How reports for CI name a finding's SQL file. GitHub and GitLab resolve paths against the repository
/// root (where pgdrift runs), so an absolute path under the working directory is made relative to it.
enum SourcePaths {
    /// `file` relative to `base` when it lies under it; otherwise unchanged.
    static func relative(_ file: String, to base: String?) -> String {
        guard file.hasPrefix("/"), let base, !base.isEmpty else { return file }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// A URI reference for SARIF's `artifactLocation.uri`: a relative reference when possible, else `file://`.
    static func uri(_ file: String, base: String?) -> String {
        let path = relative(file, to: base)
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=@")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
