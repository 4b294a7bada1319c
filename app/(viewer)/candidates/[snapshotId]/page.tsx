import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Watermark } from "@/components/access/watermark";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { now } from "@/lib/access";
import { formatDay, formatMoment } from "@/lib/access/labels";
import { currentActor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/request-ip";
import { recordActivity } from "@/lib/enforcement";
import { viewCandidateProfile } from "@/lib/identity";
import { isUuid } from "@/lib/ids";
import { COUNTRIES, REGIONS, ROLE_FAMILIES } from "@/lib/taxonomy";
import { IdentityText } from "./identity-text";

// The title never names the candidate.
export const metadata: Metadata = { title: "Candidate profile", robots: { index: false, follow: false } };

function Throttled({ minutes }: { minutes: number }) {
  return (
    <>
      <PageHeader title="Candidate profile" />
      <p role="status" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
        You have opened many profiles in the last hour. Please try again in {minutes} minutes; trust &amp; safety has
        been told.
      </p>
    </>
  );
}

const period = (start: string, end: string | null) => `${start} – ${end ?? "today"}`;

export default async function CandidateProfilePage({ params }: { params: Promise<{ snapshotId: string }> }) {
  const actor = await currentActor();
  if (actor?.kind !== "member") notFound();
  const { snapshotId } = await params;
  if (!isUuid(snapshotId)) notFound();
  const requestHeaders = await headers();
  const at = now();
  const activity = await recordActivity(getDb(), { kind: "profile_view", orgId: actor.org.id, userId: actor.userId });
  if (!activity.allowed) return <Throttled minutes={Math.ceil(activity.retryAfterSeconds / 60)} />;
  const view = await viewCandidateProfile(
    getDb(),
    { userId: actor.userId, orgId: actor.org.id, role: actor.role },
    snapshotId,
    { ip: clientIp(requestHeaders), userAgent: requestHeaders.get("user-agent") ?? "" },
    at,
  );
  if (!view) notFound();
  const { identity, profile } = view;
  const watermark = `${actor.email} · ${formatMoment(at)}`;
  return (
    <>
      <PageHeader
        title="Candidate profile"
        description={`Shown to ${actor.org.name} only, inside Wigiwork, until ${formatDay(view.accessUntil)}. This view is recorded in the audit log and the candidate can see it.`}
        actions={
          <Link className="text-sm text-indigo-700 underline" href={`/access-requests/${view.requestId}`}>
            Request and conversation
          </Link>
        }
      />
      <p className="hidden rounded-md bg-amber-50 p-4 text-sm print:block">Candidate profiles can&apos;t be printed.</p>
      <div className="relative space-y-6 print:hidden">
        <Watermark text={watermark} />
        <Card>
          <div className="space-y-1">
            <IdentityText as="h2" className="text-xl font-semibold text-slate-900" value={identity.fullName} />
            <p className="text-sm text-slate-700 first-letter:uppercase">
              {profile.seniority} ·{" "}
              {ROLE_FAMILIES[profile.roleFamily as keyof typeof ROLE_FAMILIES]?.label ?? profile.roleFamily} ·{" "}
              {profile.yearsExperience} years · {COUNTRIES[profile.country]?.name ?? profile.country} (
              {REGIONS[profile.region as keyof typeof REGIONS] ?? profile.region})
            </p>
          </div>
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">E-mail</dt>
            <dd>
              <IdentityText value={identity.email} />
            </dd>
            <dt className="text-slate-600">Phone</dt>
            <dd>{identity.phone ? <IdentityText value={identity.phone} /> : "not given"}</dd>
            <dt className="text-slate-600">Links</dt>
            <dd>
              {identity.links.length === 0 ? "none" : null}
              <ul>
                {identity.links.map((link, i) => (
                  // Keys travel in the page's payload: never an identity value.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for this render.
                  <li key={i}>
                    <IdentityText value={link} />
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="text-slate-600">Skills</dt>
            <dd>{profile.skills.join(", ")}</dd>
            <dt className="text-slate-600">Works</dt>
            <dd>{profile.workplaces.join(", ")}</dd>
            <dt className="text-slate-600">Available</dt>
            <dd>{profile.availability.replaceAll("_", " ")}</dd>
            <dt className="text-slate-600">Expects</dt>
            <dd>
              {profile.salary
                ? `${profile.salary.amount.toLocaleString("en-GB")} ${profile.salary.currency} a ${profile.salary.period}`
                : "not given"}
            </dd>
          </dl>
        </Card>
        <Card title="Experience">
          <ol className="space-y-3 text-sm">
            {identity.employment.map((job) => (
              <li key={`${job.start}-${job.title}`}>
                <p className="font-medium">
                  {job.title} · <IdentityText value={job.employer} />
                </p>
                <p className="text-slate-600">{period(job.start, job.end)}</p>
              </li>
            ))}
          </ol>
        </Card>
        <Card title="Education">
          <ol className="space-y-3 text-sm">
            {identity.education.map((school) => (
              <li key={`${school.start}-${school.degree}`}>
                <p className="font-medium">
                  {school.degree} · <IdentityText value={school.school} />
                </p>
                <p className="text-slate-600">{period(school.start, school.end)}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <p className="mt-4 text-xs text-slate-600">
        Viewed by {watermark}. There is no export or download: talk to the candidate in the conversation instead.
      </p>
    </>
  );
}
