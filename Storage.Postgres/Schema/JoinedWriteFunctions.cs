namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// A turn's transcript lines and topic counts written by its commit call (issue 19, migration 13): the flows write both
/// just before the commit, and as statements of their own they were about 1.1 of the ~3.5 round trips a Telegram turn
/// caused. <c>ib_transcript_append</c> and <c>ib_topic_add</c> are also what the stores call outside a turn, so the SQL
/// of each write is in one place. Topic counts become inserted rows instead of upserts of shared counter rows, whose
/// lock waits would otherwise be inside the turn's commit (see the comment on <c>topic_added</c>). The commit function of migration 10 stays (an instance not yet upgraded calls it) and
/// does the turn's own writes for the new one, whose two-round-trip shape (<c>ib_turn_begin</c>, then this and
/// <c>COMMIT</c>) is unchanged.
/// </summary>
internal static class JoinedWriteFunctions
{
    public const string Sql = """
        CREATE FUNCTION ib_transcript_append(p_conversations text[], p_users text[], p_at bigint[], p_json text[], p_lines text[])
        RETURNS void LANGUAGE sql AS $fn$
            -- In order, so the serial ids keep it; the unique (conversation, line_key) index makes a line a rerun of the
            -- same turn writes again a no-op.
            INSERT INTO handoff_transcripts (conversation, user_key, at, json, line_key)
            SELECT c, u, at, j, l FROM unnest(p_conversations, p_users, p_at, p_json, p_lines) WITH ORDINALITY AS t(c, u, at, j, l, n)
            ORDER BY n
            ON CONFLICT DO NOTHING;
        $fn$;

        -- Topic counts are added as rows of their own, never by updating the shared counter row: every turn on a topic
        -- would otherwise wait for the row lock of the turn before it until that one's COMMIT (measured: the upsert took
        -- 2.2 ms on average in a Telegram load run, ~40x an insert, and inside a turn's commit that is on the turn's path).
        -- Now and then (when an id passes a multiple of 128) the rows are folded into topic_daily by whoever takes the
        -- fold lock; the others skip. Readers sum both tables.
        CREATE TABLE topic_added (
            id bigserial PRIMARY KEY,
            day date NOT NULL,
            topic text NOT NULL,
            kind text NOT NULL,
            count integer NOT NULL);

        CREATE FUNCTION ib_topic_fold() RETURNS void LANGUAGE sql AS $fn$
            -- Summed first (one statement may not update a row twice) and in key order (two folds cannot deadlock).
            WITH moved AS (DELETE FROM topic_added RETURNING day, topic, kind, count)
            INSERT INTO topic_daily (day, topic, kind, count)
            SELECT day, topic, kind, sum(count)::integer FROM moved GROUP BY day, topic, kind ORDER BY day, topic, kind
            ON CONFLICT (day, topic, kind) DO UPDATE SET count = topic_daily.count + excluded.count;
        $fn$;

        CREATE FUNCTION ib_topic_add(p_days date[], p_topics text[], p_kinds text[], p_counts integer[])
        RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE
            v_first bigint;
            v_last bigint;
        BEGIN
            WITH added AS (
                INSERT INTO topic_added (day, topic, kind, count)
                SELECT d, t, k, c FROM unnest(p_days, p_topics, p_kinds, p_counts) AS x(d, t, k, c)
                RETURNING id)
            SELECT min(id), max(id) INTO v_first, v_last FROM added;
            -- Two-integer advisory keys are apart from the bigint conversation locks (6919 = 0x1B07, as the migrator's).
            IF v_last / 128 > (v_first - 1) / 128 AND pg_try_advisory_xact_lock(6919, 2) THEN
                PERFORM ib_topic_fold();
            END IF;
        END
        $fn$;

        CREATE FUNCTION ib_turn_commit(
            p_conversation text, p_inbound text, p_now bigint,
            p_keys text[], p_json text[], p_expected text[], p_etags text[],
            p_channels text[], p_activities text[],
            p_line_conversations text[], p_line_users text[], p_line_at bigint[], p_line_json text[], p_line_keys text[],
            p_count_days date[], p_count_topics text[], p_count_kinds text[], p_count_values integer[])
        RETURNS text LANGUAGE plpgsql AS $fn$
        DECLARE
            outcome text;
        BEGIN
            outcome := ib_turn_commit(p_conversation, p_inbound, p_now, p_keys, p_json, p_expected, p_etags, p_channels, p_activities);
            IF outcome <> 'committed' THEN
                -- A repeat: the first run of this inbound id wrote its lines and counts.
                RETURN outcome;
            END IF;

            IF coalesce(array_length(p_line_json, 1), 0) > 0 THEN
                PERFORM ib_transcript_append(p_line_conversations, p_line_users, p_line_at, p_line_json, p_line_keys);
            END IF;

            IF coalesce(array_length(p_count_values, 1), 0) > 0 THEN
                PERFORM ib_topic_add(p_count_days, p_count_topics, p_count_kinds, p_count_values);
            END IF;

            RETURN 'committed';
        END
        $fn$;
        """;
}
