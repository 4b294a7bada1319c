// The audit pages' query string → a filter: anything malformed is dropped, never an error.
import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
const keep = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const schema = z.object({
  actor: keep(z.string().uuid()),
  action: keep(
    z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)+$/)
      .max(100),
  ),
  from: keep(day),
  to: keep(day),
  org: keep(z.union([z.string().uuid(), z.literal("platform")])),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditQuery = z.infer<typeof schema>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseAuditQuery(params: Params): AuditQuery {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === "" || first === null ? undefined : first;
  };
  return schema.parse({
    actor: get("actor"),
    action: get("action"),
    from: get("from"),
    to: get("to"),
    org: get("org"),
    page: get("page") ?? 1,
  });
}

/** The query string for a filter (and page), for links that keep the filter. */
export function auditQueryString(query: Partial<AuditQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
