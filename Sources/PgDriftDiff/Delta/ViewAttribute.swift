import PgDriftModel

/// What can differ between two versions of a view or materialized view. (Its triggers are in
/// `SchemaDelta.viewTriggers`; a materialized view's indexes are still compared object by object.)
public enum ViewAttribute: String, ChangeAttribute {
    /// A view on one side, a materialized view on the other.
    case kind
    /// WITH (...) options.
    case options
    /// The query, compared by meaning.
    case query
    /// The same query over columns of other types (a table changed under the view).
    case columnTypes
    case comment
    /// COMMENT ON COLUMN of the view's columns.
    case columnComments

}

extension ExpressionComparison {
    /// The attributes of two versions of a view that differ.
    func changedAttributes(_ want: View, _ have: View, comments: Bool) -> Set<ViewAttribute> {
        var changed: Set<ViewAttribute> = []
        for attribute in ViewAttribute.allCases {
            let differs = switch attribute {
            case .kind: want.isMaterialized != have.isMaterialized
            case .options: want.options != have.options
            case .query: !sameQuery(want.definition, have.definition)
            case .columnTypes:
                !changed.contains(.query) && !want.columns.isEmpty && !have.columns.isEmpty
                    && !want.columns.elementsEqual(have.columns, by: { $0.name == $1.name && $0.type == $1.type })
            case .comment: comments && want.comment != have.comment
            case .columnComments:
                comments && want.columns.contains { column in
                    have.columns.first(where: { $0.name == column.name }).map { $0.comment != column.comment } ?? false
                }
            }
            if differs { changed.insert(attribute) }
        }
        return changed
    }
}
