// Plain-language names for providers, connection states and outcomes, shared by pages.
export const PROVIDER_LABELS: Record<string, string> = {
  generic: "Standard Webhooks",
  greenhouse: "Greenhouse",
  ashby: "Ashby",
  lever: "Lever",
};

export const CONNECTION_STATUS_LABELS: Record<string, string> = {
  draft: "Set-up not finished",
  active: "Active",
  disabled: "Disabled",
};

export function formatTime(date: Date | null): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 19)} UTC` : "never";
}
