import PgDriftDiff

/// `--format junit`: one test suite "pgdrift", one test case per table (or schema-level group), one
/// `<failure>` per error. A clean check is one passing test case, "schema".
///
/// Warnings and infos go to the test case's `<system-out>`, not `<failure type="warning">`: GitLab's test
/// report marks a test failed as soon as it has a `<failure>`, and a table whose only findings are warnings
/// passes `check` (exit 0) — a "failed" test on a green pipeline would cry wolf. GitLab ignores
/// `<system-out>` text, so those findings show there only under `--strict` or a `[severity]` override to
/// `error`; Jenkins and other viewers show `<system-out>`, and drift-report.md lists them for people.
public enum JUnitReport {
    /// The JUnit XML document, ending with a newline; source paths under `baseDirectory` are made relative to it.
    /// What was compared, as a property (nothing when the report does not say).
    static func comparedProperty(_ report: DriftReport) -> String {
        report.comparedSentence.map { "\n      <property name=\"compared\" value=\"\(escape($0, attribute: true))\"/>" } ?? ""
    }

    public static func render(_ report: DriftReport, baseDirectory: String? = nil) -> String {
        // Each suite says what it compared: a fleet's, its member.
        func properties(_ database: String) -> String {
            """
                <properties>
                  <property name="expected" value="\(escape(report.expected, attribute: true))"/>
                  <property name="database" value="\(escape(database, attribute: true))"/>\(comparedProperty(report))
                </properties>
            """
        }
        // A fleet: one test suite per member; a member that could not be audited is one test case in error.
        let suites: [Suite]
        if let members = report.memberReports {
            suites = members.map { target, own in
                guard let error = target.error else { return suite(target.name, own, baseDirectory: baseDirectory) }
                let line = "    <testcase classname=\"pgdrift\" name=\"connection\">\n"
                    + "      <error message=\"\(escape(error, attribute: true))\"/>\n    </testcase>"
                return Suite(name: target.name, cases: [line], failures: 0, errors: 1)
            }
        } else {
            suites = [suite("pgdrift", report, baseDirectory: baseDirectory)]
        }
        let (tests, failures, errors) = (suites.map(\.cases.count).reduce(0, +), suites.map(\.failures).reduce(0, +), suites.map(\.errors).reduce(0, +))
        let body = suites.map { suite in
            let counts = "tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\""
            return "  <testsuite name=\"\(escape(suite.name, attribute: true))\" \(counts) skipped=\"0\">\n"
                + properties(report.targets == nil ? report.database : suite.name) + "\n" + suite.cases.joined(separator: "\n") + "\n  </testsuite>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="pgdrift" tests="\(tests)" failures="\(failures)" errors="\(errors)">
            \(body.joined(separator: "\n"))
            </testsuites>

            """
    }

    /// One test suite's cases: one per table (or schema-level group), counted as JUnit counts them.
    struct Suite {
        var name: String
        var cases: [String]
        /// Failed test cases (JUnit's meaning), not <failure> elements.
        var failures: Int
        var errors = 0
    }

    static func suite(_ name: String, _ report: DriftReport, baseDirectory: String?) -> Suite {
        var cases: [String] = []
        var failedCases = 0
        for (group, findings) in report.groups {
            let errors = findings.filter { $0.severity == .error }
            let notes = findings.filter { $0.severity != .error }
            if !errors.isEmpty { failedCases += 1 }
            // GitLab links the test case to this file (a path from the repository root).
            let file = findings.compactMap(\.source).first.map { " file=\"\(escape(SourcePaths.relative($0.file, to: baseDirectory), attribute: true))\"" } ?? ""
            var lines = ["    <testcase classname=\"\(escape(findings[0].schema, attribute: true))\" name=\"\(escape(group, attribute: true))\"\(file)>"]
            for finding in errors {
                lines.append("      <failure type=\"\(finding.kind.rawValue)\" message=\"\(escape(finding.message, attribute: true))\">"
                    + escape(details(finding, baseDirectory: baseDirectory), attribute: false) + "</failure>")
            }
            if !notes.isEmpty {
                let text = notes.map { "\($0.severity.rawValue) \(details($0, baseDirectory: baseDirectory))" }.joined(separator: "\n")
                lines.append("      <system-out>" + escape(text, attribute: false) + "</system-out>")
            }
            lines.append("    </testcase>")
            cases.append(lines.joined(separator: "\n"))
        }
        if cases.isEmpty { cases = ["    <testcase classname=\"pgdrift\" name=\"schema\"/>"] }
        return Suite(name: name, cases: cases, failures: failedCases)
    }

    /// The finding for people: kind and message, then expected, actual, where declared and the hint.
    static func details(_ finding: Finding, baseDirectory: String?) -> String {
        var lines = ["\(finding.kind.rawValue): \(finding.message)"]
        if let expected = finding.expected { lines.append("expected: \(expected)") }
        if let actual = finding.actual { lines.append("actual:   \(actual)") }
        if var source = finding.source {
            source.file = SourcePaths.relative(source.file, to: baseDirectory)
            lines.append("declared at \(source)")
        }
        if let migration = finding.migration, finding.kind.isAboutAnObject { lines.append("migration: \(migration.says)") }
        if let hint = finding.hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// The one XML escaping function. Characters XML 1.0 cannot carry at all (most C0 controls) become
    /// U+FFFD; in attributes, line breaks and tabs are written as references so parsers keep them.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
