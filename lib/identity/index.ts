// The only module that touches candidate identity. Every field is encrypted at rest and bound to its row.
import "server-only";
import type { Database } from "@/db/client";
import { candidateIdentities } from "@/db/schema/identity";
import { aadFor, seal } from "@/lib/crypto/secret-box";

export type EmploymentEntry = { employer: string; title: string; start: string; end: string | null };
export type EducationEntry = { school: string; degree: string; start: string; end: string | null };
export type CandidateIdentity = {
  fullName: string;
  email: string;
  phone: string | null;
  links: string[];
  employment: EmploymentEntry[];
  education: EducationEntry[];
};

const TABLE = "candidate_identities";

function sealField(candidateId: string, column: string, value: unknown): string {
  return seal(JSON.stringify(value), aadFor(TABLE, column, candidateId));
}

function encryptIdentity(candidateId: string, identity: CandidateIdentity) {
  return {
    candidateId,
    fullNameEnc: sealField(candidateId, "full_name", identity.fullName),
    emailEnc: sealField(candidateId, "email", identity.email),
    phoneEnc: identity.phone === null ? null : sealField(candidateId, "phone", identity.phone),
    linksEnc: sealField(candidateId, "links", identity.links),
    employmentEnc: sealField(candidateId, "employment", identity.employment),
    educationEnc: sealField(candidateId, "education", identity.education),
  };
}

/** Stores identities (new candidates). Callers pass plain values; only ciphertext reaches the database. */
export async function insertIdentities(
  db: Database,
  rows: readonly { candidateId: string; identity: CandidateIdentity }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(candidateIdentities).values(rows.map((r) => encryptIdentity(r.candidateId, r.identity)));
}
