import PgDrift
import PgDriftTestSupport
import Testing

@Suite struct RedactionTests {
    @Test func urlPasswordsAreMasked() {
        #expect(Redaction.scrub("postgresql://u:pw@h:5432/db failed", secrets: [])
            == "postgresql://u:***@h:5432/db failed")
        #expect(Redaction.scrub("no url here", secrets: []) == "no url here")
        #expect(Redaction.scrub("password is s3cret", secrets: ["s3cret"]) == "password is ***")
    }

    @Test func displayNeverShowsThePassword() {
        TestEnvironment.isolated
        let url = ConnectionString("postgresql://app:s3cr%40t@db.example:6543/prod?sslmode=require")
        #expect(url.description == "postgresql://app@db.example:6543/prod")
        #expect(url.secrets.contains("s3cr@t"))
        let keyValue = ConnectionString("host=/tmp/sock user=me password=x dbname=d")
        #expect(keyValue.description == "postgresql://me@[/tmp/sock]/d")
    }
}
