import PgDriftModel
import PgDriftSQL

/// Where a file's transaction stands. The shadow database runs each file as one simple query: its
/// statements form one implicit transaction, which a `BEGIN` takes over, statements before it
/// included; running the statements one by one (psql) would have kept those. Only the cases where the
/// two agree are replayed: `BEGIN` first in the file or right after a `COMMIT`.
struct TransactionState {
    /// The model when the explicit transaction began, then at each savepoint.
    var blockStart: OfflineReplay?
    var savepoints: [(name: String, state: OfflineReplay)] = []
    /// Whether statements ran since the file began or the last COMMIT.
    var implicitWork = false
}

extension OfflineReplay {
    /// BEGIN, COMMIT, ROLLBACK and savepoints: a rollback puts back the model as it was.
    mutating func transaction(_ node: ParseNode, _ state: inout TransactionState) throws {
        let kind = node["kind"]?.string ?? ""
        let name = node["savepoint_name"]?.string
        switch kind {
        case "TRANS_STMT_BEGIN", "TRANS_STMT_START":
            guard state.blockStart == nil else { return }  // already in a transaction: the server only warns
            guard !state.implicitWork else {
                throw fallback("BEGIN after other statements of the same file, which the transaction then holds (the file runs as one query)")
            }
            state.blockStart = self
        case "TRANS_STMT_COMMIT":
            guard node["chain"]?.bool != true else { throw fallback("COMMIT AND CHAIN is not read offline") }
            state = TransactionState()
        case "TRANS_STMT_ROLLBACK":
            guard node["chain"]?.bool != true else { throw fallback("ROLLBACK AND CHAIN is not read offline") }
            if let start = state.blockStart {
                restore(start)
            } else if state.implicitWork {
                throw fallback("ROLLBACK outside BEGIN, which undoes the file's statements before it (the file runs as one query)")
            }
            state = TransactionState()
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
        let (file, lines, location) = (self.file, self.lines, self.statementLocation)
        self = saved
        (self.file, self.lines, self.statementLocation) = (file, lines, location)
    }
}
