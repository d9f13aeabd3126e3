// The built-in expected schema (`--expected builtin`): the analytics database of the seed story —
// creators, videos, sounds and hashtags in hot and cold tables, their RLS policies and the plpgsql
// ingestion and aggregation functions — as examples/analytics/sql/001..015 leave it.
//
// Written with `pgdrift snapshot --format swift` from a database built by those migrations; a test
// regenerates it and compares (PGDRIFT_RECORD=1 rewrites it), so keep the two in step.
import PgDrift

/// The analytics schema of the seed story.
public let analyticsSchema = Schema(defaultSchema: "public") {
    Extension("pg_trgm", schema: "public")
    Extension("pgcrypto", schema: "public")
    Enum("ingestion_status", ["pending", "running", "succeeded", "failed"], comment: "Lifecycle of one ingestion batch.")
    Enum("social_platform", ["tiktok", "instagram", "youtube"], comment: "Platform a creator, video or sound was scraped from.")
    Domain("engagement_rate", as: .numeric(7, 4), checks: ["engagement_rate_non_negative": "(VALUE >= (0)::numeric)"], comment: "Likes per follower, four decimals, never negative.")
    SequenceObject("ingestion_batch_seq", as: .bigint, start: 1000, comment: "Batch numbers of ingestion runs, also quoted in scraper logs.")
    Function("ingest_videos", arguments: "p_payload jsonb", returns: "integer", language: "plpgsql", securityDefiner: true, set: ["search_path=public"], comment: "Loads a JSON array of scraped videos; returns the number ingested.", body: #"""

        DECLARE
            v_element     jsonb;
            v_video_id    text;
            v_creator_id  text;
            v_sound_id    text;
            v_hashtag     text;
            v_hashtags    text[];
            v_run_id      bigint;
            v_count       integer := 0;
        BEGIN
            IF p_payload IS NULL OR jsonb_typeof(p_payload) <> 'array' THEN
                RAISE EXCEPTION 'ingest_videos: payload must be a JSON array, got %',
                    COALESCE(jsonb_typeof(p_payload), 'NULL')
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;

            INSERT INTO ingestion_runs (status, payload_sha256, items_received)
            VALUES ('running',
                    encode(digest(p_payload::text, 'sha256'), 'hex'),
                    jsonb_array_length(p_payload))
            RETURNING run_id INTO v_run_id;

            FOR v_element IN SELECT value FROM jsonb_array_elements(p_payload) LOOP
                v_video_id   := v_element->>'id';
                v_creator_id := COALESCE(v_element->'author'->>'id', v_element->>'authorId');
                v_sound_id   := v_element->'music'->>'id';

                IF v_video_id IS NULL OR v_creator_id IS NULL THEN
                    RAISE WARNING 'ingest_videos: skipping element without id or author: %',
                        left(v_element::text, 200);
                    CONTINUE;
                END IF;

                -- Creator -------------------------------------------------------------
                INSERT INTO creators_hot (creator_id, username, display_name, avatar_url,
                                          is_verified, bio, followers_count, following_count,
                                          last_seen_at)
                VALUES (v_creator_id,
                        COALESCE(v_element->'author'->>'uniqueId', v_creator_id),
                        v_element->'author'->>'nickname',
                        v_element->'author'->>'avatarThumb',
                        COALESCE((v_element->'author'->>'verified')::boolean, false),
                        v_element->'author'->>'signature',
                        COALESCE((v_element->'authorStats'->>'followerCount')::bigint, 0),
                        COALESCE((v_element->'authorStats'->>'followingCount')::bigint, 0),
                        now())
                ON CONFLICT (creator_id) DO UPDATE SET
                    username        = EXCLUDED.username,
                    display_name    = COALESCE(EXCLUDED.display_name, creators_hot.display_name),
                    avatar_url      = COALESCE(EXCLUDED.avatar_url, creators_hot.avatar_url),
                    is_verified     = COALESCE((v_element->'author'->>'verified')::boolean, creators_hot.is_verified),
                    bio             = COALESCE(EXCLUDED.bio, creators_hot.bio),
                    followers_count = COALESCE((v_element->'authorStats'->>'followerCount')::bigint, creators_hot.followers_count),
                    following_count = COALESCE((v_element->'authorStats'->>'followingCount')::bigint, creators_hot.following_count),
                    last_seen_at    = EXCLUDED.last_seen_at;

                INSERT INTO creator_profiles_cold (creator_id, profile_json, stats_snapshot, fetched_at)
                VALUES (v_creator_id,
                        COALESCE(v_element->'author', '{}'::jsonb),
                        COALESCE(v_element->'authorStats', '{}'::jsonb),
                        now())
                ON CONFLICT (creator_id) DO UPDATE SET
                    profile_json   = EXCLUDED.profile_json,
                    stats_snapshot = EXCLUDED.stats_snapshot,
                    fetched_at     = EXCLUDED.fetched_at,
                    updated_at     = now();

                -- NEW in 015: the complete creator record.
                INSERT INTO creators_cold (creator_id, full_json, raw_data)
                VALUES (v_creator_id, COALESCE(v_element->'author', v_element->'profile', '{}'::JSONB), v_element)
                ON CONFLICT (creator_id) DO UPDATE SET
                  full_json = EXCLUDED.full_json,
                  raw_data = EXCLUDED.raw_data,
                  updated_at = NOW();

                -- Sound ---------------------------------------------------------------
                IF v_sound_id IS NOT NULL THEN
                    INSERT INTO sounds_hot (sound_id, title, author_name, is_original,
                                            duration_seconds, play_url, cover_url, album,
                                            last_seen_at)
                    VALUES (v_sound_id,
                            v_element->'music'->>'title',
                            v_element->'music'->>'authorName',
                            COALESCE((v_element->'music'->>'original')::boolean, false),
                            (v_element->'music'->>'duration')::integer,
                            v_element->'music'->>'playUrl',
                            v_element->'music'->>'coverThumb',
                            NULLIF(v_element->'music'->>'album', ''),
                            now())
                    ON CONFLICT (sound_id) DO UPDATE SET
                        title            = COALESCE(EXCLUDED.title, sounds_hot.title),
                        author_name      = COALESCE(EXCLUDED.author_name, sounds_hot.author_name),
                        is_original      = COALESCE((v_element->'music'->>'original')::boolean, sounds_hot.is_original),
                        duration_seconds = COALESCE(EXCLUDED.duration_seconds, sounds_hot.duration_seconds),
                        play_url         = COALESCE(EXCLUDED.play_url, sounds_hot.play_url),
                        cover_url        = COALESCE(EXCLUDED.cover_url, sounds_hot.cover_url),
                        album            = COALESCE(EXCLUDED.album, sounds_hot.album),
                        last_seen_at     = EXCLUDED.last_seen_at;

                    INSERT INTO sounds_cold (sound_id, raw_data)
                    VALUES (v_sound_id, v_element->'music')
                    ON CONFLICT (sound_id) DO UPDATE SET
                        raw_data   = EXCLUDED.raw_data,
                        updated_at = now();
                END IF;

                -- Video ---------------------------------------------------------------
                v_hashtags := ARRAY(
                    SELECT DISTINCT normalize_hashtag(h->>'title')
                    FROM jsonb_array_elements(
                             CASE WHEN jsonb_typeof(v_element->'challenges') = 'array'
                                  THEN v_element->'challenges'
                                  ELSE '[]'::jsonb
                             END) AS h
                    WHERE normalize_hashtag(h->>'title') IS NOT NULL
                    ORDER BY 1);

                INSERT INTO videos_hot (video_id, creator_id, sound_id, description,
                                        duration_seconds, views_count, likes_count,
                                        comments_count, shares_count, saves_count,
                                        hashtags, is_ad, posted_at)
                VALUES (v_video_id,
                        v_creator_id,
                        v_sound_id,
                        v_element->>'desc',
                        (v_element->'video'->>'duration')::integer,
                        COALESCE((v_element->'stats'->>'playCount')::bigint, 0),
                        COALESCE((v_element->'stats'->>'diggCount')::bigint, 0),
                        COALESCE((v_element->'stats'->>'commentCount')::bigint, 0),
                        COALESCE((v_element->'stats'->>'shareCount')::bigint, 0),
                        COALESCE((v_element->'stats'->>'collectCount')::bigint, 0),
                        v_hashtags,
                        COALESCE((v_element->>'isAd')::boolean, false),
                        to_timestamp((v_element->>'createTime')::bigint))
                ON CONFLICT (video_id) DO UPDATE SET
                    sound_id       = COALESCE(EXCLUDED.sound_id, videos_hot.sound_id),
                    description    = EXCLUDED.description,
                    views_count    = GREATEST(EXCLUDED.views_count, videos_hot.views_count),
                    likes_count    = EXCLUDED.likes_count,
                    comments_count = EXCLUDED.comments_count,
                    shares_count   = EXCLUDED.shares_count,
                    saves_count    = EXCLUDED.saves_count,
                    hashtags       = EXCLUDED.hashtags,
                    is_ad          = EXCLUDED.is_ad;

                INSERT INTO videos_cold (video_id, raw_data, music, effects, payload_sha256)
                VALUES (v_video_id,
                        v_element,
                        v_element->'music',
                        COALESCE(v_element->'effectStickers', '[]'::jsonb),
                        encode(digest(v_element::text, 'sha256'), 'hex'))
                ON CONFLICT (video_id) DO UPDATE SET
                    raw_data       = EXCLUDED.raw_data,
                    music          = EXCLUDED.music,
                    effects        = EXCLUDED.effects,
                    payload_sha256 = EXCLUDED.payload_sha256,
                    updated_at     = now();

                INSERT INTO video_metrics_history (video_id, run_id, views_count, likes_count,
                                                   comments_count, shares_count)
                SELECT video_id, v_run_id, views_count, likes_count, comments_count, shares_count
                FROM videos_hot
                WHERE video_id = v_video_id;

                -- Hashtags ------------------------------------------------------------
                FOREACH v_hashtag IN ARRAY v_hashtags LOOP
                    INSERT INTO hashtags_hot (hashtag, last_seen_at)
                    VALUES (v_hashtag, now())
                    ON CONFLICT (hashtag) DO UPDATE SET
                        last_seen_at = EXCLUDED.last_seen_at;

                    -- NEW in 015: hashtag cold storage.
                    INSERT INTO hashtags_cold (hashtag, raw_data)
                    VALUES (v_hashtag, v_element)
                    ON CONFLICT (hashtag) DO UPDATE SET
                      updated_at = NOW();

                    INSERT INTO video_hashtags (video_id, hashtag)
                    VALUES (v_video_id, v_hashtag)
                    ON CONFLICT (video_id, hashtag) DO NOTHING;
                END LOOP;

                -- A hashtag removed from the video's description is removed here too.
                DELETE FROM video_hashtags
                WHERE video_id = v_video_id
                  AND hashtag <> ALL (v_hashtags);

                v_count := v_count + 1;
            END LOOP;

            -- NEW in 015: keep videos_count, likes_total and total_play_count of
            -- creators_hot, and the counts of hashtags_hot and sounds_hot, accurate
            -- after every ingestion.
            PERFORM update_aggregations();

            UPDATE ingestion_runs
            SET status          = 'succeeded',
                videos_ingested = v_count,
                finished_at     = now()
            WHERE run_id = v_run_id;

            RETURN v_count;
        END;

        """#)

    Function("normalize_hashtag", arguments: "p_tag text", returns: "text", language: "sql", volatility: .immutable, strict: true, parallel: .safe, comment: "Canonical hashtag: lower case, no #, no surrounding blanks; NULL if empty.", body: #"""

            SELECT NULLIF(lower(btrim(p_tag, '# ')), '');

        """#)

    Function("set_updated_at", returns: "trigger", language: "plpgsql", body: #"""

        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END;

        """#)

    Function("update_aggregation_quick", returns: "void", language: "plpgsql", securityDefiner: true, set: ["search_path=public"], comment: "Recomputes the counters of creators whose videos changed in the last hour.", body: #"""

        BEGIN
            UPDATE creators_hot c
            SET
              videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              likes_total = (SELECT COALESCE(SUM(likes_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              total_play_count = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              updated_at = NOW()
            WHERE c.creator_id IN (
                SELECT v.creator_id
                FROM videos_hot v
                WHERE v.updated_at > NOW() - INTERVAL '1 hour'
            );
        END;

        """#)

    Function("update_aggregations", returns: "void", language: "plpgsql", securityDefiner: true, set: ["search_path=public"], comment: "Recomputes every counter of creators_hot, hashtags_hot and sounds_hot.", body: #"""

        BEGIN
            -- Creators ----------------------------------------------------------------
            -- videos_count:     number of videos by this creator
            -- likes_total:      total likes across all the creator's videos
            -- total_play_count: total views across all the creator's videos
            -- (correlated sub-selects rather than one GROUP BY join so that creators
            -- without videos are reset to 0 too)
            UPDATE creators_hot c
            SET
              videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              likes_total = (SELECT COALESCE(SUM(likes_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              total_play_count = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
              updated_at = NOW();

            -- Likes per follower, where followers are known.
            UPDATE creators_hot c
            SET engagement_rate = round(LEAST(c.likes_total::numeric / c.followers_count, 999.9999), 4)
            WHERE c.followers_count > 0;

            -- Hashtags ----------------------------------------------------------------
            UPDATE hashtags_hot h
            SET
              videos_count = (SELECT COUNT(*) FROM video_hashtags vh WHERE vh.hashtag = h.hashtag),
              views_total = (SELECT COALESCE(SUM(v.views_count), 0)
                             FROM video_hashtags vh JOIN videos_hot v ON v.video_id = vh.video_id
                             WHERE vh.hashtag = h.hashtag),
              creators_count = (SELECT COUNT(DISTINCT v.creator_id)
                                FROM video_hashtags vh JOIN videos_hot v ON v.video_id = vh.video_id
                                WHERE vh.hashtag = h.hashtag),
              updated_at = NOW();

            -- Sounds ------------------------------------------------------------------
            UPDATE sounds_hot s
            SET
              videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.sound_id = s.sound_id),
              views_total = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.sound_id = s.sound_id),
              updated_at = NOW();
        END;

        """#)

    Table("creator_profiles_cold", comment: "Cold data: the author object and stats of the last scrape, per creator.") {
        Column("creator_id", .text).primaryKey().references("creators_hot", ["creator_id"], onDelete: .cascade)
        Column("profile_json", .jsonb).notNull().default("'{}'::jsonb")
        Column("stats_snapshot", .jsonb).notNull().default("'{}'::jsonb")
        Column("bio_links", .jsonb)
        Column("fetched_at", .timestamptz).notNull().default("now()")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Index("idx_creator_profiles_cold_profile_json", keys: [.column("profile_json", operatorClass: "jsonb_path_ops")], using: "gin")
        RowLevelSecurity()
        Policy("Authenticated read access", for: .select, to: ["authenticated"], using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("creators_cold", comment: "Cold data: complete creator profile JSON, platform identities, insights.") {
        Column("creator_id", .text).primaryKey().references("creators_hot", ["creator_id"], onDelete: .cascade)
        Column("full_json", .jsonb).notNull().default("'{}'::jsonb")
        Column("raw_data", .jsonb)
        Column("platform_identities", .jsonb).notNull().default("'{}'::jsonb")
        Column("insights", .jsonb).notNull().default("'{}'::jsonb")
        Column("engagement_metrics", .jsonb).notNull().default("'{}'::jsonb")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Index("idx_creators_cold_platform_identities", on: "platform_identities", using: "gin")
        Index("idx_creators_cold_updated_at", on: "updated_at")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("creators_hot", comment: "Hot data: one row per creator, display fields and counters.") {
        Column("creator_id", .text).primaryKey().comment("Platform id of the creator (author.id in the payload).")
        Column("platform", .named("social_platform")).notNull().default("'tiktok'::public.social_platform")
        Column("username", .text).notNull().comment("Handle (author.uniqueId); unique per platform.")
        Column("display_name", .text)
        Column("avatar_url", .text)
        Column("is_verified", .boolean).notNull().default("false")
        Column("videos_count", .integer).notNull().default("0").comment("Number of videos by this creator")
        Column("likes_total", .bigint).notNull().default("0").comment("Total likes across all creator's videos")
        Column("followers_count", .bigint).notNull().default("0")
        Column("following_count", .bigint).notNull().default("0")
        Column("engagement_rate", .named("engagement_rate"))
        Column("bio", .text)
        Column("region", .char(2))
        Column("first_seen_at", .timestamptz).notNull().default("now()")
        Column("last_seen_at", .timestamptz).notNull().default("now()")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Column("total_play_count", .bigint).default("0").comment("Total views across all creator's videos")
        Check("((videos_count >= 0) AND (likes_total >= 0) AND (followers_count >= 0) AND (following_count >= 0))", name: "creators_hot_counts_check")
        Unique("platform", "username")
        Index("idx_creators_hot_likes_total", keys: [.column("likes_total", descending: true)])
        Index("idx_creators_hot_username_lower", keys: [.expression("lower(username)")])
        Index("idx_creators_hot_username_trgm", keys: [.column("username", operatorClass: "gin_trgm_ops", operatorClassSchema: "public")], using: "gin")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
        Trigger("trg_creators_hot_updated_at", .before, .update, execute: "set_updated_at")
    }

    Table("hashtags_cold", comment: "Cold data: hashtag metadata, related hashtags, trending history, usage statistics.") {
        Column("hashtag", .text).primaryKey()
        Column("metadata", .jsonb).notNull().default("'{}'::jsonb")
        Column("related_hashtags", .text.array).notNull().default("'{}'::text[]")
        Column("trending_history", .jsonb).notNull().default("'[]'::jsonb")
        Column("usage_statistics", .jsonb).notNull().default("'{}'::jsonb")
        Column("raw_data", .jsonb)
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Index("idx_hashtags_cold_related_hashtags", on: "related_hashtags", using: "gin")
        Index("idx_hashtags_cold_updated_at", on: "updated_at")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("hashtags_hot", comment: "Hot data: one row per normalised hashtag.") {
        Column("hashtag", .text).primaryKey().check("((hashtag <> ''::text) AND (hashtag = lower(hashtag)) AND (\"left\"(hashtag, 1) <> '#'::text))")
        Column("description", .text)
        Column("is_commerce", .boolean).notNull().default("false")
        Column("is_hidden", .boolean).notNull().default("false")
        Column("cover_url", .text)
        Column("videos_count", .integer).notNull().default("0").comment("Number of videos using this hashtag")
        Column("views_total", .bigint).notNull().default("0").comment("Total views of videos with this hashtag")
        Column("creators_count", .integer).notNull().default("0").comment("Number of creators using this hashtag")
        Column("first_seen_at", .timestamptz).notNull().default("now()")
        Column("last_seen_at", .timestamptz).notNull().default("now()")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Check("((videos_count >= 0) AND (views_total >= 0) AND (creators_count >= 0))", name: "hashtags_hot_counts_check")
        Index("idx_hashtags_hot_videos_count", keys: [.column("videos_count", descending: true)]).where("(NOT is_hidden)")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
        Trigger("trg_hashtags_hot_updated_at", .before, .update, execute: "set_updated_at")
    }

    Table("ingestion_runs", comment: "One row per ingest_videos() call.") {
        Column("run_id", .bigint).identity(.always).primaryKey()
        Column("batch_id", .bigint).notNull().default("nextval('public.ingestion_batch_seq'::regclass)").unique()
        Column("source", .named("social_platform")).notNull().default("'tiktok'::public.social_platform")
        Column("status", .named("ingestion_status")).notNull().default("'pending'::public.ingestion_status")
        Column("payload_sha256", .text)
        Column("items_received", .integer).notNull().default("0")
        Column("videos_ingested", .integer).notNull().default("0")
        Column("error_message", .text)
        Column("started_at", .timestamptz).notNull().default("now()")
        Column("finished_at", .timestamptz)
        Check("((items_received >= 0) AND (videos_ingested >= 0) AND (videos_ingested <= items_received))", name: "ingestion_runs_counts_check")
        Check("((finished_at IS NULL) OR (finished_at >= started_at))", name: "ingestion_runs_finished_check")
        Index("idx_ingestion_runs_unfinished", on: "started_at").where("(status = ANY (ARRAY['pending'::public.ingestion_status, 'running'::public.ingestion_status]))")
        RowLevelSecurity()
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("sounds_cold", comment: "Cold data: the music object of the payloads, per sound.") {
        Column("sound_id", .text).primaryKey().references("sounds_hot", ["sound_id"], onDelete: .cascade)
        Column("raw_data", .jsonb).notNull().default("'{}'::jsonb")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        RowLevelSecurity()
        Policy("Authenticated read access", for: .select, to: ["authenticated"], using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("sounds_hot", comment: "Hot data: one row per sound (music track or original audio).") {
        Column("sound_id", .text).primaryKey()
        Column("platform", .named("social_platform")).notNull().default("'tiktok'::public.social_platform")
        Column("title", .text)
        Column("author_name", .text)
        Column("is_original", .boolean).notNull().default("false")
        Column("duration_seconds", .integer)
        Column("play_url", .text)
        Column("cover_url", .text)
        Column("album", .text)
        Column("is_commercial", .boolean).notNull().default("false")
        Column("videos_count", .integer).notNull().default("0").comment("Number of videos using this sound")
        Column("views_total", .bigint).notNull().default("0").comment("Total views of videos using this sound")
        Column("first_seen_at", .timestamptz).notNull().default("now()")
        Column("last_seen_at", .timestamptz).notNull().default("now()")
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Check("((videos_count >= 0) AND (views_total >= 0))", name: "sounds_hot_counts_check")
        Index("idx_sounds_hot_videos_count", keys: [.column("videos_count", descending: true)])
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
        Trigger("trg_sounds_hot_updated_at", .before, .update, execute: "set_updated_at")
    }

    Table("video_hashtags", comment: "Which video uses which hashtag.") {
        Column("video_id", .text).notNull().references("videos_hot", ["video_id"], onDelete: .cascade)
        Column("hashtag", .text).notNull().references("hashtags_hot", ["hashtag"], onDelete: .cascade)
        Column("created_at", .timestamptz).notNull().default("now()")
        PrimaryKey("video_id", "hashtag")
        Index("idx_video_hashtags_hashtag", on: "hashtag")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("video_metrics_history", comment: "Append-only engagement numbers, one row per video per ingestion.") {
        Column("id", .bigint).serial().primaryKey()
        Column("video_id", .text).notNull().references("videos_hot", ["video_id"], onDelete: .cascade)
        Column("run_id", .bigint).references("ingestion_runs", ["run_id"], onDelete: .setNull)
        Column("views_count", .bigint).notNull().default("0")
        Column("likes_count", .bigint).notNull().default("0")
        Column("comments_count", .bigint).notNull().default("0")
        Column("shares_count", .bigint).notNull().default("0")
        Column("captured_at", .timestamptz).notNull().default("now()")
        Index("idx_video_metrics_history_video_captured", keys: [.column("video_id"), .column("captured_at", descending: true)])
        RowLevelSecurity()
        Policy("Authenticated read access", for: .select, to: ["authenticated"], using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("videos_cold", comment: "Cold data: complete video payloads.") {
        Column("video_id", .text).primaryKey().references("videos_hot", ["video_id"], onDelete: .cascade)
        Column("raw_data", .jsonb).notNull().check("(jsonb_typeof(raw_data) = 'object'::text)")
        Column("music", .jsonb)
        Column("effects", .jsonb).notNull().default("'[]'::jsonb")
        Column("payload_sha256", .text)
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Index("idx_videos_cold_raw_data", on: "raw_data", using: "gin")
        RowLevelSecurity()
        Policy("Authenticated read access", for: .select, to: ["authenticated"], using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
    }

    Table("videos_hot", comment: "Hot data: one row per video with the latest engagement numbers.") {
        Column("video_id", .text).primaryKey()
        Column("creator_id", .text).notNull().references("creators_hot", ["creator_id"], onDelete: .cascade)
        Column("platform", .named("social_platform")).notNull().default("'tiktok'::public.social_platform")
        Column("sound_id", .text).comment("Sound used by the video; not a foreign key, sounds may arrive later.")
        Column("description", .text)
        Column("duration_seconds", .integer)
        Column("views_count", .bigint).notNull().default("0")
        Column("likes_count", .bigint).notNull().default("0")
        Column("comments_count", .bigint).notNull().default("0")
        Column("shares_count", .bigint).notNull().default("0")
        Column("saves_count", .bigint).notNull().default("0")
        Column("hashtags", .text.array).notNull().default("'{}'::text[]").comment("Normalised hashtags of the video (copy of video_hashtags for GIN searches).")
        Column("is_ad", .boolean).notNull().default("false")
        Column("posted_at", .timestamptz)
        Column("created_at", .timestamptz).notNull().default("now()")
        Column("updated_at", .timestamptz).notNull().default("now()")
        Check("((views_count >= 0) AND (likes_count >= 0) AND (comments_count >= 0) AND (shares_count >= 0) AND (saves_count >= 0))", name: "videos_hot_counts_check")
        Check("((duration_seconds IS NULL) OR (duration_seconds >= 0))", name: "videos_hot_duration_check")
        Index("idx_videos_hot_created_at", keys: [.column("created_at", descending: true)])
        Index("idx_videos_hot_creator_id", on: "creator_id")
        Index("idx_videos_hot_hashtags", on: "hashtags", using: "gin")
        Index("idx_videos_hot_sound_id", on: "sound_id").where("(sound_id IS NOT NULL)")
        Index("idx_videos_hot_updated_at", on: "updated_at")
        RowLevelSecurity()
        Policy("Public read access", for: .select, using: "true")
        Policy("Service role full access", to: ["service_role"], using: "true", withCheck: "true")
        Trigger("trg_videos_hot_updated_at", .before, .update, execute: "set_updated_at")
    }

    View("creator_leaderboard", options: ["security_invoker=true"], comment: "Creators with at least one video, ranked by total likes.", #"""
         SELECT c.creator_id,
            c.platform,
            c.username,
            c.display_name,
            c.is_verified,
            c.videos_count,
            c.likes_total,
            c.followers_count,
            c.engagement_rate,
            rank() OVER (ORDER BY c.likes_total DESC) AS likes_rank
           FROM public.creators_hot c
          WHERE (c.videos_count > 0);
        """#)

    View("recent_videos", options: ["security_invoker=true"], comment: "Videos ingested in the last 7 days, with creator and sound.", #"""
         SELECT v.video_id,
            v.creator_id,
            c.username,
            v.sound_id,
            s.title AS sound_title,
            v.description,
            v.views_count,
            v.likes_count,
            v.hashtags,
            v.posted_at,
            v.created_at
           FROM ((public.videos_hot v
             JOIN public.creators_hot c ON ((c.creator_id = v.creator_id)))
             LEFT JOIN public.sounds_hot s ON ((s.sound_id = v.sound_id)))
          WHERE (v.created_at > (now() - '7 days'::interval));
        """#)

    View("trending_hashtags", options: ["security_invoker=true"], comment: "Visible hashtags seen in the last 30 days.", #"""
         SELECT h.hashtag,
            h.videos_count,
            h.views_total,
            h.creators_count,
            (h.views_total / NULLIF(h.videos_count, 0)) AS avg_views_per_video,
            h.last_seen_at
           FROM public.hashtags_hot h
          WHERE ((NOT h.is_hidden) AND (h.last_seen_at > (now() - '30 days'::interval)))
          ORDER BY h.videos_count DESC, h.views_total DESC;
        """#)

}
