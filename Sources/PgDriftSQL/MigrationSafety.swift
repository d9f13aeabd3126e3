/// What a migration may not make pgdrift do. Reading migrations must never run programs, touch the
/// server's files, load code into the server or change its configuration: each of those needs a
/// superuser (or one of the roles that stand in for one), and pgdrift refuses them before running
/// anything. The shadow database's ordinary role is the backstop for what only running the SQL
/// reveals (`EXECUTE` of built strings, functions the migration calls).
package enum MigrationSafety {
    /// A statement that needs a superuser: what it does, for people, and where it starts.
    package struct Refusal: Sendable, Equatable, CustomStringConvertible {
        /// Such as `COPY … PROGRAM`.
        package var what: String
        /// Byte offset in the script.
        package var offset: Int
        /// `COPY … PROGRAM needs superuser`.
        package var description: String { "\(what) needs superuser" }
    }

    /// The first statement of `script` that needs a superuser, if any. DO blocks are read statement by
    /// statement with PL/pgSQL's parser.
    package static func firstRefusal(in script: ParsedScript) -> Refusal? {
        for statement in script.statements {
            if let what = refusal(tag: statement.tag, statement.node, depth: 0) {
                return Refusal(what: what.what, offset: statement.offset + bodyOffset(what.bodyLine, statement, script))
            }
        }
        return nil
    }

    /// Functions that read or write the server's files, or run as the server's OS user.
    static let serverFileFunctions: Set<String> = [
        "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export",
        "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync", "pg_logdir_ls",
        "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir", "pg_ls_archive_statusdir", "dblink_connect_u",
    ]
    /// Languages only a superuser may write functions in: C, the server's internal functions, and the
    /// untrusted procedural languages.
    static let superuserLanguages: Set<String> = [
        "c", "internal", "plpythonu", "plpython2u", "plpython3u", "plperlu", "pltclu", "plsh", "plrustu",
    ]

    /// What a statement (or, for a DO block, which line of its body) needs a superuser for.
    private static func refusal(tag: String, _ node: ParseNode, depth: Int) -> (what: String, bodyLine: Int?)? {
        switch tag {
        case "CopyStmt" where node["is_program"]?.bool == true:
            return ("COPY … PROGRAM", nil)
        case "CopyStmt" where node["filename"]?.string != nil:
            return ("COPY … to or from a server file", nil)
        case "CreateFunctionStmt":
            for element in node["options"]?.elements ?? [] {
                guard let option = element.node("DefElem"), option["defname"]?.isString("language") == true,
                    let language = option["arg"]?.node("String")?["sval"]?.string?.lowercased()
                else { continue }
                if superuserLanguages.contains(language) { return ("CREATE FUNCTION … LANGUAGE \(language)", nil) }
            }
        case "LoadStmt": return ("LOAD", nil)
        case "AlterSystemStmt": return ("ALTER SYSTEM", nil)
        case "CreatePLangStmt": return ("CREATE LANGUAGE", nil)
        case "CreateEventTrigStmt": return ("CREATE EVENT TRIGGER", nil)
        case "CreateSubscriptionStmt": return ("CREATE SUBSCRIPTION", nil)
        case "DoStmt" where depth < 4:
            let (language, body) = DoBlockSQL.languageAndBody(node)
            guard language == "plpgsql", let body, let pieces = try? DoBlockSQL.pieces(ofPLpgSQL: body) else { break }
            for piece in pieces where !piece.isDynamic {
                guard let script = try? ParsedScript(piece.isStatement ? piece.sql : "SELECT " + piece.sql) else { continue }
                for inner in script.statements {
                    if let found = refusal(tag: inner.tag, inner.node, depth: depth + 1) { return (found.what, piece.line) }
                }
            }
            return nil
        default: break
        }
        for call in node.descendants("FuncCall") {
            guard let name = call["funcname"]?.strings.last?.lowercased(), serverFileFunctions.contains(name) else { continue }
            return ("\(name)()", nil)
        }
        return nil
    }

    /// Byte offset, from the statement's start, of line `bodyLine` of a DO block's body (the body's text
    /// stands verbatim in the statement, dollar-quoted).
    private static func bodyOffset(_ bodyLine: Int?, _ statement: ParsedScript.Statement, _ script: ParsedScript) -> Int {
        guard let bodyLine, bodyLine > 1, let body = DoBlockSQL.languageAndBody(statement.node).body else { return 0 }
        let text = script.bytes[statement.offset..<min(script.bytes.count, statement.offset + statement.length)]
        let needle = Array(body.utf8)
        guard !needle.isEmpty, let start = firstIndex(of: needle, in: text) else { return 0 }
        var line = 1
        var index = start
        while index < text.endIndex, line < bodyLine {
            if text[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        return index - statement.offset
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
