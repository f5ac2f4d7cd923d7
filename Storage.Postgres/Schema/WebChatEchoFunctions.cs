namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 16: the person's web chat message (the echo) gets its log line from its turn's commit call (issue 19), as on
/// LiteDB. Before, the page's POST appended it with <c>ib_directline_append</c> before the turn, a round trip of its
/// own (~0.87 of the ~4.1 a web chat turn caused). Its id is known before the turn without the database (it comes from
/// the page's <c>clientActivityID</c>, see <c>PostgresDirectLineStore.AppendBeforeTurnAsync</c>); only its number, its
/// place in the log, is given here, under the conversation row's lock and before the turn's replies, so the log keeps
/// the echo before them. The overloads of migrations 10, 13 and 15 stay for instances not yet upgraded, which append the
/// echo first as before.
/// </summary>
internal static class WebChatEchoFunctions
{
    public const string Sql = """
        -- The echo's line, its id already in p_json. Only into a conversation that exists (erased between the POST and the
        -- commit: nothing is written). Returns its number; minus the number of a line already there under the same key
        -- (written on its own after a failed turn, or by an instance not yet upgraded); 0 when there is no conversation.
        CREATE FUNCTION ib_directline_echo(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_channel text, p_payload text)
        RETURNS bigint LANGUAGE plpgsql AS $fn$
        DECLARE
            v_seq bigint;
        BEGIN
            -- A reply's line (migration 15) but for its id, which is already in p_json: a placeholder it cannot contain.
            v_seq := ib_directline_reply(p_conversation, p_dedupe, p_at, p_json, 'ib-none-' || gen_random_uuid()::text, p_channel, p_payload);
            IF v_seq > 0 THEN
                RETURN v_seq;
            END IF;

            SELECT a.seq INTO v_seq FROM directline_activities a WHERE a.conversation_id = p_conversation AND a.dedupe_key = p_dedupe;
            RETURN CASE WHEN FOUND THEN -v_seq ELSE 0 END;
        END
        $fn$;

        -- The turn's first call, as in migration 10, and also true for "processed" when the person's message is already
        -- in the log under another id with that id's turn done: a resend that reaches an upgraded instance after an
        -- instance not yet upgraded appended it first (with a numbered id) and ran its turn must not run a second turn.
        CREATE FUNCTION ib_turn_begin(p_lock bigint, p_inbound text, p_keys text[], p_echo_conversation text, p_echo_dedupe text, p_inbound_prefix text)
        RETURNS TABLE (k text, j text, e text, processed boolean) LANGUAGE plpgsql AS $fn$
        BEGIN
            -- Under the lock (migration 10's call takes it again: a transaction's advisory locks are reentrant).
            PERFORM pg_advisory_xact_lock(p_lock);
            IF EXISTS (
                SELECT 1 FROM directline_activities a JOIN inbound i ON i.key = p_inbound_prefix || (a.json::jsonb ->> 'id')
                WHERE a.conversation_id = p_echo_conversation AND a.dedupe_key = p_echo_dedupe) THEN
                RETURN QUERY SELECT NULL::text, NULL::text, NULL::text, true;
                RETURN;
            END IF;

            RETURN QUERY SELECT * FROM ib_turn_begin(p_lock, p_inbound, p_keys);
        END
        $fn$;

        -- Migration 15's commit with the echo: its line is written first, then the turn's own writes and the replies'
        -- lines (migration 15's overload), so the log has the person's message before the answers; in a repeat (outcome
        -- 'duplicate') the line is already there under its key and nothing is written. o_echo is ib_directline_echo's
        -- answer (0 when none was sent). With p_lease_until the turn's outbox entries are leased to the committing
        -- instance, whose dispatcher then takes them from memory (LeasedOutboxEntries), but only when they are all the
        -- conversation has pending, so that memory holds its heads in order; o_outbox_last is then the last one's number
        -- (0: not leased).
        CREATE FUNCTION ib_turn_commit(
            p_conversation text, p_inbound text, p_now bigint,
            p_keys text[], p_json text[], p_expected text[], p_etags text[],
            p_channels text[], p_activities text[],
            p_line_conversations text[], p_line_users text[], p_line_at bigint[], p_line_json text[], p_line_keys text[],
            p_count_days date[], p_count_topics text[], p_count_kinds text[], p_count_values integer[],
            p_reply_conversations text[], p_reply_keys text[], p_reply_json text[], p_placeholder text,
            p_notify_channel text, p_origin text,
            p_echo_conversation text, p_echo_dedupe text, p_echo_at bigint, p_echo_json text, p_lease_until bigint)
        RETURNS TABLE (o_outcome text, o_seqs bigint[], o_echo bigint, o_outbox_last bigint) LANGUAGE plpgsql AS $fn$
        DECLARE
            v_outcome text;
            v_seqs bigint[];
            v_echo bigint := 0;
            v_pending bigint;
            v_last bigint;
            v_leased bigint := 0;
        BEGIN
            IF p_echo_json IS NOT NULL THEN
                v_echo := ib_directline_echo(p_echo_conversation, p_echo_dedupe, p_echo_at, p_echo_json,
                    p_notify_channel, p_origin || E'\n' || p_echo_conversation);
            END IF;

            SELECT c.o_outcome, c.o_seqs INTO v_outcome, v_seqs FROM ib_turn_commit(
                p_conversation, p_inbound, p_now, p_keys, p_json, p_expected, p_etags, p_channels, p_activities,
                p_line_conversations, p_line_users, p_line_at, p_line_json, p_line_keys,
                p_count_days, p_count_topics, p_count_kinds, p_count_values,
                p_reply_conversations, p_reply_keys, p_reply_json, p_placeholder, p_notify_channel, p_origin) AS c;
            IF v_outcome = 'committed' AND p_lease_until IS NOT NULL AND coalesce(array_length(p_activities, 1), 0) > 0 THEN
                SELECT count(*), max(seq) INTO v_pending, v_last FROM outbox WHERE conversation = p_conversation AND status = 'Pending';
                IF v_pending = array_length(p_activities, 1) THEN
                    UPDATE outbox SET leased_until = p_lease_until WHERE conversation = p_conversation AND status = 'Pending';
                    v_leased := v_last;
                END IF;
            END IF;

            RETURN QUERY SELECT v_outcome, v_seqs, v_echo, v_leased;
        END
        $fn$;
        """;
}
