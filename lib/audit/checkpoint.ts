// Signed checkpoints of every chain's head, appended as JSON lines to a file outside the database:
// a chain rewritten consistently (every hash recomputed) no longer matches what was signed earlier.
import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { constantTimeEqual } from "@/lib/crypto/hmac";
import { env } from "@/lib/env";
import { canonicalJson } from "./chain";

export type ChainHead = { entries: number; lastId: number | null; hash: string };
export type Checkpoint = { version: 1; writtenAt: string; chains: Record<string, ChainHead> };
type SignedCheckpoint = Checkpoint & { signature: string };

/** The checkpoints in the file, oldest first, and the lines that aren't a checkpoint signed by us. */
export type CheckpointFile = { path: string; checkpoints: Checkpoint[]; problems: string[] };

const signingKey = (key: Buffer) =>
  Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "wigiwork audit checkpoint v1", 32));

const sign = (checkpoint: Checkpoint, key: Buffer) =>
  createHmac("sha256", signingKey(key)).update(canonicalJson(checkpoint)).digest("hex");

/** Where checkpoints are kept: `WIGI_AUDIT_CHECKPOINT_FILE`, by default under the data folder. */
export const checkpointPath = () => env().auditCheckpointFile;

function signedBy(line: SignedCheckpoint): boolean {
  const { signature, ...checkpoint } = line;
  const keys = [env().encryptionKey, ...env().retiredEncryptionKeys];
  return typeof signature === "string" && keys.some((key) => constantTimeEqual(sign(checkpoint, key), signature));
}

function parseLine(text: string): SignedCheckpoint | null {
  try {
    const value = JSON.parse(text) as SignedCheckpoint;
    return value && value.version === 1 && typeof value.chains === "object" ? value : null;
  } catch {
    return null;
  }
}

export function readCheckpoints(file = checkpointPath()): CheckpointFile {
  if (!fs.existsSync(file)) return { path: file, checkpoints: [], problems: [] };
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  for (const [index, text] of lines.entries()) {
    if (!text.trim()) continue;
    const line = parseLine(text);
    if (!line) problems.push(`line ${index + 1} of ${file} isn't a checkpoint`);
    else if (!signedBy(line)) problems.push(`line ${index + 1} of ${file} has a signature that doesn't verify`);
    else checkpoints.push({ version: line.version, writtenAt: line.writtenAt, chains: line.chains });
  }
  return { path: file, checkpoints, problems };
}

/** Appends a signed checkpoint of these heads; returns it. */
export function appendCheckpoint(chains: Record<string, ChainHead>, file = checkpointPath(), now = new Date()) {
  const checkpoint: Checkpoint = { version: 1, writtenAt: now.toISOString(), chains };
  const line: SignedCheckpoint = { ...checkpoint, signature: sign(checkpoint, env().encryptionKey) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  return checkpoint;
}
