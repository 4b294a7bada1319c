// Candidate identity at rest: each field encrypted and bound to its row; stored, read and erased here.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { candidateIdentities } from "@/db/schema/identity";
import { aadFor, open, seal } from "@/lib/crypto/secret-box";

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

function openField<T>(candidateId: string, column: string, envelope: string): T {
  return JSON.parse(open(envelope, aadFor(TABLE, column, candidateId))) as T;
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

/** Decrypts one identity. Not exported from lib/identity: the viewer is its only caller. */
export async function readIdentity(db: Database, candidateId: string): Promise<CandidateIdentity | null> {
  const [row] = await db.select().from(candidateIdentities).where(eq(candidateIdentities.candidateId, candidateId));
  if (!row) return null;
  return {
    fullName: openField(candidateId, "full_name", row.fullNameEnc),
    email: openField(candidateId, "email", row.emailEnc),
    phone: row.phoneEnc === null ? null : openField(candidateId, "phone", row.phoneEnc),
    links: openField(candidateId, "links", row.linksEnc),
    employment: openField(candidateId, "employment", row.employmentEnc),
    education: openField(candidateId, "education", row.educationEnc),
  };
}

/** Erases a candidate's identity for good (GDPR Art. 17). Returns whether there was one. */
export async function eraseIdentity(db: Database, candidateId: string): Promise<boolean> {
  const gone = await db
    .delete(candidateIdentities)
    .where(eq(candidateIdentities.candidateId, candidateId))
    .returning({ id: candidateIdentities.candidateId });
  return gone.length > 0;
}
