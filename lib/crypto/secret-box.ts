// Secrets at rest: AES-256-GCM with a key derived from WIGI_ENCRYPTION_KEY, the key id stored with
// each value, and additional data binding each ciphertext to the row and column it belongs to.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

type Key = { id: string; key: Buffer };
type Keyring = { current: Key; byId: Map<string, Key> };

const VERSION = "v1";

function deriveKey(master: Buffer): Key {
  const id = createHash("sha256").update("wigiwork-key-id").update(master).digest("hex").slice(0, 8);
  const key = Buffer.from(hkdfSync("sha256", master, "wigiwork", "secrets-at-rest v1", 32));
  return { id, key };
}

export function createKeyring(current: Buffer, retired: Buffer[] = []): Keyring {
  const keys = [current, ...retired].map(deriveKey);
  return { current: keys[0] as Key, byId: new Map(keys.map((k) => [k.id, k])) };
}

let keyring: Keyring | undefined;
function defaultKeyring(): Keyring {
  keyring ??= createKeyring(env().encryptionKey, env().retiredEncryptionKeys);
  return keyring;
}

/** The additional data for a value: which table, column and row it belongs to. */
export function aadFor(table: string, column: string, rowId: string): string {
  return `${table}.${column}:${rowId}`;
}

export function seal(plaintext: string, aad: string, ring: Keyring = defaultKeyring()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    ring.current.id,
    iv.toString("base64url"),
    body.toString("base64url"),
    tag.toString("base64url"),
  ].join(".");
}

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function open(envelope: string, aad: string, ring: Keyring = defaultKeyring()): string {
  const [version, keyId, iv, body, tag] = envelope.split(".");
  if (version !== VERSION || !keyId || !iv || body === undefined || !tag) {
    throw new SecretBoxError("Malformed encrypted value");
  }
  const key = ring.byId.get(keyId);
  if (!key) throw new SecretBoxError(`Unknown encryption key id ${keyId}`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("Encrypted value failed authentication");
  }
}
