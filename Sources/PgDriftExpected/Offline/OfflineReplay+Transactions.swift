import PgDriftModel
import PgDriftSQL

/// Where a file's transaction stands. A migration file runs as one simple query, in the shadow
/// database as through most migration tools' drivers: its statements form one implicit transaction,
/// which a `BEGIN` takes over with the statements before it, and which a `ROLLBACK` outside `BEGIN`
/// undoes. (psql would run them one by one and keep the earlier ones.) The replay does the same.
struct TransactionState {
    /// The model when the explicit transaction began, then at each savepoint.
    var blockStart: OfflineReplay?
    var savepoints: [(name: String, state: OfflineReplay)] = []
    /// Whether statements ran since the file began or the last COMMIT.
    var implicitWork = false
    /// The model when the implicit transaction began (the file's start, or the last COMMIT or
    /// ROLLBACK); kept only for a file with transaction statements, since holding it makes the next
    /// change copy the model.
    var implicitStart: OfflineReplay?
}

extension OfflineReplay {
    /// BEGIN, COMMIT, ROLLBACK and savepoints: a rollback puts back the model as it was.
    mutating func transaction(_ node: ParseNode, _ state: inout TransactionState) throws {
        let kind = node["kind"]?.string ?? ""
        let name = node["savepoint_name"]?.string
        switch kind {
        case "TRANS_STMT_BEGIN", "TRANS_STMT_START":
            guard state.blockStart == nil else { return }  // already in a transaction: the server only warns
            // After other statements of the file, the transaction holds them too.
            state.blockStart = state.implicitWork ? state.implicitStart : self
        case "TRANS_STMT_COMMIT":
            guard node["chain"]?.bool != true else { throw fallback("COMMIT AND CHAIN is not read offline") }
            state = TransactionState(implicitStart: self)
        case "TRANS_STMT_ROLLBACK":
            guard node["chain"]?.bool != true else { throw fallback("ROLLBACK AND CHAIN is not read offline") }
            // Outside BEGIN it aborts the implicit transaction: the file's statements before it are undone.
            if let start = state.blockStart ?? (state.implicitWork ? state.implicitStart : nil) { restore(start) }
            state = TransactionState(implicitStart: self)
        case "TRANS_STMT_SAVEPOINT":
            guard state.blockStart != nil, let name else { throw fallback("SAVEPOINT outside a transaction") }
            state.savepoints.append((name, self))
        case "TRANS_STMT_RELEASE", "TRANS_STMT_ROLLBACK_TO":
            // The latest savepoint of that name; RELEASE drops it and those after it, ROLLBACK TO keeps it.
            guard let index = state.savepoints.lastIndex(where: { $0.name == name }) else { throw fallback("no savepoint \(name ?? "")") }
            if kind == "TRANS_STMT_ROLLBACK_TO" {
                restore(state.savepoints[index].state)
                state.savepoints.removeSubrange((index + 1)...)
            } else {
                state.savepoints.removeSubrange(index...)
            }
        default:
            throw fallback("\(kind.dropFirst(11).split(separator: "_").joined(separator: " ")) is not read offline")
        }
    }

    /// The model as it was, read on from where the file is.
    private mutating func restore(_ saved: OfflineReplay) {
        let (file, lines, location, text, range) = (self.file, self.lines, self.statementLocation, self.text, self.statementRange)
        self = saved
        (self.file, self.lines, self.statementLocation, self.text, self.statementRange) = (file, lines, location, text, range)
    }
}
