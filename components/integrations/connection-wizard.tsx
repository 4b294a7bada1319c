"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { activateConnectionAction } from "@/lib/actions/activate-connection";
import { createConnectionAction } from "@/lib/actions/create-connection";
import { EndpointSetup } from "./endpoint-setup";
import { SecretReveal } from "./secret-reveal";

type Brand = { id: string; name: string; isClient: boolean; verified: boolean };
type Provider = "generic" | "greenhouse" | "ashby" | "lever";

const PROVIDERS: { value: Provider; label: string; hint: string }[] = [
  {
    value: "generic",
    label: "Standard Webhooks",
    hint: "Any ATS or middleware that signs webhooks (standardwebhooks.com).",
  },
  {
    value: "greenhouse",
    label: "Greenhouse",
    hint: "Greenhouse web hooks; optionally its Job Board API for pay ranges.",
  },
  { value: "ashby", label: "Ashby", hint: "Ashby webhooks; optionally its Job Posting API." },
  { value: "lever", label: "Lever", hint: "Lever has no job webhooks: jobs are pulled from its Postings API." },
];

const WHERE_TO_PASTE: Record<Provider, string> = {
  generic:
    "Configure your ATS or middleware to POST job.published, job.updated and job.closed events to this URL, signed with this secret (Standard Webhooks).",
  greenhouse:
    "In Greenhouse: Configure → Dev Center → Web Hooks. Create web hooks for Job Post and Job events with this URL and this secret key.",
  ashby:
    "In Ashby: Admin → Integrations → Webhooks. Add webhooks for job posting publish, update and unpublish with this URL and this secret.",
  lever: "",
};

const BOARD_LABEL: Record<Provider, string> = {
  generic: "",
  greenhouse: "Greenhouse board token",
  ashby: "Ashby job board name",
  lever: "Lever site name",
};

function ProviderChoice({ value, onChange }: { value: Provider; onChange: (p: Provider) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">ATS</legend>
      {PROVIDERS.map((p) => (
        <label
          key={p.value}
          className="flex items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-500"
        >
          <input
            type="radio"
            name="provider"
            value={p.value}
            checked={value === p.value}
            onChange={() => onChange(p.value)}
            className="mt-1"
          />
          <span>
            <span className="block text-sm font-medium">{p.label}</span>
            <span className="block text-xs text-slate-600">{p.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function ClientSettings({ brands, errors }: { brands: Brand[]; errors?: Record<string, string[]> }) {
  const [source, setSource] = useState("field");
  const clients = brands.filter((b) => b.isClient);
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3">
      <Select
        label="How the client is read"
        name="clientSource"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        options={[
          { value: "field", label: "A field on the job" },
          { value: "department", label: "The job's department" },
          { value: "fixed", label: "Always the same client" },
        ]}
        errors={errors?.clientSource}
      />
      {source === "field" ? (
        <Field
          label="Field name"
          name="clientField"
          hint="Standard Webhooks: leave empty to use the event's client."
          errors={errors?.clientField}
        />
      ) : null}
      {source === "fixed" ? (
        <Select
          label="Client"
          name="fixedClientBrandId"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
          errors={errors?.fixedClientBrandId}
        />
      ) : null}
    </div>
  );
}

function CreateStep({
  brands,
  orgKind,
  action,
  pending,
  result,
}: {
  brands: Brand[];
  orgKind: "employer" | "agency";
  action: (form: FormData) => void;
  pending: boolean;
  result: Awaited<ReturnType<typeof createConnectionAction>> | null;
}) {
  const [provider, setProvider] = useState<Provider>("generic");
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const ownBrands = brands.filter((b) => !b.isClient || orgKind === "agency");
  return (
    <form action={action} className="space-y-5">
      <ProviderChoice value={provider} onChange={setProvider} />
      <Field
        label="Connection name"
        name="name"
        defaultValue={`${PROVIDERS.find((p) => p.value === provider)?.label} jobs`}
        errors={errors?.name}
        required
      />
      <Select
        label="Brand"
        name="brandId"
        options={ownBrands.map((b) => ({ value: b.id, label: `${b.name}${b.verified ? "" : " (not verified)"}` }))}
        hint="Jobs from this connection are published under this brand."
        errors={errors?.brandId}
      />
      {orgKind === "agency" ? <ClientSettings brands={brands} errors={errors} /> : null}
      {provider === "greenhouse" || provider === "ashby" ? (
        <Field
          label="Your signing secret (optional)"
          name="signingSecret"
          type="password"
          autoComplete="off"
          hint={`If you already set a secret key in ${provider === "greenhouse" ? "Greenhouse" : "Ashby"}, paste it; otherwise we generate one for you to paste there.`}
          errors={errors?.signingSecret}
        />
      ) : null}
      {provider !== "generic" ? (
        <div className="space-y-3 rounded-md bg-slate-50 p-3">
          <Field
            label={BOARD_LABEL[provider]}
            name="boardToken"
            required={provider === "lever"}
            hint={
              provider === "lever"
                ? "Required: the name in jobs.lever.co/<name>."
                : "Optional: pull jobs (and pay ranges) from the public board too."
            }
            errors={errors?.boardToken}
          />
          <Field
            label="Board base URL"
            name="boardBaseUrl"
            type="url"
            hint="Leave empty for the provider's public API."
            errors={errors?.boardBaseUrl}
          />
          <Field
            label="Sync every (minutes)"
            name="syncIntervalMinutes"
            type="number"
            min={5}
            max={1440}
            defaultValue={60}
            errors={errors?.syncIntervalMinutes}
          />
        </div>
      ) : null}
      <FormMessage result={result && !result.ok && !errors ? result : null} name="Connection" />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating…" : "Create connection"}
      </Button>
    </form>
  );
}

/** The connection wizard: provider and settings → credentials (shown once) → endpoint and test → activate. */
export function ConnectionWizard({ brands, orgKind }: { brands: Brand[]; orgKind: "employer" | "agency" }) {
  const router = useRouter();
  const [created, create, creating] = useActionState(createConnectionAction, null);
  const [activated, activate, activating] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await activateConnectionAction(prev, form);
    if (result.ok) router.push(`/integrations/${result.data.connectionId}`);
    return result;
  }, null);

  if (!created?.ok) {
    return (
      <Card title="1. Choose your ATS">
        <CreateStep brands={brands} orgKind={orgKind} action={create} pending={creating} result={created} />
      </Card>
    );
  }
  const { id, webhookUrl, signingSecret, provider } = created.data;
  return (
    <div className="space-y-6">
      <Card title="2. Credentials for your ATS">
        {webhookUrl ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{WHERE_TO_PASTE[provider as Provider]}</p>
            <SecretReveal label="Webhook URL" value={webhookUrl} />
            {signingSecret ? (
              <SecretReveal label="Signing secret" value={signingSecret} secret />
            ) : (
              <p className="text-sm text-slate-700">
                Your own signing secret is stored encrypted; it won&apos;t be shown again.
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-700">
            Lever jobs are pulled from its public Postings API; there is nothing to paste into Lever.
          </p>
        )}
      </Card>
      <Card title="3. Where we send events">
        <EndpointSetup connectionId={id} endpointUrl={null} />
      </Card>
      <Card title="4. Activate">
        <form action={activate} className="space-y-3">
          <input type="hidden" name="connectionId" value={id} />
          <p className="text-sm text-slate-700">Until you activate it, the connection accepts only test pings.</p>
          <FormMessage result={activated && !activated.ok ? activated : null} name="Activation" />
          <Button type="submit" disabled={activating} aria-busy={activating}>
            {activating ? "Activating…" : "Activate"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
