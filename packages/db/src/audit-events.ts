// Security events (API.md "Security activity"): written by packages/api's activity capability
// in the transaction of the change they record, read newest first, deleted after retention.
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { AuditEventRow, Database } from "./schema.js";
import { sortableId } from "./sortable-id.js";

export interface NewAuditEvent {
  at: Date;
  action: string;
  actor: { id: number | null; username: string } | null;
  subject: { id: number; username: string } | null;
  target: { type: string; id: string; label: string } | null;
  ip: string | null;
  userAgent: string | null;
}

/** Appends one event; its id orders it by `at`. */
export async function insertAuditEvent(db: Kysely<Database>, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: sortableId(event.at),
      at: event.at.toISOString(),
      action: event.action,
      actor_id: event.actor?.id ?? null,
      actor_username: event.actor?.username ?? null,
      subject_id: event.subject?.id ?? null,
      subject_username: event.subject?.username ?? null,
      target_type: event.target?.type ?? null,
      target_id: event.target?.id ?? null,
      target_label: event.target?.label ?? null,
      ip: event.ip,
      user_agent: event.userAgent,
    })
    .execute();
}

export interface AuditEventQuery {
  /** Events whose subject is this account (a person's own activity). */
  subjectId?: number | undefined;
  /** Events whose actor or subject is this account (the admin filter). */
  involving?: number | undefined;
  action?: string | undefined;
  limit: number;
  /** The id of the last event shown: the page continues with older ones. */
  before?: string | undefined;
}

type EventSelect = SelectQueryBuilder<Database, "audit_events", AuditEventRow>;

function page(select: EventSelect, query: AuditEventQuery): EventSelect {
  let scoped = select;
  if (query.action !== undefined) scoped = scoped.where("action", "=", query.action);
  if (query.before !== undefined) scoped = scoped.where("id", "<", query.before);
  return scoped.orderBy("id", "desc").limit(query.limit);
}

/**
 * Events newest first, one keyset page. "Actor or subject" is two index walks (each at most a
 * page long) merged, so a page costs the same however many events there are.
 */
export function listAuditEvents(
  db: Kysely<Database>,
  query: AuditEventQuery,
): Promise<AuditEventRow[]> {
  const all = db.selectFrom("audit_events").selectAll();
  const { involving } = query;
  if (involving === undefined) {
    const own = query.subjectId === undefined ? all : all.where("subject_id", "=", query.subjectId);
    return page(own, query).execute();
  }
  const asActor = page(all.where("actor_id", "=", involving), query);
  const asSubject = page(all.where("subject_id", "=", involving), query);
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom(asActor.as("by_actor"))
        .selectAll()
        .union(eb.selectFrom(asSubject.as("by_subject")).selectAll())
        .as("merged"),
    )
    .selectAll()
    .orderBy("id", "desc")
    .limit(query.limit)
    .execute();
}

/** Deletes every event older than `cutoff`; returns how many. */
export async function deleteAuditEventsBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom("audit_events")
    .where("at", "<", cutoff.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
