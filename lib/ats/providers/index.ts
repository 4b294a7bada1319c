import "server-only";
// Finds the webhook dialect of a connection's provider.
import type { AtsProvider } from "@/db/schema/enums";
import type { WebhookAdapter } from "@/lib/ats/normalized-job";
import { ashbyAdapter } from "@/lib/ats/providers/ashby";
import { genericAdapter } from "@/lib/ats/providers/generic";
import { greenhouseAdapter } from "@/lib/ats/providers/greenhouse";

const ADAPTERS: Record<WebhookAdapter["provider"], WebhookAdapter> = {
  generic: genericAdapter,
  greenhouse: greenhouseAdapter,
  ashby: ashbyAdapter,
};

/** The provider's webhook adapter, or null for a provider that sends no job webhooks (Lever: pull only). */
export function webhookAdapterFor(provider: AtsProvider): WebhookAdapter | null {
  return Object.hasOwn(ADAPTERS, provider) ? ADAPTERS[provider as WebhookAdapter["provider"]] : null;
}
