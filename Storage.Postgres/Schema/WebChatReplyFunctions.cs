namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// Migration 15: a turn's web chat replies get their log lines from its commit call (issue 19), as on LiteDB. Before,
/// each reply's delivery appended it with <c>ib_directline_append</c>, one round trip per reply (about 1.5 of the 5.2 a
/// web chat turn caused). The new overload of <c>ib_turn_commit</c> inserts each reply's line with the key its delivery
/// appends with (<c>out:&lt;reply id&gt;</c>), so the delivery, here or after a crash anywhere, finds the line instead
/// of writing it twice, and notifies it like an append (payload of migration 14, the activity riding along when it fits
/// in NOTIFY's 8000 bytes), so the other instances' streams get it at the commit. The overloads of migrations 10 and 13
/// stay for instances not yet upgraded; their replies are appended at delivery as before.
/// </summary>
internal static class WebChatReplyFunctions
{
    public const string Sql = """
        CREATE FUNCTION ib_directline_reply(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_placeholder text, p_channel text, p_payload text)
        RETURNS bigint LANGUAGE plpgsql AS $fn$
        DECLARE
            v_seq bigint;
            v_id text;
            v_json text;
            v_payload text;
        BEGIN
            -- Only into a conversation that exists (its row lock orders the appends, as in ib_directline_append): an
            -- erased one gets no line, and its delivery fails as it did before. 0 = no line written here.
            UPDATE directline_conversations SET last_seq = last_seq + 1 WHERE id = p_conversation RETURNING last_seq INTO v_seq;
            IF NOT FOUND THEN
                RETURN 0;
            END IF;

            IF EXISTS (SELECT 1 FROM directline_activities a WHERE a.conversation_id = p_conversation AND a.dedupe_key = p_dedupe) THEN
                UPDATE directline_conversations SET last_seq = last_seq - 1 WHERE id = p_conversation;
                RETURN 0;
            END IF;

            v_id := p_conversation || '|' || CASE WHEN length(v_seq::text) >= 7 THEN v_seq::text ELSE lpad(v_seq::text, 7, '0') END;
            v_json := replace(p_json, '"' || p_placeholder || '"', to_json(v_id)::text);
            INSERT INTO directline_activities (conversation_id, seq, dedupe_key, stored_at, json)
            VALUES (p_conversation, v_seq, p_dedupe, p_at, v_json);
            v_payload := p_payload || E'\n' || v_seq::text;
            -- A payload must stay under 8000 bytes: a larger activity is announced without itself and read from the log.
            IF octet_length(v_payload) + 1 + octet_length(v_json) < 8000 THEN
                v_payload := v_payload || E'\n' || v_json;
            END IF;

            -- Sent on commit only, so other instances wake their streams exactly when the line is readable.
            PERFORM pg_notify(p_channel, v_payload);
            RETURN v_seq;
        END
        $fn$;

        CREATE FUNCTION ib_turn_commit(
            p_conversation text, p_inbound text, p_now bigint,
            p_keys text[], p_json text[], p_expected text[], p_etags text[],
            p_channels text[], p_activities text[],
            p_line_conversations text[], p_line_users text[], p_line_at bigint[], p_line_json text[], p_line_keys text[],
            p_count_days date[], p_count_topics text[], p_count_kinds text[], p_count_values integer[],
            p_reply_conversations text[], p_reply_keys text[], p_reply_json text[], p_placeholder text,
            p_notify_channel text, p_origin text)
        RETURNS TABLE (o_outcome text, o_seqs bigint[]) LANGUAGE plpgsql AS $fn$
        DECLARE
            v_outcome text;
            v_seqs bigint[] := '{}';
            i integer;
        BEGIN
            v_outcome := ib_turn_commit(p_conversation, p_inbound, p_now, p_keys, p_json, p_expected, p_etags, p_channels, p_activities,
                p_line_conversations, p_line_users, p_line_at, p_line_json, p_line_keys,
                p_count_days, p_count_topics, p_count_kinds, p_count_values);
            IF v_outcome = 'committed' THEN
                -- In the replies' order, which is their outbox order, so the log keeps it.
                FOR i IN 1 .. coalesce(array_length(p_reply_json, 1), 0) LOOP
                    v_seqs := v_seqs || ib_directline_reply(p_reply_conversations[i], p_reply_keys[i], p_now, p_reply_json[i], p_placeholder,
                        p_notify_channel, p_origin || E'\n' || p_reply_conversations[i]);
                END LOOP;
            END IF;

            RETURN QUERY SELECT v_outcome, v_seqs;
        END
        $fn$;
        """;
}
