namespace IntegrationBot.Storage.Postgres.Schema;

/// <summary>
/// Appending to a web chat log in one call (issue 19; before: upsert, dedupe read, insert and notify, five round trips).
/// The activity's id holds its sequence number, which only the database knows: the caller sends the JSON with a unique
/// placeholder string as the id and the function puts the real id in its place.
/// </summary>
internal static class DirectLineFunctions
{
    public const string Sql = """
        CREATE FUNCTION ib_directline_append(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_placeholder text, p_channel text, p_payload text)
        RETURNS TABLE (o_seq bigint, o_json text, o_new boolean) LANGUAGE plpgsql AS $fn$
        DECLARE
            v_seq bigint;
            v_id text;
        BEGIN
            -- The conversation row is locked first, so two instances appending the same dedupe key cannot both miss it.
            INSERT INTO directline_conversations (id, user_id, locale, last_seq, created_at) VALUES (p_conversation, '', NULL, 1, p_at)
            ON CONFLICT (id) DO UPDATE SET last_seq = directline_conversations.last_seq + 1
            RETURNING last_seq INTO v_seq;

            IF p_dedupe IS NOT NULL THEN
                RETURN QUERY SELECT a.seq, a.json, false FROM directline_activities a
                    WHERE a.conversation_id = p_conversation AND a.dedupe_key = p_dedupe;
                IF FOUND THEN
                    UPDATE directline_conversations SET last_seq = last_seq - 1 WHERE id = p_conversation;
                    RETURN;
                END IF;
            END IF;

            v_id := p_conversation || '|' || CASE WHEN length(v_seq::text) >= 7 THEN v_seq::text ELSE lpad(v_seq::text, 7, '0') END;
            INSERT INTO directline_activities (conversation_id, seq, dedupe_key, stored_at, json)
            VALUES (p_conversation, v_seq, p_dedupe, p_at, replace(p_json, '"' || p_placeholder || '"', to_json(v_id)::text));
            -- Sent on commit only, so other instances wake their streams exactly when the activity is readable.
            PERFORM pg_notify(p_channel, p_payload);
            RETURN QUERY SELECT v_seq, NULL::text, true;
        END
        $fn$;
        """;

    /// <summary>
    /// Migration 14: the notification of an append carries its sequence number and, when it fits in NOTIFY's 8000
    /// bytes, the activity as stored, so the other instances' web chat streams take it from memory instead of each
    /// reading the log again (issue 19; see <c>DirectLineNotificationHandler</c>). The seven-argument function of
    /// migration 11 keeps its payload for instances not yet upgraded and now calls this one.
    /// </summary>
    public const string WithActivitySql = """
        CREATE FUNCTION ib_directline_append(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_placeholder text, p_channel text, p_payload text,
            p_with_activity boolean)
        RETURNS TABLE (o_seq bigint, o_json text, o_new boolean) LANGUAGE plpgsql AS $fn$
        DECLARE
            v_seq bigint;
            v_id text;
            v_json text;
            v_payload text := p_payload;
        BEGIN
            -- The conversation row is locked first, so two instances appending the same dedupe key cannot both miss it.
            INSERT INTO directline_conversations (id, user_id, locale, last_seq, created_at) VALUES (p_conversation, '', NULL, 1, p_at)
            ON CONFLICT (id) DO UPDATE SET last_seq = directline_conversations.last_seq + 1
            RETURNING last_seq INTO v_seq;

            IF p_dedupe IS NOT NULL THEN
                RETURN QUERY SELECT a.seq, a.json, false FROM directline_activities a
                    WHERE a.conversation_id = p_conversation AND a.dedupe_key = p_dedupe;
                IF FOUND THEN
                    UPDATE directline_conversations SET last_seq = last_seq - 1 WHERE id = p_conversation;
                    RETURN;
                END IF;
            END IF;

            v_id := p_conversation || '|' || CASE WHEN length(v_seq::text) >= 7 THEN v_seq::text ELSE lpad(v_seq::text, 7, '0') END;
            v_json := replace(p_json, '"' || p_placeholder || '"', to_json(v_id)::text);
            INSERT INTO directline_activities (conversation_id, seq, dedupe_key, stored_at, json)
            VALUES (p_conversation, v_seq, p_dedupe, p_at, v_json);
            IF p_with_activity THEN
                v_payload := p_payload || E'\n' || v_seq::text;
                -- A payload must stay under 8000 bytes: a larger activity is announced without itself and read from the log.
                IF octet_length(v_payload) + 1 + octet_length(v_json) < 8000 THEN
                    v_payload := v_payload || E'\n' || v_json;
                END IF;
            END IF;

            -- Sent on commit only, so other instances wake their streams exactly when the activity is readable.
            PERFORM pg_notify(p_channel, v_payload);
            RETURN QUERY SELECT v_seq, NULL::text, true;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION ib_directline_append(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_placeholder text, p_channel text, p_payload text)
        RETURNS TABLE (o_seq bigint, o_json text, o_new boolean) LANGUAGE sql AS $fn$
            SELECT * FROM ib_directline_append(p_conversation, p_dedupe, p_at, p_json, p_placeholder, p_channel, p_payload, false);
        $fn$;
        """;

    /// <summary>
    /// Migration 17: an append into a conversation that exists, and only then (no row returned otherwise). Every append
    /// before upserted the conversation, so a reply delivered just after the person erased it brought the conversation
    /// back, with the reply in it. Only <c>CreateConversationAsync</c> creates one now. It writes through migration 15's
    /// <c>ib_directline_reply</c> (the same row lock, dedupe check, insert and notification, and no line for a conversation
    /// that is gone); a key already in the log returns its line. The functions of migrations 11 and 14 stay, unchanged,
    /// for instances not yet upgraded.
    /// </summary>
    public const string ExistingOnlySql = """
        CREATE FUNCTION ib_directline_append_existing(
            p_conversation text, p_dedupe text, p_at bigint, p_json text, p_placeholder text, p_channel text, p_payload text)
        RETURNS TABLE (o_seq bigint, o_json text, o_new boolean) LANGUAGE plpgsql AS $fn$
        DECLARE
            v_seq bigint;
        BEGIN
            v_seq := ib_directline_reply(p_conversation, p_dedupe, p_at, p_json, p_placeholder, p_channel, p_payload);
            IF v_seq > 0 THEN
                RETURN QUERY SELECT v_seq, NULL::text, true;
                RETURN;
            END IF;

            -- 0: the conversation is gone (no row), or the key is in the log already (its line, under the row's lock).
            RETURN QUERY SELECT a.seq, a.json, false FROM directline_activities a
                WHERE a.conversation_id = p_conversation AND a.dedupe_key = p_dedupe;
        END
        $fn$;
        """;
}
