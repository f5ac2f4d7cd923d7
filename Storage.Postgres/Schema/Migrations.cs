namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// The schema history. Times are stored as UTC ticks (bigint) like the LiteDB stores, so values round-trip exactly;
/// typed records are stored as JSON next to the few columns that queries filter on.
/// </summary>
internal static class Migrations
{
    /// <summary>The database clock as UTC ticks (100 ns since 0001-01-01), the unit of every time column.</summary>
    private const string NowTicks = "((EXTRACT(EPOCH FROM now()) * 10000000)::bigint + 621355968000000000)";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runtime: state, inbound ids, outbox", """
            CREATE TABLE state (
                key text PRIMARY KEY,
                json text NOT NULL,
                etag text NOT NULL);
            CREATE TABLE inbound (
                key text PRIMARY KEY,
                at bigint NOT NULL);
            CREATE TABLE outbox_sequence (
                conversation text PRIMARY KEY,
                last bigint NOT NULL);
            CREATE TABLE outbox (
                id text PRIMARY KEY,
                conversation text NOT NULL,
                seq bigint NOT NULL,
                channel text NOT NULL,
                activity text NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL,
                due bigint NOT NULL,
                created bigint NOT NULL,
                error text NULL,
                leased_until bigint NULL);
            CREATE INDEX outbox_pending ON outbox (conversation, seq) WHERE status = 'Pending';
            CREATE INDEX outbox_status ON outbox (status);
            """),
        new(2, "handoff: requests, daily counts, transcripts, unanswered questions, counselors, canned responses", """
            CREATE TABLE handoff_requests (
                id uuid PRIMARY KEY,
                json text NOT NULL,
                status text NOT NULL,
                conversation text NOT NULL,
                user_key text NOT NULL,
                created_at bigint NOT NULL,
                version bigint NOT NULL);
            CREATE INDEX handoff_requests_status ON handoff_requests (status, created_at);
            CREATE INDEX handoff_requests_conversation ON handoff_requests (conversation);
            CREATE INDEX handoff_requests_user ON handoff_requests (user_key);
            CREATE INDEX handoff_requests_created ON handoff_requests (created_at);
            CREATE TABLE handoff_daily (
                id text PRIMARY KEY,
                day date NOT NULL,
                json text NOT NULL);
            CREATE TABLE handoff_transcripts (
                id bigserial PRIMARY KEY,
                conversation text NOT NULL,
                user_key text NOT NULL,
                at bigint NOT NULL,
                json text NOT NULL);
            CREATE INDEX handoff_transcripts_conversation ON handoff_transcripts (conversation, at, id);
            CREATE INDEX handoff_transcripts_user ON handoff_transcripts (user_key);
            CREATE INDEX handoff_transcripts_at ON handoff_transcripts (at);
            CREATE TABLE handoff_unanswered (
                id bigserial PRIMARY KEY,
                user_key text NOT NULL,
                at bigint NOT NULL,
                json text NOT NULL);
            CREATE INDEX handoff_unanswered_user ON handoff_unanswered (user_key);
            CREATE INDEX handoff_unanswered_at ON handoff_unanswered (at);
            CREATE TABLE handoff_counselors (
                key text PRIMARY KEY,
                json text NOT NULL);
            CREATE TABLE handoff_canned (
                id text PRIMARY KEY,
                language text NOT NULL,
                json text NOT NULL);
            """),
        new(3, "direct line: conversations and activity log", """
            CREATE TABLE directline_conversations (
                id text PRIMARY KEY,
                user_id text NOT NULL,
                locale text NULL,
                last_seq bigint NOT NULL,
                created_at bigint NOT NULL);
            CREATE TABLE directline_activities (
                conversation_id text NOT NULL,
                seq bigint NOT NULL,
                dedupe_key text NULL,
                stored_at bigint NOT NULL,
                json text NOT NULL,
                PRIMARY KEY (conversation_id, seq));
            CREATE UNIQUE INDEX directline_activities_dedupe ON directline_activities (conversation_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
            CREATE INDEX directline_activities_stored ON directline_activities (stored_at);
            """),
        // Rows that exist when this runs count as written now (the default is evaluated once), so upgrading does not
        // expire every conversation at the next retention sweep; the default stays for instances not yet upgraded.
        new(4, "privacy: write times for retention, idempotent transcript lines", $"""
            ALTER TABLE state ADD COLUMN updated bigint NOT NULL DEFAULT {NowTicks};
            CREATE INDEX state_updated ON state (updated);
            ALTER TABLE outbox_sequence ADD COLUMN updated bigint NOT NULL DEFAULT {NowTicks};
            CREATE INDEX inbound_at ON inbound (at);
            CREATE INDEX outbox_finished_created ON outbox (created) WHERE status <> 'Pending';
            ALTER TABLE handoff_transcripts ADD COLUMN line_key text NULL;
            CREATE UNIQUE INDEX handoff_transcripts_line ON handoff_transcripts (conversation, line_key) WHERE line_key IS NOT NULL;
            CREATE INDEX directline_conversations_user ON directline_conversations (user_id);
            """),
        new(5, "plan: reminder subscriptions", """
            CREATE TABLE plan_reminders (
                conversation text PRIMARY KEY,
                user_key text NOT NULL,
                reference text NOT NULL,
                due bigint NOT NULL,
                updated bigint NOT NULL,
                lease bigint NULL);
            CREATE INDEX plan_reminders_due ON plan_reminders (due);
            CREATE INDEX plan_reminders_user ON plan_reminders (user_key);
            CREATE INDEX plan_reminders_updated ON plan_reminders (updated);
            """),
        new(6, "knowledge: edited topic versions, the published version of each, dismissed backlog questions (hashes)", """
            CREATE TABLE knowledge_versions (
                topic text NOT NULL,
                version integer NOT NULL,
                json text NOT NULL,
                PRIMARY KEY (topic, version));
            CREATE TABLE knowledge_published (
                topic text PRIMARY KEY,
                version integer NOT NULL);
            CREATE TABLE knowledge_dismissed (
                hash text PRIMARY KEY);
            """),
        new(7, "plan: counters for the dashboard (no personal data)", """
            CREATE TABLE plan_daily (
                day date NOT NULL,
                language text NOT NULL,
                kind text NOT NULL,
                step text NOT NULL,
                count integer NOT NULL,
                PRIMARY KEY (day, language, kind, step));
            """),
        new(8, "knowledge: versions of local directory entries edited in the console (the latest of each is live)", """
            CREATE TABLE knowledge_directory (
                entry text NOT NULL,
                version integer NOT NULL,
                json text NOT NULL,
                PRIMARY KEY (entry, version));
            """),
        new(9, "knowledge: per-topic counters of answered questions and 👍/👎 for the browse list (no personal data)", """
            CREATE TABLE topic_daily (
                day date NOT NULL,
                topic text NOT NULL,
                kind text NOT NULL,
                count integer NOT NULL,
                PRIMARY KEY (day, topic, kind));
            """),
        new(10, "runtime: a turn's lock, inbound check and state read in one call, its commit in another (issue 19)", TurnFunctions.Sql),
        new(11, "web chat: append to a conversation's log in one call (issue 19)", DirectLineFunctions.Sql),
        new(12, "host: the Data Protection key ring shared by every instance (web chat tokens, console cookies; issue 18)", """
            CREATE TABLE dataprotection_keys (
                name text PRIMARY KEY,
                xml text NOT NULL);
            """),
        new(13, "runtime: a turn's transcript lines and topic counts written by its commit call; topic counts added as rows, folded now and then (issue 19)", JoinedWriteFunctions.Sql),
        new(14, "web chat: an append's notification carries the activity when it fits, for the other instances' streams (issue 19)", DirectLineFunctions.WithActivitySql),
        new(15, "web chat: a turn's replies get their log lines from its commit call, their delivery only announces them (issue 19)", WebChatReplyFunctions.Sql),
        new(16, "web chat: the person's message gets its log line from its turn's commit call, not an append of its own (issue 19)", WebChatEchoFunctions.Sql),
        new(17, "web chat: an append never creates a conversation, so a reply delivered after an erasure cannot bring it back", DirectLineFunctions.ExistingOnlySql),
        new(18, "handoff: a fresh store's default canned responses are added once, never again after an admin deleted them", """
            CREATE TABLE handoff_canned_defaults (
                name text PRIMARY KEY,
                added_count integer NOT NULL);
            """),
    ];
}
