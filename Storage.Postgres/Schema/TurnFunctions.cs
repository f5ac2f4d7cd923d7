namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// The two server-side functions a turn calls, so it costs two round trips (issue 19): <c>ib_turn_begin</c> takes the
/// conversation's transaction-scoped advisory lock, checks the inbound id and reads the state documents;
/// <c>ib_turn_commit</c> writes inbound id, state (with the eTag rule of <c>StateRows</c>) and outbox entries. The lock
/// is held by the transaction the turn opened with <c>BEGIN</c> and ends with <c>COMMIT</c> in the same round trip as
/// the commit call, so no other instance can take the conversation before the turn's writes are visible.
/// </summary>
internal static class TurnFunctions
{
    /// <summary>SQLSTATE raised by <c>ib_turn_commit</c> when a state document changed since it was read.</summary>
    public const string ConflictState = "IB409";

    public const string Sql = """
        CREATE FUNCTION ib_turn_begin(p_lock bigint, p_inbound text, p_keys text[])
        RETURNS TABLE (k text, j text, e text, processed boolean) LANGUAGE plpgsql AS $fn$
        BEGIN
            PERFORM pg_advisory_xact_lock(p_lock);
            IF p_inbound IS NOT NULL AND EXISTS (SELECT 1 FROM inbound WHERE key = p_inbound) THEN
                RETURN QUERY SELECT NULL::text, NULL::text, NULL::text, true;
                RETURN;
            END IF;
            RETURN QUERY SELECT s.key, s.json, s.etag, false FROM state s WHERE s.key = ANY(p_keys);
        END
        $fn$;

        CREATE FUNCTION ib_turn_commit(
            p_conversation text, p_inbound text, p_now bigint,
            p_keys text[], p_json text[], p_expected text[], p_etags text[],
            p_channels text[], p_activities text[])
        RETURNS text LANGUAGE plpgsql AS $fn$
        DECLARE
            i integer;
            n integer := coalesce(array_length(p_activities, 1), 0);
            last_seq bigint;
        BEGIN
            -- The inbound id first: a concurrent commit of the same message waits for this one, then sees it.
            IF p_inbound IS NOT NULL THEN
                INSERT INTO inbound (key, at) VALUES (p_inbound, p_now) ON CONFLICT (key) DO NOTHING;
                IF NOT FOUND THEN
                    RETURN 'duplicate';
                END IF;
            END IF;

            FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
                IF p_expected[i] = '*' THEN
                    INSERT INTO state (key, json, etag, updated) VALUES (p_keys[i], p_json[i], p_etags[i], p_now)
                    ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated;
                ELSIF p_expected[i] IS NULL THEN
                    INSERT INTO state (key, json, etag, updated) VALUES (p_keys[i], p_json[i], p_etags[i], p_now)
                    ON CONFLICT (key) DO NOTHING;
                ELSE
                    UPDATE state SET json = p_json[i], etag = p_etags[i], updated = p_now
                    WHERE key = p_keys[i] AND etag = p_expected[i];
                END IF;
                IF NOT FOUND THEN
                    -- Raised, not returned: the inbound id written above must roll back with everything else.
                    RAISE EXCEPTION 'state document % changed since it was read', i USING ERRCODE = 'IB409';
                END IF;
            END LOOP;

            IF n > 0 THEN
                INSERT INTO outbox_sequence (conversation, last, updated) VALUES (p_conversation, n, p_now)
                ON CONFLICT (conversation) DO UPDATE SET last = outbox_sequence.last + n, updated = excluded.updated
                RETURNING last INTO last_seq;
                INSERT INTO outbox (id, conversation, seq, channel, activity, status, attempts, due, created)
                SELECT p_conversation || '#' || CASE WHEN length(q::text) >= 12 THEN q::text ELSE lpad(q::text, 12, '0') END,
                       p_conversation, q, p_channels[o], p_activities[o], 'Pending', 0, p_now, p_now
                FROM generate_series(1, n) AS o, LATERAL (SELECT last_seq - n + o AS q) AS s;
            END IF;

            RETURN 'committed';
        END
        $fn$;
        """;
}
