import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { RequestAccessForm } from "./request-access-form";

export type RequestPanel = {
  snapshotId: string;
  open: { id: string; status: "requested" | "approved" } | null;
  balance: number;
  cost: number;
  idempotencyKey: string;
};

/**
 * The Snapshot page's "Request access" area (the seam for /snapshots/{id}): the form, or where the
 * organisation's open request stands. Load its props with `requestPanelState` from lib/access.
 */
export function RequestAccessPanel({ state }: { state: RequestPanel }) {
  if (state.open?.status === "approved") {
    return (
      <div className="space-y-2 text-sm">
        <p>The candidate approved your request: you may see who they are, inside Wigiwork.</p>
        <Link className={buttonClass()} href={`/candidates/${state.snapshotId}`}>
          Open profile
        </Link>
      </div>
    );
  }
  if (state.open) {
    return (
      <p className="text-sm">
        Your organisation has asked this candidate already.{" "}
        <Link className="text-indigo-700 underline" href={`/access-requests/${state.open.id}`}>
          See the request
        </Link>
      </p>
    );
  }
  return (
    <RequestAccessForm
      snapshotId={state.snapshotId}
      idempotencyKey={state.idempotencyKey}
      cost={state.cost}
      balance={state.balance}
    />
  );
}
