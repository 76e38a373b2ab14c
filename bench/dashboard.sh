#!/usr/bin/env bash
# The Overview's event queries at 1,000,000 events (ADR 0019), in SQLite alone: the schema of the Events and
# EventDailyCounts migrations, one bulk INSERT … SELECT spreading EVENTS events evenly over 30 days, a rollup of the
# closed days in SQL, then the three reads timed with sqlite3's .timer: what the dashboard does (the rollup range of
# 29 days + today's charted events along the (Type, OccurredAt) index), and what a live-only dashboard would do (every
# charted event of 30 days). EVENTS overrides the count; the database goes to a temporary folder.
set -euo pipefail
EVENTS=${EVENTS:-1000000}
DB=$(mktemp -d /tmp/auth-dashboard.XXXXXX)/events.db
NOW=${NOW:-2026-11-30 18:00:00}

sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE "Events" ("Id" TEXT NOT NULL PRIMARY KEY, "Type" TEXT NOT NULL, "OccurredAt" TEXT NOT NULL,
  "ActorType" TEXT NOT NULL, "ActorId" TEXT NULL, "UserId" TEXT NULL, "Ip" TEXT NULL, "UserAgent" TEXT NULL, "Detail" TEXT NULL);
CREATE INDEX "IX_Events_ActorId_OccurredAt_Id" ON "Events" ("ActorId", "OccurredAt", "Id");
CREATE INDEX "IX_Events_OccurredAt_Id" ON "Events" ("OccurredAt", "Id");
CREATE INDEX "IX_Events_Type_OccurredAt_Id" ON "Events" ("Type", "OccurredAt", "Id");
CREATE INDEX "IX_Events_UserId_OccurredAt_Id" ON "Events" ("UserId", "OccurredAt", "Id");
CREATE TABLE "EventDailyCounts" ("Day" TEXT NOT NULL, "Type" TEXT NOT NULL, "Key" TEXT NOT NULL, "Count" INTEGER NOT NULL,
  CONSTRAINT "PK_EventDailyCounts" PRIMARY KEY ("Day", "Type", "Key"));
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $EVENTS - 1)
INSERT INTO "Events" ("Id", "Type", "OccurredAt", "ActorType", "UserId", "Detail")
SELECT printf('%032x', i),
       CASE i % 7 WHEN 0 THEN 'user.signup' WHEN 1 THEN 'user.signin' WHEN 2 THEN 'user.signin_failed' WHEN 3 THEN 'user.locked'
                  WHEN 4 THEN 'message.sent' WHEN 5 THEN 'message.failed' ELSE 'settings.saved' END,
       datetime('$NOW', '-' || (i * 2592000 / $EVENTS) || ' seconds'),
       'user', printf('%024x', i % 100000),
       CASE i % 3 WHEN 0 THEN '{"channel":"email"}' WHEN 1 THEN '{"method":"pwd"}' ELSE '{"provider":"github","method":"oauth"}' END
FROM n;
INSERT INTO "EventDailyCounts"
SELECT date("OccurredAt") || ' 00:00:00', "Type", coalesce(json_extract("Detail", '$.provider'), json_extract("Detail", '$.method'), json_extract("Detail", '$.channel'), ''), count(*)
FROM "Events" WHERE "OccurredAt" < date('$NOW') GROUP BY 1, 2, 3;
ANALYZE;
SQL

echo "events: $(sqlite3 "$DB" 'SELECT count(*) FROM "Events"'), rollup rows: $(sqlite3 "$DB" 'SELECT count(*) FROM "EventDailyCounts"'), load: $(uptime | sed 's/.*load average: //')"
TYPES="'message.failed', 'message.sent', 'user.locked', 'user.signin', 'user.signin_failed', 'user.signup'"
for run in 1 2 3; do
sqlite3 "$DB" <<SQL
.timer on
.print -- run $run: rollups of the 29 closed days (the dashboard)
SELECT count(*), sum("Count") FROM "EventDailyCounts" WHERE "Day" >= date('$NOW', '-29 days') AND "Day" < date('$NOW');
.print -- run $run: today's charted events, read as the app does (Type, Detail)
SELECT count(*), sum(length("Detail")) FROM "Events" WHERE "Type" IN ($TYPES) AND "OccurredAt" >= date('$NOW') AND "OccurredAt" < date('$NOW', '+1 day');
.print -- run $run: live only - every charted event of 30 days (the alternative ADR 0019 rejects)
SELECT count(*), sum(length("Detail")) FROM "Events" WHERE "Type" IN ($TYPES) AND "OccurredAt" >= date('$NOW', '-29 days');
SQL
done
rm -rf "$(dirname "$DB")"
