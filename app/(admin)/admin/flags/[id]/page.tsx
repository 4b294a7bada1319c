import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { reviewFlagAction } from "@/lib/actions/review-flag";
import { requireAdminPage } from "@/lib/auth/guards";
import { getFlag } from "@/lib/enforcement/console";
import { FLAG_KIND_LABELS, IDENTIFIER_WORDS, utcTime } from "@/lib/enforcement/labels";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Flag · Trust & safety" };

type Match = { kind: string; value: string; bannedOrgId: string; bannedOrgName: string };

const SUBJECT_LINKS: Record<string, (id: string) => string> = {
  organisation: (id) => `/admin/organisations/${id}`,
  job: (id) => `/admin/jobs/${id}`,
};

export default async function AdminFlagPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const flag = await getFlag(getDb(), id);
  if (!flag) notFound();
  const matches = (flag.evidence.matches as Match[] | undefined) ?? [];
  const facts = Object.entries(flag.evidence).filter(([key]) => key !== "matches");
  const subjectHref = flag.subjectId ? SUBJECT_LINKS[flag.subjectType]?.(flag.subjectId) : undefined;
  return (
    <>
      <PageHeader
        title={FLAG_KIND_LABELS[flag.kind] ?? flag.kind}
        description={flag.summary}
        actions={<Badge tone={flag.status === "open" ? "warn" : "neutral"}>{flag.status}</Badge>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="What was seen">
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt className="text-slate-600">Organisation</dt>
            <dd>
              {flag.orgId ? (
                <Link className="text-indigo-700 underline" href={`/admin/organisations/${flag.orgId}`}>
                  {flag.orgName}
                </Link>
              ) : (
                "—"
              )}
            </dd>
            <dt className="text-slate-600">About</dt>
            <dd>
              {subjectHref ? (
                <Link className="text-indigo-700 underline" href={subjectHref}>
                  {flag.subjectType}
                </Link>
              ) : (
                flag.subjectType
              )}
            </dd>
            <dt className="text-slate-600">Raised by</dt>
            <dd>{flag.source === "report" ? (flag.reporterName ?? "a user") : "an abuse signal"}</dd>
            <dt className="text-slate-600">First seen</dt>
            <dd>{utcTime(flag.createdAt)}</dd>
            <dt className="text-slate-600">Last seen</dt>
            <dd>
              {utcTime(flag.lastSeenAt)}
              {flag.occurrences > 1 ? ` (${flag.occurrences} times)` : ""}
            </dd>
            {facts.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-slate-600">{key}</dt>
                <dd className="break-all">{typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
              </div>
            ))}
          </dl>
          {flag.reason ? (
            <blockquote className="mt-3 rounded-md bg-slate-50 p-3 text-sm">
              <p className="text-xs text-slate-600">In the reporter&apos;s words</p>
              {flag.reason}
            </blockquote>
          ) : null}
          {matches.length > 0 ? (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">Matches with banned organisations</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {matches.map((m) => (
                  <li key={`${m.kind}:${m.value}`}>
                    {IDENTIFIER_WORDS[m.kind] ?? m.kind} <span className="font-mono text-xs">{m.value}</span>, kept from{" "}
                    <Link className="text-indigo-700 underline" href={`/admin/organisations/${m.bannedOrgId}`}>
                      {m.bannedOrgName}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card title="Review">
          {flag.status === "open" ? (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">
                Act on the organisation from its page, then resolve the flag here; or dismiss it when nothing is wrong.
              </p>
              <ActionForm
                action={reviewFlagAction}
                fields={{ flagId: flag.id, action: "resolved" }}
                label="Resolve flag"
                reasonLabel="What was done"
                done="Resolved."
              />
              <ActionForm
                action={reviewFlagAction}
                fields={{ flagId: flag.id, action: "dismissed" }}
                label="Dismiss flag"
                reasonLabel="Why nothing is wrong"
                variant="secondary"
                done="Dismissed."
              />
            </div>
          ) : (
            <p className="text-sm">
              {flag.status === "resolved" ? "Resolved" : "Dismissed"}: {flag.resolution}
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
